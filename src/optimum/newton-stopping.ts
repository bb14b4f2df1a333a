import type { Matrix } from "../contract.js";
import { gradientRoundingBound } from "../numerics/rounding.js";

/** Where Newton's iteration (src/optimum/newton.ts) stands after a step. */
export interface NewtonStanding {
  /** J > 0, and λ²/2 ≤ tolerance · J, or the rounding floor is reached (see newtonStanding). */
  converged: boolean;
  /** Converged, and no further step is worth taking: stop here. */
  stop: boolean;
}

/**
 * Newton's stopping rule, from the cost J at the current iterate, its Newton decrement
 * λ² = gᵀH⁻¹g (λ²/2 ≈ J − min J) and the previous iterate's λ² (Infinity before the first step):
 *
 *     converged  ⇔  J > 0  and  (λ²/2 ≤ tolerance · J  or  floor)
 *     floor      ⇔  λ²/2 ≤ 10⁻¹² J  and  atRoundingFloor()
 *     stop       ⇔  λ²/2 ≤ tolerance · J  and  λ² ≥ previous λ² / 4,  or  floor
 *
 * J is exactly 0 only when every example's loss underflows (margins past ≈ 745): separable
 * data, where no minimiser exists, so that is not convergence. Past the tolerance, full steps go
 * on while each still cuts λ² at least fourfold (Newton converges quadratically); the first that
 * does not has reached the rounding floor. The floor is for a run that cannot reach the
 * tolerance: with a singular H (constant or collinear columns) the damped λ² holds the gradient's
 * rounding noise divided by the damping μ; once λ²/2 ≤ 10⁻¹² J and every gradient entry is
 * within its rounding bound (atRoundingFloor, asked only then: it is a pass over the data), no
 * step can be told from rounding, and the run stops converged. On separable data the gradient
 * also falls within its bound (J → 0), but there λ²/2 stays ≈ J/2, above 10⁻¹² J.
 */
export function newtonStanding(
  cost: number,
  lambda2: number,
  previousLambda2: number,
  tolerance: number,
  atRoundingFloor: () => boolean,
): NewtonStanding {
  if (!(cost > 0)) return { converged: false, stop: false };
  if (lambda2 / 2 <= tolerance * cost) {
    return { converged: true, stop: !(lambda2 < previousLambda2 / 4) };
  }
  const floor = lambda2 / 2 <= 1e-12 * cost && atRoundingFloor();
  return { converged: floor, stop: floor };
}

/**
 * Whether every entry of g, the gradient computed at θ = (w, b), is within its rounding bound of
 * 0 (gradientRoundingBound, src/numerics/rounding.ts), an entry equal to its bound included:
 * there the computed gradient cannot be told from that of a minimiser.
 */
export function atRoundingFloor(
  X: Matrix,
  y: Float64Array,
  theta: Float64Array,
  g: Float64Array,
): boolean {
  const bound = gradientRoundingBound(X, y, theta.subarray(0, X.cols), theta[X.cols]);
  return g.every((gj, j) => Math.abs(gj) <= (j < X.cols ? bound.dw[j] : bound.db));
}

/**
 * Below this cost J, a run that did not converge is taken for separable data: every example's
 * loss is below m · 10⁻⁸, so the classes are (almost) perfectly split and J → 0 along a
 * direction, with no finite minimiser. Above it, not converging means too few iterations.
 */
export const SEPARABLE_COST = 1e-8;

/**
 * What to say about a Newton run that did not converge ("" when it did): "separable data?"
 * only when J fell towards 0 (below {@link SEPARABLE_COST}).
 */
export function optimumNote(run: { converged: boolean; cost: number; iterations: number }): string {
  if (run.converged) return "";
  if (run.cost < SEPARABLE_COST) {
    return `NOT converged: J fell to ${run.cost} (→ 0): no finite minimiser (separable data?)`;
  }
  return `NOT converged after ${run.iterations} iterations (J = ${run.cost})`;
}
