import type { LogisticRegression } from "../../src/contract.js";

/**
 * The implementation under test, chosen per vitest project (see vitest.config.ts): the module
 * whose path is in LOGREG_MODULE, checked to export every function of the contract.
 */
const modulePath = process.env.LOGREG_MODULE;
if (!modulePath) {
  throw new Error("LOGREG_MODULE is not set: run the model properties through `npm test`.");
}

const contractFunctions = [
  "predict",
  "sigmoid",
  "computeCost",
  "computeCostVectorized",
  "computeGradients",
  "computeGradientsVectorized",
  "gradientDescent",
] as const;

const loaded = (await import(modulePath)) as Partial<LogisticRegression>;
const missing = contractFunctions.filter((name) => typeof loaded[name] !== "function");
if (missing.length > 0) {
  throw new Error(`${modulePath} does not export the contract's ${missing.join(", ")}`);
}

export const implementation = loaded as LogisticRegression;

/** The two cost functions of the implementation under test, by name (loop first). */
export const costFunctions = [
  ["computeCost", implementation.computeCost],
  ["computeCostVectorized", implementation.computeCostVectorized],
] as const;

/** The two gradient functions of the implementation under test, by name (loop first). */
export const gradientFunctions = [
  ["computeGradients", implementation.computeGradients],
  ["computeGradientsVectorized", implementation.computeGradientsVectorized],
] as const;
