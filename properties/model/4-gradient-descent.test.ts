import fc from "fast-check";
import { test } from "vitest";
import { dataset } from "../support/arbitraries.js";
import type { Dataset } from "../support/arbitraries.js";
import { smoothness, squaredNorm, stepSlack } from "../support/descent.js";
import { expectThat, expectWithin } from "../support/expectations.js";
import { implementation as lr } from "../support/implementation.js";
import { checkProperty } from "../support/property.js";
import { costRoundingBound } from "../../src/numerics/rounding.js";

const step = "step 4 — gradient descent: w ← w − α ∂J/∂w, b ← b − α ∂J/∂b";

/** A data set with a learning rate α = fraction / L, so α ≤ 1/L (L = ¼(maxᵢ‖xᵢ‖² + 1)). */
const withSafeAlpha = (extra: { epochs?: fc.Arbitrary<number> } = {}) =>
  fc
    .record({
      data: dataset(),
      // 1 − d rather than d, so that a counterexample shrinks to α = 1/L exactly.
      fraction: fc.double({ min: 0, max: 0.99, noNaN: true }).map((d) => 1 - d),
      epochs: extra.epochs ?? fc.constant(1),
    })
    .map(({ data, fraction, epochs }) => ({
      ...data,
      alpha: fraction / smoothness(data.X),
      epochs,
    }));

const descentHint =
  "gradient descent moves against the gradient, by α times it, using dw and db from the same point: check the update's sign, its factor and its order";

test("one gradient-descent step at α ≤ 1/L never increases the cost and lowers it by at least (α/2)‖∇J‖² (the descent lemma), within rounding", () => {
  checkProperty({
    step,
    hint: descentHint,
    inputs: withSafeAlpha(),
    check: ({ alpha, ...data }) => {
      const { X, y, w, b } = data;
      const before = lr.computeCost(X, y, w, b);
      const g = lr.computeGradientsVectorized(X, y, w, b);
      const next = lr.gradientDescent(X, y, w, b, { alpha, epochs: 1 });
      const after = lr.computeCost(X, y, next.w, next.b);
      const slack = stepSlack(data, g, alpha, next);
      const promised = before - (alpha / 2) * squaredNorm(g.dw, g.db);
      const slackNote = `slack ${slack.toPrecision(2)} for rounding (support/descent.ts)`;
      expectThat(
        "J(w⁺, b⁺) after one step",
        after <= before + slack,
        `≤ J(w, b) = ${before} (+ ${slackNote})`,
        after,
      );
      expectThat(
        "J(w⁺, b⁺) after one step",
        after <= promised + slack,
        `≤ J(w, b) − (α/2)‖∇J‖² = ${promised} (+ ${slackNote})`,
        after,
      );
    },
  });
});

test("a whole gradientDescent run at α ≤ 1/L records the cost after each of its epochs, and the recorded costs never increase", () => {
  checkProperty({
    step,
    hint:
      "costHistory gets one entry per epoch, the cost after that epoch's update: " + descentHint,
    inputs: withSafeAlpha({ epochs: fc.integer({ min: 1, max: 8 }) }),
    runs: 50,
    check: ({ alpha, epochs, ...start }) => {
      const { X, y } = start;
      const history: number[] = [];
      lr.gradientDescent(X, y, start.w, start.b, { alpha, epochs, costHistory: history });
      expectThat(
        "costHistory.length",
        history.length === epochs,
        `${epochs} (one entry per epoch)`,
        history.length,
      );
      // The run's iterates, recomputed one epoch at a time (batch gradient descent has no memory).
      let previous: Dataset = start;
      let previousCost = lr.computeCostVectorized(X, y, start.w, start.b);
      for (let k = 0; k < epochs; k++) {
        const g = lr.computeGradientsVectorized(X, y, previous.w, previous.b);
        const next = lr.gradientDescent(X, y, previous.w, previous.b, { alpha, epochs: 1 });
        const slack = stepSlack(previous, g, alpha, next);
        const exactCost = lr.computeCostVectorized(X, y, next.w, next.b);
        expectWithin(`costHistory[${k}]`, history[k], exactCost, {
          bound: 2 * costRoundingBound(X, y, next.w, next.b),
          reason: `the cost after update ${k + 1}, within 2 × its rounding bound`,
        });
        expectThat(
          `costHistory[${k}]`,
          history[k] <= previousCost + slack,
          `≤ the cost before the update, ${previousCost} (+ slack ${slack.toPrecision(2)} for rounding)`,
          history[k],
        );
        previous = { X, y, ...next };
        previousCost = history[k];
      }
    },
  });
});
