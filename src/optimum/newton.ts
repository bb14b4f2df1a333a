import type { Matrix, Model } from "../contract.js";
import {
  computeCostVectorized,
  computeGradientsVectorized,
  logits,
  sigmoid,
} from "../reference/index.js";
import { cholesky, choleskySolve, solveDamped } from "./cholesky.js";
import { backtrack } from "./line-search.js";
import { atRoundingFloor, newtonStanding } from "./newton-stopping.js";

export interface NewtonOptions {
  /** Stop after this many Newton steps even if not converged (default 50). */
  maxIterations?: number;
  /**
   * Converged once half the Newton decrement, λ²/2 = gᵀH⁻¹g/2 (≈ J − min J), is at most this
   * times J (default 1e-20, relative: on separable data J → 0 and λ²/2 stays ≈ J/2, so it never
   * converges there); below it, full steps continue while they still cut λ² fourfold, down to
   * the rounding floor.
   */
  tolerance?: number;
}

export interface NewtonResult extends Model {
  /** J(w, b) at the returned point. */
  cost: number;
  /** Newton steps taken. */
  iterations: number;
  /**
   * Whether, at the returned point, J > 0 and either λ²/2 ≤ tolerance · J or every gradient entry
   * is within its rounding bound (false: separable data, where J → 0 and no minimiser exists, or
   * too few iterations).
   */
  converged: boolean;
  /** λ²/2 at the returned point: a second-order estimate of J(w, b) − min J. */
  decrement: number;
  /** max |∂J/∂θ| at the returned point (θ = (w, b)). */
  gradientNorm: number;
  /** The largest Levenberg damping μ added to H to make it positive definite (0: none needed). */
  damping: number;
}

/**
 * The exact minimiser of the article's cost — the mean binary cross-entropy J(w, b) — by
 * Newton's method (for logistic regression the same iteration as IRLS), from w = 0, b = 0.
 * With θ = (w, b), x̃ = (x, 1), pᵢ = σ(w·xᵢ + b):
 *
 *     g = (1/m) Σᵢ (pᵢ − yᵢ) x̃ᵢ,    H = (1/m) Σᵢ pᵢ(1 − pᵢ) x̃ᵢ x̃ᵢᵀ,    θ ← θ − t H⁻¹ g
 *
 * H is solved by Cholesky, damped (Levenberg, H + μI) when it is singular: a constant-zero
 * column, collinear columns, fewer rows than parameters (solveDamped, ./cholesky.ts). The step
 * length t comes from a backtracking line search (./line-search.ts); the iteration stops where
 * newtonStanding (./newton-stopping.ts) says: past the tolerance once λ² no longer falls
 * fourfold, or, once λ²/2 ≤ 10⁻¹² J, as soon as every entry of the gradient is within its
 * rounding bound (src/numerics/rounding.ts), where no step can be told from rounding (with a
 * singular H — constant or collinear columns — the damped λ² holds the gradient's rounding noise
 * divided by μ and may never reach the tolerance); at maxIterations; or when the line search
 * finds no descent. Gradients and cost are the reference's own, so the optimum is the
 * reference's optimum.
 */
export function newtonOptimum(
  X: Matrix,
  y: Float64Array,
  options: NewtonOptions = {},
): NewtonResult {
  const { maxIterations = 50, tolerance = 1e-20 } = options;
  let theta: Float64Array = new Float64Array(X.cols + 1);
  let cost = costAt(X, y, theta);
  let damping = 0;
  let iterations = 0;
  let previousLambda2 = Infinity;
  for (;;) {
    const g = gradientAt(X, y, theta);
    const { step, mu } = solveDamped(hessianAt(X, theta), g);
    damping = Math.max(damping, mu);
    const lambda2 = dot(g, step);
    const standing = newtonStanding(cost, lambda2, previousLambda2, tolerance, () =>
      atRoundingFloor(X, y, theta, g),
    );
    const next =
      standing.stop || iterations === maxIterations
        ? null
        : backtrack(cost, lambda2, (t) => costAt(X, y, axpy(theta, -t, step)));
    if (!next) {
      return result(theta, cost, iterations, standing.converged, lambda2 / 2, g, damping);
    }
    previousLambda2 = lambda2;
    theta = axpy(theta, -next.t, step);
    cost = next.cost;
    iterations++;
  }
}

