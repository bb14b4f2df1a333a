import type { LogisticRegression, Matrix, Model } from "../contract.js";
import { divergenceWatch } from "../train/divergence.js";
import type { DivergenceRecord } from "../train/divergence.js";
import { runGradientDescent } from "../train/gradient-descent-run.js";

/** One gradient-descent run of an experiment, with train's divergence verdict on it. */
export interface WatchedRun {
  model: Model;
  costHistory: number[];
  /** The cost at the start (w = 0, b = 0), J₀ of the divergence rule. */
  initialCost: number;
  /** Train's divergence record (src/train/divergence.ts), null when the run descended. */
  divergence: DivergenceRecord | null;
  milliseconds: number;
}

/**
 * `epochs` of batch gradient descent from w = 0, b = 0 at `alpha`, run exactly as the train
 * script runs the article's (runGradientDescent, the implementation's default gradient) and
 * watched by train's divergence rule (divergenceWatch): the same inputs give train's costs,
 * weights and divergence record.
 */
export function watchedRun(
  implementation: LogisticRegression,
  X: Matrix,
  y: Float64Array,
  names: readonly string[],
  settings: { alpha: number; epochs: number },
): WatchedRun {
  const initialCost = implementation.computeCostVectorized(X, y, new Float64Array(X.cols), 0);
  const watch = divergenceWatch(X.rows, initialCost, names, () => {});
  const run = runGradientDescent(
    implementation,
    X,
    y,
    { ...settings, gradientFunction: undefined },
    (epoch, cost) => watch.epoch(epoch, cost),
  );
  const divergence = watch.finish(run.model, settings.epochs);
  return { ...run, initialCost, divergence };
}

/** The last recorded cost of a run (NaN for a run of no epochs). */
export function finalCost(run: Pick<WatchedRun, "costHistory">): number {
  return run.costHistory.length === 0 ? NaN : run.costHistory[run.costHistory.length - 1];
}
