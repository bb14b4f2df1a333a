import type { GradientDescentOptions, Matrix, Model } from "../contract.js";
import { gradientDescent as readableGradientDescent } from "../reference/index.js";
import { fusedGradientDescent } from "./fused-kernel.js";

/**
 * The fast implementation of the contract: the reference's steps 1–3, 5, 6 and 9 as they are, and step 4's
 * batch gradient descent in a fused WebAssembly SIMD kernel (fused-kernel.ts) whenever no
 * `gradientFunction` is given and the kernel applies. w and b are bit-for-bit the reference's,
 * the recorded costs within a few ulps; otherwise (a gradientFunction given, no WebAssembly
 * SIMD, labels other than 0/1, X over 2 GiB) the reference's loop runs. The train script and
 * the bench use it by default; the same model properties prove it (vitest project `fast`).
 */
export {
  predict,
  sigmoid,
  computeCost,
  computeCostVectorized,
  computeGradients,
  computeGradientsVectorized,
  ageGroup,
  yesNoFlag,
  oneHot,
  fitScaler,
  transformScaler,
  standardizeFeatures,
  confusionMatrix,
  accuracy,
  precision,
  recall,
  f1,
  rocAuc,
  logLoss,
} from "../reference/index.js";

/** Article step 4 — batch gradient descent, fused when it can be (see above). */
export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  return (
    (options.gradientFunction ? undefined : fusedGradientDescent(X, y, w, b, options)) ??
    readableGradientDescent(X, y, w, b, options)
  );
}