/**
 * The asymptotic standard errors of the maximum-likelihood estimate θ̂ = (w, b) — what the
 * optimum's sampling noise is, for comparing it with the coefficients that generated the data:
 *
 *     SE(θ̂ⱼ) = √[(m H)⁻¹]ⱼⱼ,    H = (1/m) X̃ᵀ diag(p(1 − p)) X̃ at θ̂
 *
 * (m H is the observed Fisher information of the summed log-likelihood). Null when H is not
 * positive definite (collinear or constant columns, separable data): then θ̂ is not identified.
 */
export function standardErrors(X: Matrix, model: Model): Float64Array | null {
  const theta = Float64Array.of(...model.w, model.b);
  const size = theta.length;
  const L = cholesky(hessianAt(X, theta), size, 0);
  if (!L) return null;
  return Float64Array.from({ length: size }, (_, j) => {
    const unit = new Float64Array(size);
    unit[j] = 1;
    return Math.sqrt(choleskySolve(L, size, unit)[j] / X.rows);
  });
}

function result(
  theta: Float64Array,
  cost: number,
  iterations: number,
  converged: boolean,
  decrement: number,
  g: Float64Array,
  damping: number,
): NewtonResult {
  const n = theta.length - 1;
  const gradientNorm = g.reduce((max, gj) => Math.max(max, Math.abs(gj)), 0);
  return {
    w: theta.slice(0, n),
    b: theta[n],
    cost,
    iterations,
    converged,
    decrement,
    gradientNorm,
    damping,
  };
}

function costAt(X: Matrix, y: Float64Array, theta: Float64Array): number {
  return computeCostVectorized(X, y, theta.subarray(0, X.cols), theta[X.cols]);
}

/** g = (∂J/∂w, ∂J/∂b) as one vector. */
function gradientAt(X: Matrix, y: Float64Array, theta: Float64Array): Float64Array {
  const { dw, db } = computeGradientsVectorized(X, y, theta.subarray(0, X.cols), theta[X.cols]);
  const g = new Float64Array(X.cols + 1);
  g.set(dw);
  g[X.cols] = db;
  return g;
}

/**
 * H = (1/m) X̃ᵀ diag(p(1 − p)) X̃, as a dense (n+1)² row-major array of which only the lower
 * triangle (k ≤ j) is filled: H is symmetric and the Cholesky factorisation reads no other entry.
 * p(1 − p) is formed as σ(z)σ(−z), which keeps its relative accuracy when σ(z) is close to 1.
 */
function hessianAt(X: Matrix, theta: Float64Array): Float64Array {
  const { rows, cols, data } = X;
  const size = cols + 1;
  const H = new Float64Array(size * size);
  const z = logits(X, theta.subarray(0, cols), theta[cols]);
  const xi = new Float64Array(size);
  xi[cols] = 1;
  for (let i = 0; i < rows; i++) {
    const s = (sigmoid(z[i]) * sigmoid(-z[i])) / rows;
    xi.set(data.subarray(i * cols, (i + 1) * cols));
    for (let j = 0; j < size; j++) {
      const sxj = s * xi[j];
      const offset = j * size;
      for (let k = 0; k <= j; k++) H[offset + k] += sxj * xi[k];
    }
  }
  return H;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** x + a·d, a new array. */
function axpy(x: Float64Array, a: number, d: Float64Array): Float64Array {
  return x.map((xi, i) => xi + a * d[i]);
}
