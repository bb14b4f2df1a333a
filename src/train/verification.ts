import type { LogisticRegression, Matrix, Model } from "../contract.js";
import { centralDifference, finiteDifferenceTolerance } from "../numerics/finite-difference.js";
import { addBounds, costRoundingBound, gradientRoundingBound } from "../numerics/rounding.js";

/** A measured difference, the largest difference allowed, why, and whether it held. */
export interface Check {
  maxAbsDifference: number;
  tolerance: number;
  reason: string;
  passed: boolean;
}

export interface Verification {
  /** computeGradients (loop) vs computeGradientsVectorized at the trained point. */
  gradientLoopVsVectorized: Check;
  /** computeCost (loop) vs computeCostVectorized at the trained point. */
  costLoopVsVectorized: Check;
  /** computeGradientsVectorized vs central differences of computeCostVectorized. */
  finiteDifference: Check & { step: number; worstParameter: string };
}

/**
 * The largest difference, the tolerance of the entry that comes closest to its own (or a NaN
 * one), whether every entry held, and that worst entry.
 */
function worstOf<E extends { difference: number; tolerance: number }>(entries: E[]) {
  let worst = entries[0];
  for (const entry of entries) {
    if (!(entry.difference / entry.tolerance <= worst.difference / worst.tolerance)) worst = entry;
  }
  return {
    check: {
      maxAbsDifference: Math.max(...entries.map((e) => e.difference)),
      tolerance: worst.tolerance,
      passed: entries.every((e) => e.difference <= e.tolerance),
    },
    worst,
  };
}

/**
 * Checks the implementation at the trained point (w, b) with the property suite's own model of
 * rounding (src/numerics), so that a report and `npm test` judge by the same bounds:
 *
 * - loop and vectorized gradients (and costs) are each within their rounding bound of the exact
 *   value (gradientRoundingBound, costRoundingBound), so they agree within twice that;
 * - the vectorized gradient against the central difference of the vectorized cost, within
 *   relative 1e-6 floored at the central difference's own error bound (finiteDifferenceTolerance).
 */
export function verifyAtTrainedPoint(
  implementation: LogisticRegression,
  X: Matrix,
  y: Float64Array,
  model: Model,
  parameterNames: readonly string[],
): Verification {
  const { w, b } = model;
  const loop = implementation.computeGradients(X, y, w, b);
  const vectorized = implementation.computeGradientsVectorized(X, y, w, b);
  const one = gradientRoundingBound(X, y, w, b);
  const bound = addBounds(one, one);
  const { check: gradient } = worstOf(
    [...vectorized.dw, vectorized.db].map((g, j) => ({
      difference: Math.abs((j < X.cols ? loop.dw[j] : loop.db) - g),
      tolerance: j < X.cols ? bound.dw[j] : bound.db,
    })),
  );
  const costLoop = implementation.computeCost(X, y, w, b);
  const costVectorized = implementation.computeCostVectorized(X, y, w, b);
  const costTolerance = 2 * costRoundingBound(X, y, w, b);
  return {
    gradientLoopVsVectorized: {
      ...gradient,
      reason:
        "per entry twice the rounding bound of one evaluation, (1/m) Σᵢ |xᵢⱼ| [σ′ᵢ γₙ₊₁ Aᵢ + 5u + γₘ₊₁ |eᵢ|] (src/numerics/rounding.ts); the bound of the entry closest to it shown",
    },
    costLoopVsVectorized: {
      maxAbsDifference: Math.abs(costLoop - costVectorized),
      tolerance: costTolerance,
      reason:
        "twice the rounding bound of one evaluation, (1/m) Σᵢ [λᵢ δzᵢ + 4u Lᵢ + 2u + γₘ₊₁ Lᵢ] (src/numerics/rounding.ts)",
      passed: Math.abs(costLoop - costVectorized) <= costTolerance,
    },
    finiteDifference: finiteDifferenceCheck(
      implementation,
      X,
      y,
      model,
      vectorized,
      parameterNames,
    ),
  };
}

function finiteDifferenceCheck(
  implementation: LogisticRegression,
  X: Matrix,
  y: Float64Array,
  model: Model,
  gradient: { dw: Float64Array; db: number },
  parameterNames: readonly string[],
): Verification["finiteDifference"] {
  const point = { X, y, w: model.w, b: model.b };
  const entries = [...gradient.dw, gradient.db].map((analytic, k) => {
    const difference = centralDifference(implementation.computeCostVectorized, point, k);
    return {
      k,
      step: difference.step,
      difference: Math.abs(difference.estimate - analytic),
      tolerance: finiteDifferenceTolerance(analytic, difference),
    };
  });
  const { check, worst } = worstOf(entries);
  return {
    ...check,
    step: worst.step,
    worstParameter: [...parameterNames, "bias"][worst.k],
    reason:
      "central difference of the cost along each parameter, step h balancing truncation and rounding; relative 1e-6, floored at the difference's own error bound (src/numerics/finite-difference.ts); the parameter closest to its tolerance shown",
  };
}
