import fc from "fast-check";
import { test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import {
  dataset,
  datasetWithChangedWeights,
  middleRangeDataset,
  quarterValue,
  smallValue,
  wideValue,
} from "../support/arbitraries.js";
import { expectGradientsWithin, expectThat, expectWithin } from "../support/expectations.js";
import { expectEachGradientWithin, reference } from "../support/oracle.js";
import {
  FINITE_DIFFERENCE_RELATIVE,
  centralDifference,
  finiteDifferenceTolerance,
} from "../../src/numerics/finite-difference.js";
import { gradientFunctions } from "../support/implementation.js";
import { checkExample, checkProperty } from "../support/property.js";
import { addBounds, gradientRoundingBound } from "../../src/numerics/rounding.js";

const step =
  "step 3 — the gradients ∂J/∂w = (1/m) Xᵀ(σ(Xw + b) − y), ∂J/∂b = (1/m) Σᵢ (σ(zᵢ) − yᵢ)";

test("the loop and vectorized gradients each agree with an independent evaluation (the reference) within rounding, densely for |z| < 40 and for magnitudes up to 1e300", () => {
  checkProperty({
    step,
    hint: "compare your sums with the formula above on the counterexample: which index walks rows and which walks columns, the error σ(zᵢ) − yᵢ, and where you divide by m",
    inputs: fc.oneof(middleRangeDataset(), dataset({ feature: wideValue })),
    check: ({ X, y, w, b }) => {
      // The oracle: src/reference's gradient, within gradientRoundingBound of the exact gradient
      // (src/numerics/rounding.ts: (1/m) Σᵢ |xᵢⱼ| [σ′ᵢ γₙ₊₁ Aᵢ + 5u + γₘ₊₁ |eᵢ|] per component),
      // as is any correct implementation: the two agree within twice that bound.
      const bound = gradientRoundingBound(X, y, w, b);
      expectEachGradientWithin(
        gradientFunctions.map(
          ([name, gradients]) => [name, gradients(X, y, w, b), `${name}(X, y, w, b)`] as const,
        ),
        reference.computeGradients(X, y, w, b),
        addBounds(bound, bound),
        "2 × the rounding bound of one evaluation, from |xᵢⱼ|, |wⱼ xᵢⱼ|, |b|, the errors eᵢ and m; expected is the reference's gradient",
        "both of your gradients are off: suspect what they share (the error σ(zᵢ) − yᵢ, the logit, the division by m)",
      );
    },
  });
});

test("each gradient function returns a new dw every call: never the storage of X, y or w, nor of an earlier result, which a later call leaves unchanged", () => {
  checkProperty({
    step,
    hint: "allocate dw inside the function, once per call (new Float64Array(n)): a buffer kept between calls (or w itself) makes an earlier result change under the caller",
    inputs: fc.record({ first: dataset({ maxRows: 6 }), second: dataset({ maxRows: 6 }) }),
    check: ({ first, second }) => {
      for (const [name, gradients] of gradientFunctions) {
        const a = gradients(first.X, first.y, first.w, first.b);
        const kept = Float64Array.from(a.dw);
        const b = gradients(second.X, second.y, second.w, second.b);
        for (const [what, array] of [
          ["X.data", first.X.data],
          ["y", first.y],
          ["w", first.w],
        ] as const) {
          expectThat(
            `${name}(X, y, w, b).dw shares storage with ${what}`,
            a.dw.buffer !== array.buffer,
            "a new array",
            `the same ArrayBuffer as ${what}`,
          );
        }
        expectThat(
          `${name}: the dw of two calls share storage`,
          a.dw.buffer !== b.dw.buffer,
          "two different arrays",
          "the same ArrayBuffer",
        );
        expectThat(
          `${name}(first).dw after a second call ${name}(second)`,
          kept.length === a.dw.length && kept.every((v, j) => Object.is(v, a.dw[j])),
          `unchanged: ${Array.from(kept).join(", ")}`,
          Array.from(a.dw).join(", "),
        );
      }
    },
  });
});

test("the gradients read X, y and w at each call: changing w in place changes the gradient (no result cached by the arrays themselves)", () => {
  checkProperty({
    step,
    hint: "compute the gradient from the arrays as they are now: a cache keyed by the arrays themselves returns a stale gradient once the caller changes w in place",
    inputs: datasetWithChangedWeights(),
    check: ({ X, y, w, b, changed }) => {
      for (const [name, gradients] of gradientFunctions) {
        const weights = Float64Array.from(w);
        gradients(X, y, weights, b);
        weights.set(changed);
        const bound = gradientRoundingBound(X, y, changed, b);
        expectGradientsWithin(
          `${name}(X, y, w, b) after w was changed in place to \`changed\``,
          gradients(X, y, weights, b),
          reference.computeGradients(X, y, changed, b),
          addBounds(bound, bound),
          "2 × the rounding bound of one evaluation; expected is the reference's gradient at the changed w",
        );
      }
    },
  });
});

test("a NaN logit (1e308·10 − 1e308·10 = ∞ − ∞) makes every component of the gradient NaN, as it makes the cost NaN, instead of hiding it", () => {
  checkExample({
    step,
    hint: "a NaN logit means the inputs overflowed: let the NaN through σ, the error and the sums (no check that skips a non-finite z, no clipping or max/min that turns it into a number)",
    input: {
      X: matrixFromRows([[1e308, 1e308]]),
      y: Float64Array.of(1),
      w: Float64Array.of(10, -10),
      b: 0,
    },
    check: ({ X, y, w, b }) => {
      for (const [name, gradients] of gradientFunctions) {
        const g = gradients(X, y, w, b);
        [...g.dw, g.db].forEach((value, k) =>
          expectThat(
            `${name}(X, y, w, b).${k < g.dw.length ? `dw[${k}]` : "db"}`,
            Number.isNaN(value),
            "NaN, the honest answer for a NaN logit (the cost reports NaN here too)",
            value,
          ),
        );
      }
    },
  });
});

for (const [name, gradients] of gradientFunctions) {
  test(`${name} matches central differences of the reference's cost for every weight and the bias, saturated logits (|z| > 40) included`, () => {
    checkProperty({
      step,
      hint: "the gradient of the mean is the mean of eᵢ·xᵢ with eᵢ = σ(zᵢ) − yᵢ: check the sign of eᵢ and the division by m",
      inputs: dataset({ feature: quarterValue, parameter: smallValue }),
      runs: 50,
      check: (data) => {
        const { X, y, w, b } = data;
        const analytic = gradients(X, y, w, b);
        for (let k = 0; k <= X.cols; k++) {
          const a = k === X.cols ? analytic.db : analytic.dw[k];
          // Differences of the reference's cost: an oracle independent of the learner's cost.
          const difference = centralDifference(reference.computeCost, data, k);
          // Relative error ≤ 1e-6, with an absolute floor for tiny gradients: the central
          // difference's own error bound (truncation + rounding, src/numerics/finite-difference.ts).
          const tolerance = {
            bound: finiteDifferenceTolerance(a, difference),
            reason: `relative ${FINITE_DIFFERENCE_RELATIVE}, floored at the central difference's own error bound ${difference.errorBound.toPrecision(2)}`,
          };
          const component = k === X.cols ? "db" : `dw[${k}]`;
          expectWithin(
            `${name}(X, y, w, b).${component} vs central difference`,
            a,
            difference.estimate,
            tolerance,
          );
        }
      },
    });
  });
}
