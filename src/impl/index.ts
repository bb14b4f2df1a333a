/**
 * The learner's implementation of the article's steps 1–4, one file per step. Edit these files
 * until `npm run learn` (or `npm test`) passes; `src/reference` holds the proven version.
 */
export { predict, sigmoid } from "./1-model.js";
export { computeCost, computeCostVectorized } from "./2-cost.js";
export { computeGradients, computeGradientsVectorized } from "./3-gradients.js";
export { gradientDescent } from "./4-gradient-descent.js";
