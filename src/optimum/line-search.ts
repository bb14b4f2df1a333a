/** What the line search settles on: the step length t and the cost there. */
export interface LineStep {
  t: number;
  cost: number;
}

/**
 * Backtracking (Armijo) line search for a Newton step θ − t d, where λ² = gᵀd > 0 is the
 * decrement and costAlong(t) = J(θ − t d): the first t of 1, 1/2, 1/4, … with
 *
 *     J(θ − t d) ≤ J(θ) − 10⁻⁴ t λ²
 *
 * Once λ²/2 < 10⁻¹² the full step t = 1 is taken unchecked: there Newton converges
 * quadratically, and the cost differences the test would compare are below J's rounding.
 * Null when t would fall below 10⁻¹⁰ (t = 2⁻³⁴): no descent along d that float64 can see.
 */
export function backtrack(
  cost: number,
  lambda2: number,
  costAlong: (t: number) => number,
): LineStep | null {
  let t = 1;
  let candidate = costAlong(t);
  if (lambda2 / 2 < 1e-12) return { t, cost: candidate };
  while (candidate > cost - 1e-4 * t * lambda2) {
    t /= 2;
    if (t < 1e-10) return null;
    candidate = costAlong(t);
  }
  return { t, cost: candidate };
}
