import type { LogisticRegression, Matrix, Model } from "../contract.js";
import { logits } from "../reference/linalg.js";
import { sigmoid } from "../reference/sigmoid.js";

const EPSILON = Number.EPSILON / 2; // unit roundoff u = 2⁻⁵³

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
 * Checks the implementation at the trained point (w, b), with the figures:
 *
 * - loop and vectorized gradients (and costs) are the same sums of m terms in different
 *   orders, so each entry may differ by at most 2(m − 1)u Σᵢ|termᵢ| / m (u = 2⁻⁵³, the
 *   classical bound for recursive summation, once per order);
 * - the analytic gradient against the central difference (J(θ + h eⱼ) − J(θ − h eⱼ)) / 2h with
 *   h = ∛u · max(1, |θⱼ|): truncation h²|J'''|/6 plus the rounding of J (a sum of m terms,
 *   error ≈ √m·u·J) divided by h, about 1e-9 on 11,162 rows; allowed 1e-7, which a wrong
 *   gradient (off by a factor, a sign or a term) far exceeds.
 */
export function verifyAtTrainedPoint(
  lr: LogisticRegression,
  X: Matrix,
  y: Float64Array,
  model: Model,
  parameterNames: readonly string[],
): Verification {
  const { w, b } = model;
  const m = X.rows;
  const loop = lr.computeGradients(X, y, w, b);
  const vectorized = lr.computeGradientsVectorized(X, y, w, b);
  const errors = logits(X, w, b).map((z, i) => Math.abs(sigmoid(z) - y[i]));
  const bounds = new Float64Array(X.cols + 1);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < X.cols; j++) bounds[j] += errors[i] * Math.abs(X.data[i * X.cols + j]);
    bounds[X.cols] += errors[i];
  }
  const loopGradient = [...loop.dw, loop.db];
  const vectorizedGradient = [...vectorized.dw, vectorized.db];
  const perEntry = vectorizedGradient.map((g, j) => ({
    d: Math.abs(loopGradient[j] - g),
    bound: (2 * (m - 1) * EPSILON * bounds[j]) / m + 4 * EPSILON * Math.abs(g),
  }));
  const costLoop = lr.computeCost(X, y, w, b);
  const costVectorized = lr.computeCostVectorized(X, y, w, b);
  const costTolerance = 2 * m * EPSILON * Math.abs(costVectorized);
  return {
    gradientLoopVsVectorized: {
      maxAbsDifference: Math.max(...perEntry.map((e) => e.d)),
      tolerance: Math.max(...perEntry.map((e) => e.bound)),
      reason:
        "per entry 2(m−1)u·Σᵢ|eᵢxᵢⱼ|/m + 4u|gⱼ|: the same m terms summed in two orders (u = 2⁻⁵³); the largest bound shown",
      passed: perEntry.every((e) => e.d <= e.bound),
    },
    costLoopVsVectorized: {
      maxAbsDifference: Math.abs(costLoop - costVectorized),
      tolerance: costTolerance,
      reason: "2mu·J: the same m non-negative losses summed in two orders (u = 2⁻⁵³)",
      passed: Math.abs(costLoop - costVectorized) <= costTolerance,
    },
    finiteDifference: finiteDifferenceCheck(lr, X, y, model, vectorized, parameterNames),
  };
}

function finiteDifferenceCheck(
  lr: LogisticRegression,
  X: Matrix,
  y: Float64Array,
  model: Model,
  gradient: { dw: Float64Array; db: number },
  parameterNames: readonly string[],
): Verification["finiteDifference"] {
  const theta = Float64Array.of(...model.w, model.b);
  const analytic = Float64Array.of(...gradient.dw, gradient.db);
  const cost = (t: Float64Array) =>
    lr.computeCostVectorized(X, y, t.subarray(0, X.cols), t[X.cols]);
  const baseStep = Math.cbrt(EPSILON);
  let worst = { error: 0, index: 0 };
  for (let j = 0; j < theta.length; j++) {
    const h = baseStep * Math.max(1, Math.abs(theta[j]));
    const plus = Float64Array.from(theta);
    const minus = Float64Array.from(theta);
    plus[j] += h;
    minus[j] -= h;
    const central = (cost(plus) - cost(minus)) / (plus[j] - minus[j]);
    const error = Math.abs(central - analytic[j]);
    if (!(error <= worst.error)) worst = { error, index: j };
  }
  const tolerance = 1e-7;
  return {
    step: baseStep,
    maxAbsDifference: worst.error,
    worstParameter: [...parameterNames, "bias"][worst.index],
    tolerance,
    reason:
      "central difference with h = ∛u·max(1, |θⱼ|): truncation h²|J'''|/6 + rounding of J (≈ √m·u·J) / h ≈ 1e-9 for 11,162 rows; 1e-7 leaves 100× room and still catches any wrong gradient",
    passed: worst.error <= tolerance,
  };
}
