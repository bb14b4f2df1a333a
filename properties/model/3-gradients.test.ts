import { test } from "vitest";
import { dataset, quarterValue, smallValue, wideValue } from "../support/arbitraries.js";
import { expectGradientsWithin, expectWithin } from "../support/expectations.js";
import {
  FINITE_DIFFERENCE_RELATIVE,
  centralDifference,
  finiteDifferenceTolerance,
} from "../../src/numerics/finite-difference.js";
import { gradientFunctions, implementation as lr } from "../support/implementation.js";
import { checkProperty } from "../support/property.js";
import { addBounds, gradientRoundingBound } from "../../src/numerics/rounding.js";

const step =
  "step 3 — the gradients ∂J/∂w = (1/m) Xᵀ(σ(Xw + b) − y), ∂J/∂b = (1/m) Σᵢ (σ(zᵢ) − yᵢ)";

test("the loop and vectorized gradients agree within the rounding bound of their summands, magnitudes up to 1e300 included", () => {
  checkProperty({
    step,
    hint: "the two versions must compute the same sums: compare which index walks rows and which walks columns, and where each divides by m",
    inputs: dataset({ feature: wideValue }),
    check: ({ X, y, w, b }) => {
      // Each evaluation is within gradientRoundingBound of the exact gradient (src/numerics/rounding.ts:
      // (1/m) Σᵢ |xᵢⱼ| [σ′ᵢ γₙ₊₁ Aᵢ + 5u + γₘ₊₁ |eᵢ|] per component), so two agree within twice that.
      const bound = gradientRoundingBound(X, y, w, b);
      const loop = lr.computeGradients(X, y, w, b); // the loop first: it is the one a learner writes first
      expectGradientsWithin(
        "computeGradientsVectorized(X, y, w, b)",
        lr.computeGradientsVectorized(X, y, w, b),
        loop,
        addBounds(bound, bound),
        "2 × the rounding bound of one evaluation, from |xᵢⱼ|, |wⱼ xᵢⱼ|, |b|, the errors eᵢ and m",
      );
    },
  });
});

for (const [name, gradients] of gradientFunctions) {
  test(`${name} matches central differences of computeCost for every weight and the bias, saturated logits (|z| > 40) included`, () => {
    checkProperty({
      step,
      hint: "the gradient of the mean is the mean of eᵢ·xᵢ with eᵢ = σ(zᵢ) − yᵢ: check the sign of eᵢ and the division by m; if they are right, suspect the cost (a clip makes it flat past |z| ≈ 34.5; log(1 − σ(z)) loses digits once σ(z) is near 1)",
      inputs: dataset({ feature: quarterValue, parameter: smallValue }),
      runs: 50,
      check: (data) => {
        const { X, y, w, b } = data;
        const analytic = gradients(X, y, w, b);
        for (let k = 0; k <= X.cols; k++) {
          const a = k === X.cols ? analytic.db : analytic.dw[k];
          const difference = centralDifference(lr.computeCost, data, k);
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
