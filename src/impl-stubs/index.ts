/**
 * The learner's implementation of the article's steps 1–6 and 9, one file per step. Edit these files
 * until `npm run learn` (or `npm test`) passes; `src/reference` holds the proven version.
 */
export { predict, sigmoid } from "./1-model.js";
export { computeCost, computeCostVectorized } from "./2-cost.js";
export { computeGradients, computeGradientsVectorized } from "./3-gradients.js";
export { gradientDescent } from "./4-gradient-descent.js";
export { ageGroup, yesNoFlag, oneHot } from "./5-features.js";
export { fitScaler, transformScaler, standardizeFeatures } from "./6-standardize.js";
export {
  confusionMatrix,
  accuracy,
  precision,
  recall,
  f1,
  rocAuc,
  logLoss,
} from "./9-evaluation.js";
