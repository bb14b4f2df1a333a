import fc from "fast-check";
import { test } from "vitest";
import { matrixFromRows, rowView } from "../../src/matrix.js";
import {
  dataset,
  datasetWithHugeLogits,
  datasetWithoutInfinityMinusInfinity,
  wideValue,
} from "../support/arbitraries.js";
import { expectThat, expectWithin } from "../support/expectations.js";
import { costFunctions, implementation as lr } from "../support/implementation.js";
import { logitIsFiniteInEveryOrder } from "../support/overflow.js";
import { checkExample, checkProperty } from "../support/property.js";
import { costRoundingBound, gamma } from "../../src/numerics/rounding.js";

const step = "step 2 — the cost J(w, b) = −(1/m) Σᵢ [yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))]";

// The cost is defined on logits, and for finite X and w a logit can itself be NaN in float64 (one
// product overflows to +∞, another to −∞: ∞ − ∞). No cost function can repair that, so "never
// NaN" quantifies over finite data whose logits cannot be NaN in any summation order (see
// support/overflow.ts) — which still includes logits that overflow to ±∞, where the cost must
// come out as Infinity or a finite number. The ∞ − ∞ case itself is documented by its own test.
test("the cost is never NaN and never negative, for finite data whose logits cannot be ∞ − ∞ (logits of ±Infinity included)", () => {
  checkProperty({
    step,
    hint: "0 · log(0) is NaN: for a saturated logit compute only the term the label selects, and compute it from z rather than from a rounded σ(z)",
    inputs: datasetWithoutInfinityMinusInfinity(),
    check: ({ X, y, w, b }) => {
      for (const [name, cost] of costFunctions) {
        const J = cost(X, y, w, b);
        expectThat(
          `${name}(X, y, w, b)`,
          J >= 0,
          "a number ≥ 0 (Infinity allowed when a logit is infinite)",
          J,
        );
      }
    },
  });
});

test("a logit can be NaN for finite X and w (1e308·10 − 1e308·10 = ∞ − ∞), and the cost then reports NaN instead of hiding it", () => {
  checkExample({
    step,
    hint: "a NaN logit means the inputs overflowed: let the NaN through (no clipping or max/min that turns it into a number)",
    input: {
      X: matrixFromRows([[1e308, 1e308]]),
      y: Float64Array.of(1),
      w: Float64Array.of(10, -10),
      b: 0,
    },
    check: ({ X, y, w, b }) => {
      expectThat(
        "predict(x, w, b)",
        Number.isNaN(lr.predict(rowView(X, 0), w, b)),
        "NaN (float64 cannot do better)",
        lr.predict(rowView(X, 0), w, b),
      );
      for (const [name, cost] of costFunctions) {
        const J = cost(X, y, w, b);
        expectThat(
          `${name}(X, y, w, b)`,
          Number.isNaN(J),
          "NaN, the honest answer for a NaN logit",
          J,
        );
      }
    },
  });
});

test("the cost is finite whenever every logit is finite, even for logits near ±1e308 (the mean must not overflow)", () => {
  checkProperty({
    step,
    hint: "a sum of m finite losses near 1e308 overflows before you divide by m: take the mean so that it cannot (e.g. divide each term first)",
    inputs: fc.oneof(datasetWithHugeLogits(), dataset({ feature: wideValue })),
    check: ({ X, y, w, b }) => {
      for (let i = 0; i < X.rows; i++) fc.pre(logitIsFiniteInEveryOrder(rowView(X, i), w, b));
      for (const [name, cost] of costFunctions) {
        const J = cost(X, y, w, b);
        expectThat(
          `${name}(X, y, w, b)`,
          Number.isFinite(J),
          "a finite number, since every logit is finite",
          J,
        );
      }
    },
  });
});

test("the cost at w = 0, b = 0 is ln 2 within (m + 2) units of roundoff, for any data", () => {
  checkProperty({
    step,
    hint: "at w = 0 every σ(z) is 1/2 and every loss is ln 2: a different value means the loss formula or the mean is off",
    inputs: dataset({ feature: wideValue }),
    check: ({ X, y }) => {
      const m = X.rows;
      // Every loss is ln 2 within an ulp; averaging m of them adds at most m roundings.
      const tolerance = {
        bound: gamma(m + 2) * Math.LN2,
        reason: "γₘ₊₂·ln 2: one rounding for the loss, m for the mean, one for ln 2 itself",
      };
      for (const [name, cost] of costFunctions) {
        expectWithin(
          `${name}(X, y, 0, 0)`,
          cost(X, y, new Float64Array(X.cols), 0),
          Math.LN2,
          tolerance,
        );
      }
    },
  });
});

test("the loop and vectorized costs agree within the rounding bound of their summands, magnitudes up to 1e300 included", () => {
  checkProperty({
    step,
    hint: "the two versions must compute the same mean: compare how each one forms z, chooses the term for y, and divides by m",
    inputs: dataset({ feature: wideValue }),
    check: ({ X, y, w, b }) => {
      // Each evaluation is within costRoundingBound of the exact cost (src/numerics/rounding.ts:
      // (1/m) Σᵢ [λᵢ γₙ₊₁ Aᵢ + 4u Lᵢ + 2u + γₘ₊₁ Lᵢ], Aᵢ = Σⱼ |wⱼ xᵢⱼ| + |b|), so two of them agree within twice that.
      const tolerance = {
        bound: 2 * costRoundingBound(X, y, w, b),
        reason: "2 × the rounding bound of one evaluation, from |wⱼ xᵢⱼ|, |b|, the losses and m",
      };
      const loop = lr.computeCost(X, y, w, b); // the loop first: it is the one a learner writes first
      const vectorized = lr.computeCostVectorized(X, y, w, b);
      expectWithin("computeCostVectorized(X, y, w, b)", vectorized, loop, tolerance);
    },
  });
});
