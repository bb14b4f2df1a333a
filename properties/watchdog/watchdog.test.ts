import { beforeAll, expect, test, vi } from "vitest";
import { TEST_OUTPUT_BYTES, printTestOutput } from "../../src/watchdog/test-output.js";
import { watchModule, type WatchedModule } from "../../src/watchdog/watchdog.js";
import { OUTPUT_BYTES } from "../../src/watchdog/output.mjs";
import { learnerModule } from "./learner-modules.js";

/**
 * The watchdog keeps a call's meaning for the caller: what the learner's function changes in its
 * arguments, returns, throws or calls back is what the caller sees, as if it ran in its thread;
 * and a learner's console output is kept within its bound. (Loops: watchdog.integration.test.ts.)
 */
let learner: WatchedModule;
const outputs: { text: string; dropped: number }[] = [];

beforeAll(() => {
  const path = learnerModule(`
export function scale(a: Float64Array, m: { data: Float64Array }): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] *= 2;
  m.data[0] = -1;
  return a;
}
export function shout(bytes: number): number { console.log("x".repeat(bytes)); return bytes; }
export function fail(): never { throw new Error("not implemented yet: sigmoid (article step 1)"); }
`);
  learner = watchModule(path, { onOutput: (text, dropped) => outputs.push({ text, dropped }) });
}, 30_000);

test("an argument changed in place is changed in the caller's own array, and a returned argument is the caller's object", () => {
  const a = new Float64Array([1, 2, 3]);
  const data = new Float64Array([5, 6, 7, 8]);
  const view = data.subarray(1, 3);
  const returned = learner.scale(a, { data: view });
  expect(Array.from(a)).toEqual([2, 4, 6]);
  expect(returned).toBe(a);
  expect(Array.from(data)).toEqual([5, -1, 7, 8]);
});

test("gradientDescent calls the caller's gradientFunction back once per epoch and appends to the caller's costHistory", () => {
  let calls = 0;
  const costHistory: number[] = [7];
  const X = { rows: 2, cols: 1, data: new Float64Array([1, -1]) };
  const model = learner.gradientDescent(X, new Float64Array([1, 0]), new Float64Array(1), 0, {
    alpha: 0.5,
    epochs: 3,
    costHistory,
    gradientFunction: () => {
      calls += 1;
      return { dw: new Float64Array([1]), db: 2 };
    },
  }) as { w: Float64Array; b: number };
  expect(calls).toBe(3);
  expect(costHistory).toHaveLength(4);
  expect(costHistory[0]).toBe(7);
  expect(Array.from(model.w)).toEqual([-1.5]);
  expect(model.b).toBe(-3);
});

test("what the learner's function throws reaches the caller with its message", () => {
  expect(() => learner.fail()).toThrow("not implemented yet: sigmoid (article step 1)");
});

test("a megabyte of console output per call keeps at most 64 KiB per call, and counts the rest", () => {
  outputs.length = 0;
  const megabyte = 1 << 20;
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 20; i++) learner.shout(megabyte);
  expect(outputs).toHaveLength(20);
  for (const { text, dropped } of outputs) {
    expect(Buffer.byteLength(text)).toBe(OUTPUT_BYTES);
    expect(dropped).toBe(megabyte + 1 - OUTPUT_BYTES); // the line and its newline
  }
  // 20 MB of output went through; the caller kept 64 KiB of each. 16 MB of growth is far below
  // the 20 MB it would take to keep the output, and far above the noise of a call's garbage.
  expect(process.memoryUsage().rss - before).toBeLessThan(16 * megabyte);
});

test("a test shows at most 64 KiB of the learner's output, then one line with the count of the rest", () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    for (let i = 0; i < 3; i++) printTestOutput("y".repeat(40_000), 1000);
    const shown = log.mock.calls.map(([text]) => String(text));
    expect(shown.join("").length).toBe(TEST_OUTPUT_BYTES);
  } finally {
    log.mockRestore();
  }
});
