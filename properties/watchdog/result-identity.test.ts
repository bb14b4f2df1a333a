import { beforeAll, expect, test } from "vitest";
import { watchModule, type WatchedModule } from "../../src/watchdog/watchdog.js";
import { learnerModule } from "./learner-modules.js";

/*
 * Issue #23, class 14: results keep their identity across the watchdog's thread boundary. A
 * learner's function that returns the same buffer at every call (catalogue bugs
 * gradient-shares-dw-buffer, gradient-descent-shares-result-buffer) must give the caller the same
 * Float64Array object again, holding the latest values, as it does in one thread; a buffer the
 * caller got back and passes in again is the learner's own buffer in the worker.
 */
let learner: WatchedModule;

beforeAll(() => {
  const path = learnerModule(`
const shared = new Float64Array(2);
export function sharedGradient(v: number): { dw: Float64Array; db: number } {
  shared[0] = v; shared[1] = -v;
  return { dw: shared, db: v };
}
export function freshGradient(v: number): { dw: Float64Array; db: number } {
  return { dw: new Float64Array([v, -v]), db: v };
}
export function isShared(a: Float64Array): boolean { return a === shared; }
export function pair(): Float64Array[] { return [shared, shared]; }
`);
  learner = watchModule(path);
}, 30_000);

type Gradient = { dw: Float64Array; db: number };

test("a shared result buffer is the same object at each call, and the earlier result sees the new values", () => {
  const first = learner.sharedGradient(1) as Gradient;
  const second = learner.sharedGradient(2) as Gradient;
  expect(second.dw).toBe(first.dw);
  expect(Array.from(first.dw)).toEqual([2, -2]);
  expect(first.db).toBe(1);
});

test("fresh result buffers stay distinct objects with their own values", () => {
  const first = learner.freshGradient(1) as Gradient;
  const second = learner.freshGradient(2) as Gradient;
  expect(second.dw).not.toBe(first.dw);
  expect(Array.from(first.dw)).toEqual([1, -1]);
});

test("a shared buffer passed back in is the learner's own buffer; one returned twice is one object", () => {
  const { dw } = learner.sharedGradient(3) as Gradient;
  expect(learner.isShared(dw)).toBe(true);
  expect(learner.isShared(new Float64Array(2))).toBe(false);
  const [a, b] = learner.pair() as Float64Array[];
  expect(a).toBe(b);
  expect(a).toBe(dw);
});
