import type { GradientFunction, LogisticRegression, Matrix } from "../../src/contract.js";
import * as fast from "../../src/fast/index.js";
import * as impl from "../../src/impl/index.js";
import * as reference from "../../src/reference/index.js";

/** The implementations the bench times, by the name `--impl` takes. */
export const IMPLEMENTATIONS = ["impl", "reference", "fast"] as const;
export type Implementation = (typeof IMPLEMENTATIONS)[number];

/** One way to train: an implementation and the gradient its gradientDescent is given. */
export interface Variant {
  name: string;
  implementation: Implementation;
  /** Trains from w = 0, b = 0 recording the cost every epoch; returns the final cost. */
  train(X: Matrix, y: Float64Array, epochs: number, alpha: number): number;
}

function variant(
  name: string,
  implementation: Implementation,
  lr: LogisticRegression,
  gradient?: GradientFunction,
): Variant {
  return {
    name,
    implementation,
    train(X, y, epochs, alpha) {
      const costHistory: number[] = [];
      const options = { alpha, epochs, costHistory, gradientFunction: gradient };
      lr.gradientDescent(X, y, new Float64Array(X.cols), 0, options);
      return costHistory[costHistory.length - 1];
    },
  };
}

/**
 * The bench's variants: src/impl's and src/reference's gradientDescent with their per-example
 * loop gradient and with their vectorized gradient (the cost each epoch is the implementation's
 * own, vectorized), and src/fast's default, the fused WebAssembly kernel.
 */
export const variants: Variant[] = [
  variant("impl loop", "impl", impl, impl.computeGradients),
  variant("impl vectorized", "impl", impl, impl.computeGradientsVectorized),
  variant("reference loop", "reference", reference, reference.computeGradients),
  variant("reference vectorized", "reference", reference, reference.computeGradientsVectorized),
  variant("fast", "fast", fast),
];
