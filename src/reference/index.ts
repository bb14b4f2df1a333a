/**
 * The reference implementation: the article's steps 1–4 as readable, numerically robust code,
 * one file per step. It is the oracle the property suite and the learner's code are checked
 * against, and what runs whenever it is called. `logits`, `loss` and `mean` are the step
 * functions' own building blocks, exported for the train script's checks.
 */
export { predict, sigmoid, logits } from "./1-model.js";
export { loss, mean, computeCost, computeCostVectorized } from "./2-cost.js";
export { computeGradients, computeGradientsVectorized } from "./3-gradients.js";
export { gradientDescent } from "./4-gradient-descent.js";
