import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { dataset } from "./arbitraries.js";
import { expectThat, expectWithin } from "./expectations.js";
import { formatCounterexample } from "./format.js";
import { checkExample, checkProperty } from "./property.js";

/** The message of the error `run` throws (fails the test if it throws none). */
function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the property to fail");
}

/** A property that fails for every data set with more than one row. */
const moreThanOneRowFails = {
  step: "step 0 — the wrapper's own test",
  hint: "the hint line",
  blames: "predict",
  inputs: dataset({ maxRows: 5 }),
  check: ({ X }: { X: { rows: number } }) =>
    expectWithin("X.rows", X.rows, 1, { bound: 0.5, reason: "the reason" }),
};

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["PROPERTY_RUNS", "PROPERTY_SEED", "PROPERTY_PATH"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("the teaching wrapper", () => {
  test("a failing property reports its name, step, checked quantity, expected, actual, tolerance, hint, shrunk counterexample and replay command", () => {
    const message = messageOf(() => checkProperty(moreThanOneRowFails));
    expect(message).toContain(`property failed: ${expect.getState().currentTestName}`);
    expect(message).toContain("article step   step 0 — the wrapper's own test");
    expect(message).toContain("checked        X.rows");
    expect(message).toContain("expected       1");
    expect(message).toContain("actual         2 (off by 1)");
    expect(message).toContain("tolerance      |actual − expected| ≤ 0.5 (the reason)");
    expect(message).toContain("hint           the hint line");
    expect(message).toContain("blames         predict (article step 1)");
    expect(message).toMatch(
      // Shrinking takes the failing quantity (rows) to its minimum, 2; the column count it
      // reaches depends on the seed's path, so only the shape of the printout is pinned.
      /counterexample \(seed -?\d+, shrunk \d+ times\):\n {4}X = \(2 × \d+\)\n( {8}\[[^\]\n]*\]\n){2} {4}y = /,
    );
    expect(message).toMatch(
      /replay {9}PROPERTY_SEED=-?\d+ PROPERTY_PATH="[\d:]+" npx vitest run \S+property\.test\.ts -t '/,
    );
  });

  test("the printed seed and path replay the same counterexample", () => {
    const first = messageOf(() => checkProperty(moreThanOneRowFails));
    const [, seed, path] = /PROPERTY_SEED=(-?\d+) PROPERTY_PATH="([\d:]+)"/.exec(first) ?? [];
    process.env.PROPERTY_SEED = seed;
    process.env.PROPERTY_PATH = path;
    const replayed = messageOf(() => checkProperty(moreThanOneRowFails));
    const counterexample = (message: string) =>
      message.slice(message.indexOf("    X = "), message.indexOf("  replay"));
    expect(counterexample(replayed)).toBe(counterexample(first));
  });

  test("a stub's 'not implemented yet' error is the headline, reported at the first input without shrinking", () => {
    let calls = 0;
    const message = messageOf(() =>
      checkProperty({
        ...moreThanOneRowFails,
        check: () => {
          calls++;
          throw new Error("not implemented yet: computeCost (article step 2)");
        },
      }),
    );
    expect(message.split("\n")[0]).toBe("not implemented yet: computeCost (article step 2)");
    expect(message).toContain("  blames         computeCost (article step 2)");
    expect(message).toContain(`needed by      ${expect.getState().currentTestName}`);
    expect(calls).toBe(1);
  });

  test("a failure blames the function named in what it checked, with that function's article step, on a 'blames' line", () => {
    const message = messageOf(() =>
      checkProperty({
        ...moreThanOneRowFails,
        check: ({ X }) =>
          expectWithin("computeCostVectorized(X, y, w, b)", X.rows, 1, { bound: 0, reason: "r" }),
      }),
    );
    expect(message.split("\n")[1]).toBe("  blames         computeCostVectorized (article step 2)");
  });

  test("without a function in what it checked, the property's `blames` is the blame", () => {
    const message = messageOf(() =>
      checkProperty({ ...moreThanOneRowFails, blames: "gradientDescent" }),
    );
    expect(message).toContain("  blames         gradientDescent (article step 4)");
  });

  test("the counterexample shows the input as it was passed, even when the check changes it in place", () => {
    const message = messageOf(() =>
      checkProperty({
        ...moreThanOneRowFails,
        inputs: fc.record({ w: fc.constant(Float64Array.of(1, 2)) }),
        check: ({ w }) => {
          w[0] = 99; // what an in-place update does to the caller's array
          expectThat("w[0]", false, "unchanged", w[0]);
        },
      }),
    );
    expect(message).toContain("    w = [1, 2]");
    expect(message).not.toContain("w = [99");
  });

  test("PROPERTY_RUNS sets the number of runs, and a value that is not a positive integer is a clear error", () => {
    let calls = 0;
    process.env.PROPERTY_RUNS = "7";
    checkProperty({ ...moreThanOneRowFails, inputs: fc.constant(0), check: () => void calls++ });
    expect(calls).toBe(7);
    process.env.PROPERTY_RUNS = "many";
    expect(() =>
      checkProperty({ ...moreThanOneRowFails, inputs: fc.constant(0), check: () => {} }),
    ).toThrow('PROPERTY_RUNS must be a positive integer, got "many"');
  });

  test("a failing worked example reports the example itself", () => {
    const message = messageOf(() =>
      checkExample({ ...moreThanOneRowFails, input: { X: matrixFromRows([[1], [2]]) } }),
    );
    expect(message).toContain("actual         2 (off by 1)");
    expect(message).toContain("  example:\n    X = (2 × 1)\n        [1]\n        [2]");
  });

  test("a counterexample prints a matrix as aligned rows and every number exactly, −0 included", () => {
    const text = formatCounterexample({
      X: matrixFromRows([
        [1, -0.1],
        [1e308, 5e-324],
      ]),
      y: Float64Array.of(0, 1),
      b: -0,
    });
    expect(text).toBe(
      [
        "    X = (2 × 2)",
        "        [     1,   -0.1]",
        "        [1e+308, 5e-324]",
        "    y = [0, 1]",
        "    b = -0",
      ].join("\n"),
    );
  });
});
