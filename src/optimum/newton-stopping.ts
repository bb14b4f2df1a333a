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
