import type { GradientFunction, LogisticRegression, Matrix, Model } from "../contract.js";

export interface TrainingRun {
  model: Model;
  /** The cost after each epoch's update, as the implementation recorded it. */
  costHistory: number[];
  /** Wall time of the gradientDescent call, in milliseconds. */
  milliseconds: number;
}

/**
 * Article step 7 — training: `epochs` of batch gradient descent from w = 0, b = 0, by one call of
 * the implementation's gradientDescent. `onEpoch(epoch, cost)` sees each cost as it is
 * recorded (for progress output), through a proxy over the costHistory array, so the
 * implementation runs exactly as it would for any caller. Throws if the implementation did
 * not record one cost per epoch, as the contract requires.
 */
export function runGradientDescent(
  implementation: LogisticRegression,
  X: Matrix,
  y: Float64Array,
  settings: { alpha: number; epochs: number; gradientFunction: GradientFunction | undefined },
  onEpoch: (epoch: number, cost: number) => void = () => {},
): TrainingRun {
  const costHistory: number[] = [];
  const observed = new Proxy(costHistory, {
    set(target, key, value) {
      const stored = Reflect.set(target, key, value);
      if (typeof key === "string" && /^\d+$/.test(key)) onEpoch(Number(key) + 1, value as number);
      return stored;
    },
  });
  const start = performance.now();
  const model = implementation.gradientDescent(X, y, new Float64Array(X.cols), 0, {
    alpha: settings.alpha,
    epochs: settings.epochs,
    costHistory: observed,
    ...(settings.gradientFunction ? { gradientFunction: settings.gradientFunction } : {}),
  });
  const milliseconds = performance.now() - start;
  if (costHistory.length !== settings.epochs) {
    throw new Error(
      `gradientDescent recorded ${costHistory.length} costs for ${settings.epochs} epochs (the contract: one per epoch)`,
    );
  }
  return { model, costHistory, milliseconds };
}
