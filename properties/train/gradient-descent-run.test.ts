import { describe, expect, test } from "vitest";
import type { LogisticRegression } from "../../src/contract.js";
import { matrixFromRows } from "../../src/matrix.js";
import * as reference from "../../src/reference/index.js";
import { runGradientDescent } from "../../src/train/gradient-descent-run.js";

/** The reference, but gradientDescent runs (and records) one epoch more than asked. */
const oneTooMany: LogisticRegression = {
  ...reference,
  gradientDescent: (X, y, w, b, options) =>
    reference.gradientDescent(X, y, w, b, { ...options, epochs: options.epochs + 1 }),
};

const X = matrixFromRows([
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 0.5],
]);
const y = Float64Array.of(1, 0, 1, 0);
const settings = { alpha: 0.5, epochs: 25, gradientFunction: undefined };

describe("the article's run through the contract", () => {
  test("observing the cost history changes nothing: same model and costs as a plain call", () => {
    const seen: [number, number][] = [];
    const run = runGradientDescent(reference, X, y, settings, (epoch, cost) =>
      seen.push([epoch, cost]),
    );
    const plain: number[] = [];
    const model = reference.gradientDescent(X, y, new Float64Array(2), 0, {
      alpha: 0.5,
      epochs: 25,
      costHistory: plain,
    });
    expect(run.model).toEqual(model);
    expect(run.costHistory).toEqual(plain);
    expect(seen).toEqual(plain.map((cost, k) => [k + 1, cost]));
  });

  test("an implementation that records one cost too many is refused, naming the counts", () => {
    expect(() => runGradientDescent(oneTooMany, X, y, settings)).toThrow(
      "gradientDescent recorded 26 costs for 25 epochs (the contract: one per epoch)",
    );
  });
});
