import type { CostFunction, Matrix } from "../contract.js";
import { costRoundingBound } from "./rounding.js";

/** A point of the cost to differentiate at: the data and the parameters (w, b). */
export interface CostPoint {
  X: Matrix;
  y: Float64Array;
  w: Float64Array;
  b: number;
}

/**
 * Relative agreement required of an analytic derivative and its central difference, 1e-6,
 * floored at the central difference's own error bound (for gradients near 0): a wrong gradient
 * (a sign, a factor, a missing term) is off by far more.
 */
export const FINITE_DIFFERENCE_RELATIVE = 1e-6;

/** The tolerance of |analytic − estimate| (see {@link FINITE_DIFFERENCE_RELATIVE}). */
export function finiteDifferenceTolerance(
  analytic: number,
  { estimate, errorBound }: CentralDifference,
): number {
  const relative = FINITE_DIFFERENCE_RELATIVE * Math.max(Math.abs(analytic), Math.abs(estimate));
  return Math.max(relative, errorBound);
}

/** max |σ″(z)| = 1/(6√3), reached at z = ±ln(2 ± √3). */
const MAX_SIGMOID_CURVATURE = 1 / (6 * Math.sqrt(3));

export interface CentralDifference {
  /** The step h taken each way. */
  step: number;
  /** (J(θ + h eₖ) − J(θ − h eₖ)) / (θₖ⁺ − θₖ⁻), the numerical ∂J/∂θₖ. */
  estimate: number;
  /** An upper bound on |estimate − ∂J/∂θₖ|: truncation + asymmetry + rounding (see below). */
  errorBound: number;
}

/** (1/m) Σᵢ |xᵢₖ|ᵖ, with xᵢₖ = 1 for the bias (k = n). */
function meanPower(X: Matrix, k: number, p: number): number {
  if (k === X.cols) return 1;
  let sum = 0;
  for (let i = 0; i < X.rows; i++) sum += Math.abs(X.data[i * X.cols + k]) ** p;
  return sum / X.rows;
}

/** The point (w, b) with parameter k (weight k, or the bias when k = n) set to `value`. */
function withParameter({ w, b }: CostPoint, k: number, value: number) {
  if (k === w.length) return { w, b: value };
  const moved = Float64Array.from(w);
  moved[k] = value;
  return { w: moved, b };
}

/**
 * The central difference of `cost` along parameter k (weight k, or the bias when k = n = X.cols),
 * with a rigorous bound on its error. Along θₖ the cost's derivatives are
 *
 *     J″ = (1/m) Σ σ′(zᵢ) xᵢₖ²  ≤ ¼ M₂,     J‴ = (1/m) Σ σ″(zᵢ) xᵢₖ³  ≤ M₃ / (6√3),
 *
 * with Mₚ = (1/m) Σ |xᵢₖ|ᵖ. With actual steps h₊ = θₖ⁺ − θₖ and h₋ = θₖ − θₖ⁻ (rounding can make
 * them differ), the estimate is off by at most
 *
 *     max(h₊, h₋)² · |J‴| / 6  +  |h₊ − h₋| · |J″| / 2  +  (ε₊ + ε₋) / (h₊ + h₋),
 *
 * where ε± bound the rounding of J at θ± (rounding.ts). h is chosen to balance the first
 * and last terms, h = (3ε / |J‴|)^(1/3), kept within [2⁻³⁰, 1] · max(1, |θₖ|).
 */
export function centralDifference(
  cost: CostFunction,
  data: CostPoint,
  k: number,
): CentralDifference {
  const { X, y } = data;
  const theta = k === data.w.length ? data.b : data.w[k];
  const curvature = 0.25 * meanPower(X, k, 2);
  const thirdDerivative = MAX_SIGMOID_CURVATURE * meanPower(X, k, 3);
  const epsilon = costRoundingBound(X, y, data.w, data.b);
  const scale = Math.max(1, Math.abs(theta));
  const ideal = Math.cbrt((3 * epsilon) / thirdDerivative);
  const h = Math.min(Math.max(ideal, 2 ** -30 * scale), scale);
  const plus = withParameter(data, k, theta + h);
  const minus = withParameter(data, k, theta - h);
  const hPlus = (k === data.w.length ? plus.b : plus.w[k]) - theta;
  const hMinus = theta - (k === data.w.length ? minus.b : minus.w[k]);
  const estimate = (cost(X, y, plus.w, plus.b) - cost(X, y, minus.w, minus.b)) / (hPlus + hMinus);
  const rounding =
    costRoundingBound(X, y, plus.w, plus.b) + costRoundingBound(X, y, minus.w, minus.b);
  const errorBound =
    (Math.max(hPlus, hMinus) ** 2 * thirdDerivative) / 6 +
    (Math.abs(hPlus - hMinus) * curvature) / 2 +
    rounding / (hPlus + hMinus);
  return { step: h, estimate, errorBound };
}
