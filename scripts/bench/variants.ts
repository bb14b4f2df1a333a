import type { GradientFunction, LogisticRegression, Matrix } from "../../src/contract.js";
import * as impl from "../../src/impl/index.js";
import {
  defaultKernelEnvironment,
  fusedGradientDescent,
} from "../../src/reference/fused-kernel.js";
import * as reference from "../../src/reference/index.js";

/** One way to train: an implementation and the gradient its gradientDescent is given. */
export interface Variant {
  name: string;
  /** Trains from w = 0, b = 0 recording the cost every epoch; returns the final cost. */
  train(X: Matrix, y: Float64Array, epochs: number, alpha: number): number;
}

function variant(name: string, lr: LogisticRegression, gradient?: GradientFunction): Variant {
  return {
    name,
    train(X, y, epochs, alpha) {
      const costHistory: number[] = [];
      const options = { alpha, epochs, costHistory, gradientFunction: gradient };
      lr.gradientDescent(X, y, new Float64Array(X.cols), 0, options);
      return costHistory[costHistory.length - 1];
    },
  };
}

/**
 * The bench's variants: each implementation's gradientDescent with its per-example loop
 * gradient and with its vectorized gradient (the cost each epoch is the implementation's own,
 * vectorized), the reference's default, the fused kernel, and the kernel on two threads.
 */
export const variants: Variant[] = [
  variant("impl loop", impl, impl.computeGradients),
  variant("impl vectorized", impl, impl.computeGradientsVectorized),
  variant("reference loop", reference, reference.computeGradients),
  variant("reference vectorized", reference, reference.computeGradientsVectorized),
  variant("reference kernel", reference),
  {
    name: "reference kernel, 2 threads",
    train(X, y, epochs, alpha) {
      const costHistory: number[] = [];
      const environment = { ...defaultKernelEnvironment, threads: 2 as const };
      const options = { alpha, epochs, costHistory };
      fusedGradientDescent(X, y, new Float64Array(X.cols), 0, options, environment);
      return costHistory[costHistory.length - 1];
    },
  },
];
