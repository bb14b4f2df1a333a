import { expect, test } from "vitest";
import { reference } from "./oracle.js";
import { logLossHint, lossFormulaHint } from "./loss-formula.js";
import { historyHint } from "./descent.js";

/** Hints that name a cause are earned: each is shown for the formula it names, and only then. */
test("a one-example loss names the formula it comes from, only when that formula is off", () => {
  // log(1 + e^(−15)) with Math.log: 1 + 3.06e-7 keeps 9 of its digits.
  expect(lossFormulaHint(Math.log(1 + Math.exp(-15)), 15, 1)).toMatch(/log1p/);
  // −log(1 − σ(z)) of a rounded σ at z = 5.1, y = 0 (1 − σ(z) cancels).
  const sigma = 1 / (1 + Math.exp(-5.116864064001009));
  expect(lossFormulaHint(-Math.log(1 - sigma), 5.116864064001009, 0)).toMatch(/rounded σ/);
  // Clipped to 1 − 1e-15 at z = 40, y = 1: 1.1e-15 where the loss is 4.2e-18.
  expect(lossFormulaHint(-Math.log(1 - 1e-15), 40, 1)).toMatch(/clipped/);
  // The exact loss, and a value no formula gives, earn no named cause.
  expect(lossFormulaHint(reference.loss(15, 1), 15, 1)).toBeUndefined();
  expect(lossFormulaHint(1, 15, 1)).toBeUndefined();
});

test("log-loss: a sum that overflows is named only when every example alone is right", () => {
  const y = Float64Array.of(0, 0);
  const z = Float64Array.of(1e308, 1e308);
  const sumThenDivide = (ys: Float64Array, zs: Float64Array) =>
    zs.reduce((sum, zi, i) => sum + reference.loss(zi, ys[i]), 0) / zs.length;
  expect(logLossHint(sumThenDivide, y, z)).toMatch(/overflows before the division/);
  const alwaysOne = () => 1;
  expect(logLossHint(alwaysOne, y, z)).toMatch(
    /^example 0 alone .*: evaluate that one loss step by step/,
  );
});

test("the cost history's hint tells an emptied history from a wrong count", () => {
  expect(historyHint([], 3)).toMatch(/is gone \(the array is empty\)/);
  expect(historyHint([0.6, 0.5], 2)).toMatch(/is gone \(costHistory\[0\] is 0.6\)/);
  expect(historyHint([-1, 0.6], 3)).toBe(
    "1 cost was appended in 3 epochs: push exactly one cost per epoch",
  );
});
