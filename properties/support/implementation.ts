import type { LogisticRegression } from "../../src/contract.js";
import { requireFunctions } from "./step-functions.js";

/**
 * The implementation under test (see step-functions.ts) as the model properties of steps 1–4
 * use it: its seven functions of steps 1–4. One it does not export fails only the properties that
 * call it; the property files of steps 5, 6 and 9 ask step-functions.ts for their own functions.
 */
const loaded = requireFunctions(
  "predict",
  "sigmoid",
  "computeCost",
  "computeCostVectorized",
  "computeGradients",
  "computeGradientsVectorized",
  "gradientDescent",
);

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
