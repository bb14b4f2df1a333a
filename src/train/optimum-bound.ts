/**
 * The most features Newton's method (src/optimum) is run on: 128. Each Newton step builds the
 * (p + 1)×(p + 1) Hessian Xᵀ·diag(p(1 − p))·X, m·p² multiply-adds, and factors it, p³/3 more,
 * in p² doubles. Measured with newtonOptimum on 11,162 rows (bank.csv's size) of p random
 * features, 5–6 steps each, at load 2–14 on 2 cores: p = 50 in 2.1 s, p = 100 in 5.5 s,
 * p = 200 in 20 s, p = 454 (the most the level bound allows) in 75 s. 128 keeps the optimum
 * within about 10 s on data of the article's size, and is almost three times the article's
 * 45 features.
 */
export const MAX_NEWTON_FEATURES = 128;

/** How the report names the optimum's method (solved or skipped). */
export const NEWTON_METHOD =
  "Newton's method (IRLS) from zero: Cholesky solves, Armijo backtracking, Levenberg damping if H is singular";

/**
 * Why the optimum of a `features`-column matrix is not computed, as the report, report.md and
 * the terminal say it ("optimum skipped: p = 135 features > 128 (…)"); null when Newton runs.
 */
export function optimumSkipped(features: number): string | null {
  if (features <= MAX_NEWTON_FEATURES) return null;
  return `optimum skipped: p = ${features} features > ${MAX_NEWTON_FEATURES} (Newton's p×p Hessian takes p² memory and m·p² + p³/3 time per step; the gap of the trained point to the optimum is not computed)`;
}
