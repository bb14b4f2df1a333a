/**
 * The reference implementation: the trusted, numerically robust version of the article's
 * steps 1–4 and 7, against which the property suite and the learner's implementation are checked.
 */
export { predict } from "./predict.js";
export { sigmoid } from "./sigmoid.js";
export { computeCost } from "./cost.js";
export { computeCostVectorized } from "./cost-vectorized.js";
export { computeGradients } from "./gradients.js";
export { computeGradientsVectorized } from "./gradients-vectorized.js";
export { gradientDescent } from "./gradient-descent.js";
export { newtonOptimum, standardErrors } from "./newton.js";
