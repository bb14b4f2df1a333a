/** Where Newton's iteration (src/optimum/newton.ts) stands after a step. */
export interface NewtonStanding {
  /** λ²/2 ≤ tolerance · J, with J > 0. */
  converged: boolean;
  /** Converged, and λ² no longer falls fourfold: stop here. */
  stop: boolean;
}

/**
 * Newton's stopping rule, from the cost J at the current iterate, its Newton decrement
 * λ² = gᵀH⁻¹g (λ²/2 ≈ J − min J) and the previous iterate's λ² (Infinity before the first step):
 *
 *     converged  ⇔  J > 0  and  λ²/2 ≤ tolerance · J
 *     stop       ⇔  converged  and  λ² ≥ previous λ² / 4
 *
 * J is exactly 0 only when every example's loss underflows (margins past ≈ 745): separable
 * data, where no minimiser exists, so that is not convergence. Past the tolerance, full steps go
 * on while each still cuts λ² at least fourfold (Newton converges quadratically); the first that
 * does not has reached the rounding floor.
 */
export function newtonStanding(
  cost: number,
  lambda2: number,
  previousLambda2: number,
  tolerance: number,
): NewtonStanding {
  const converged = cost > 0 && lambda2 / 2 <= tolerance * cost;
  return { converged, stop: converged && !(lambda2 < previousLambda2 / 4) };
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
