import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { inputReplay } from "./input-replay.js";
import { checkProperty } from "./property.js";
import { expectThat } from "./expectations.js";

const STORE = Symbol.for("logreg-lab.input-replay");
const store = globalThis as { [STORE]?: Map<string, unknown[]> };
const saved = process.env.PROPERTY_SEED;

beforeEach(() => {
  store[STORE] = new Map();
  process.env.PROPERTY_SEED = "20261203";
});
afterEach(() => {
  delete store[STORE];
  if (saved === undefined) delete process.env.PROPERTY_SEED;
  else process.env.PROPERTY_SEED = saved;
});

/** An arbitrary of integers that counts how many it generated. */
function countedIntegers() {
  const counter = { generated: 0 };
  const inputs = fc.integer({ min: -1000, max: 1000 }).map((n) => {
    counter.generated++;
    return n;
  });
  return { counter, inputs };
}

/** A property over `inputs` whose check is `check`, 20 runs. */
function spec(inputs: fc.Arbitrary<number>, check: (n: number) => void) {
  return {
    step: "step 0 — the replay's own test",
    hint: "h",
    blames: "predict",
    inputs,
    check,
    runs: 20,
  };
}

/**
 * What the grader's next submission looks like to the replay: its instance of the property files
 * asks afresh. Here one instance serves every round, so another test asks in between (a test
 * that asks twice in a row is checking its second property).
 */
function nextSubmission(): void {
  inputReplay("(another test)", { numRuns: 1, seed: 0, path: undefined, maxSkipsPerRun: 1 });
}

describe("the grader's replay of a property's inputs", () => {
  test("a second check of a passing property runs the same inputs, in order, without generating them", () => {
    const { counter, inputs } = countedIntegers();
    const seen: number[][] = [[], []];
    for (const round of [0, 1]) {
      nextSubmission();
      checkProperty(spec(inputs, (n) => void seen[round].push(n)));
    }
    expect(counter.generated).toBe(20);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]).toHaveLength(20);
  });

  test("a failure in the replay is found again by fast-check, with the report it gives without the replay", () => {
    const { inputs } = countedIntegers();
    checkProperty(spec(inputs, () => {}));
    const failing = (n: number) => expectThat("n", n < 500, "below 500", n);
    const kept = store[STORE];
    delete store[STORE];
    let plain = "";
    try {
      checkProperty(spec(inputs, failing));
    } catch (error) {
      plain = (error as Error).message;
    }
    expect(plain).toContain("property failed");
    store[STORE] = kept;
    nextSubmission();
    expect(() => checkProperty(spec(inputs, failing))).toThrow(plain);
  });

  test("more skipped inputs than were kept hand the property back to fast-check, which draws more", () => {
    const { counter, inputs } = countedIntegers();
    const kept: number[] = [];
    checkProperty(spec(inputs, (n) => void kept.push(n)));
    expect(counter.generated).toBe(20);
    // Skipping a quarter of the inputs needs more than the 20 kept: the replay checks those it
    // has, falls short, and fast-check draws the stream again and further.
    const unskipped = kept.filter((n) => n % 4 !== 0).length;
    expect(unskipped).toBeLessThan(20);
    const checked: number[] = [];
    nextSubmission();
    checkProperty(
      spec(inputs, (n) => {
        fc.pre(n % 4 !== 0);
        checked.push(n);
      }),
    );
    expect(counter.generated).toBeGreaterThan(20);
    expect(checked).toHaveLength(unskipped + 20);
  });

  test("the replay is off without the grader's store, without a seed, and for a replayed path", () => {
    const settings = { numRuns: 10, seed: 1, path: undefined, maxSkipsPerRun: 1 };
    expect(inputReplay("t", settings)).toBeDefined();
    expect(inputReplay("t", { ...settings, seed: undefined })).toBeUndefined();
    expect(inputReplay("t", { ...settings, path: "3:1" })).toBeUndefined();
    delete store[STORE];
    expect(inputReplay("t", settings)).toBeUndefined();
  });

  test("each property of one test, each seed and each number of runs keeps inputs of its own", () => {
    const settings = { numRuns: 2, seed: 1, path: undefined, maxSkipsPerRun: 1 };
    const record = (test: string, s: typeof settings, values: number[]) => {
      const replay = inputReplay<number>(test, s)!;
      const predicate = replay.recording(() => true);
      values.forEach((v) => predicate(v));
      replay.keep();
    };
    nextSubmission();
    record("t", settings, [1, 2]);
    record("t", settings, [3, 4]); // the same test asks again: its second property
    const replayed = (test: string, s: typeof settings) => {
      const values: number[] = [];
      const passed = inputReplay<number>(test, s)!.passes((v) => void values.push(v));
      return { passed, values };
    };
    expect(replayed("u", settings)).toEqual({ passed: false, values: [] });
    expect(replayed("t", { ...settings, seed: 2 })).toEqual({ passed: false, values: [] });
    expect(replayed("u", settings).passed).toBe(false);
    expect(replayed("t", { ...settings, numRuns: 1 })).toEqual({ passed: false, values: [] });
    expect(replayed("u", settings).passed).toBe(false);
    expect(replayed("t", settings)).toEqual({ passed: true, values: [1, 2] });
    expect(replayed("t", settings)).toEqual({ passed: true, values: [3, 4] });
  });
});
