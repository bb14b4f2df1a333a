import type { Evaluation, LogisticRegression, Matrix, Model } from "../contract.js";
import * as reference from "../reference/index.js";
import { rowView } from "../matrix.js";
import { classificationMetrics } from "./metrics.js";
import type { EvaluationMetrics } from "./report.js";

/** The functions evaluation uses: the implementation's logit and σ (steps 1) and its step 9. */
export type EvaluationSteps = Evaluation & Pick<LogisticRegression, "predict" | "sigmoid">;

/**
 * Article step 9 (which the article only promises) — the metrics of a model on labelled rows:
 * the threshold metrics at σ(z) ≥ 0.5, ROC AUC and log-loss, all from the logits z = X w + b,
 * with the step functions of `steps` (the reference's unless another implementation is given).
 */
export function evaluateModel(
  X: Matrix,
  y: Float64Array,
  model: Model,
  steps: EvaluationSteps = reference,
): EvaluationMetrics {
  const z = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) z[i] = steps.predict(rowView(X, i), model.w, model.b);
  return scoreMetrics(y, z, steps);
}

/**
 * The majority-class baseline: every row gets the training part's prevalence p as its
 * probability (logit ln(p / (1 − p))), so it predicts the majority class (yes when p ≥ 0.5),
 * has ROC AUC 0.5 (all scores tied) and the log-loss of a constant forecast.
 */
export function evaluateBaseline(
  trainLabels: Float64Array,
  y: Float64Array,
  steps: EvaluationSteps = reference,
): EvaluationMetrics & { majorityClass: 0 | 1 } {
  const p = trainLabels.reduce((sum, label) => sum + label, 0) / trainLabels.length;
  const z = new Float64Array(y.length).fill(Math.log(p / (1 - p)));
  return { majorityClass: p >= 0.5 ? 1 : 0, ...scoreMetrics(y, z, steps) };
}

/** The step-9 metrics of logits z against labels y. */
export function scoreMetrics(
  y: Float64Array,
  z: Float64Array,
  steps: EvaluationSteps = reference,
): EvaluationMetrics {
  const probabilities = z.map((zi) => steps.sigmoid(zi));
  return {
    ...classificationMetrics(steps.confusionMatrix(y, probabilities), steps),
    rocAuc: steps.rocAuc(y, z),
    logLoss: steps.logLoss(y, z),
  };
}
