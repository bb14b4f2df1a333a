/**
 * The exact optimum of the article's cost, which the article does not compute: Newton's method
 * (IRLS) with a damped Cholesky solve and a backtracking line search. The train script uses it
 * to say how far the article's 1000 epochs are from the minimum, and for standard errors.
 */
export { newtonOptimum, standardErrors } from "./newton.js";
export type { NewtonResult } from "./newton.js";
export { optimumNote } from "./newton-stopping.js";
