/**
 * The learner's implementation of the article's steps 1–4 and 7. Edit these files until
 * `npm run learn` (or `npm test`) passes; `src/reference` holds the proven version.
 */
export { predict } from "./predict.js";
export { sigmoid } from "./sigmoid.js";
export { computeCost } from "./cost.js";
export { computeCostVectorized } from "./cost-vectorized.js";
export { computeGradients } from "./gradients.js";
export { computeGradientsVectorized } from "./gradients-vectorized.js";
export { gradientDescent } from "./gradient-descent.js";
