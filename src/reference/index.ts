/**
 * The reference implementation: the article's steps 1–6 and 9 as readable, numerically robust
 * code, one file per step. It is the oracle the property suite and the learner's code are checked
 * against, and what runs whenever it is called. `logits`, `loss`, `mean`, `fitColumn`,
 * `compareCodePoints` and the age bins are the step functions' own building blocks, exported for
 * the data pipeline and the train script.
 */
export { predict, sigmoid, logits } from "./1-model.js";
export { loss, mean, computeCost, computeCostVectorized } from "./2-cost.js";
export { computeGradients, computeGradientsVectorized } from "./3-gradients.js";
export { gradientDescent } from "./4-gradient-descent.js";
export {
  AGE_BINS,
  AGE_LABELS,
  ageGroup,
  yesNoFlag,
  compareCodePoints,
  oneHot,
} from "./5-features.js";
export { fitColumn, fitScaler, transformScaler, standardizeFeatures } from "./6-standardize.js";
export {
  confusionMatrix,
  accuracy,
  precision,
  recall,
  f1,
  rocAuc,
  logLoss,
} from "./9-evaluation.js";
