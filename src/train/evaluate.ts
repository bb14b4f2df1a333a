import type { Matrix, Model } from "../contract.js";
import { logLoss } from "./log-loss.js";
import { classificationMetrics, confusionMatrix } from "./metrics.js";
import type { EvaluationMetrics } from "./report.js";
import { rocAuc } from "./roc-auc.js";
import { logits } from "../reference/index.js";

/**
 * Article step 9 (which the article only promises) — the metrics of a model on labelled rows: the threshold metrics at σ(z) ≥ 0.5, ROC AUC and
 * log-loss, all from the logits z = X w + b (reference arithmetic).
 */
export function evaluateModel(X: Matrix, y: Float64Array, model: Model): EvaluationMetrics {
  return scoreMetrics(y, logits(X, model.w, model.b));
}

/**
 * The majority-class baseline: every row gets the training part's prevalence p as its
 * probability (logit ln(p / (1 − p))), so it predicts the majority class (yes when p ≥ 0.5),
 * has ROC AUC 0.5 (all scores tied) and the log-loss of a constant forecast.
 */
export function evaluateBaseline(
  trainLabels: Float64Array,
  y: Float64Array,
): EvaluationMetrics & { majorityClass: 0 | 1 } {
  const p = trainLabels.reduce((sum, label) => sum + label, 0) / trainLabels.length;
  const z = new Float64Array(y.length).fill(Math.log(p / (1 - p)));
  return { majorityClass: p >= 0.5 ? 1 : 0, ...scoreMetrics(y, z) };
}

function scoreMetrics(y: Float64Array, z: Float64Array): EvaluationMetrics {
  return {
    ...classificationMetrics(confusionMatrix(y, z)),
    rocAuc: rocAuc(y, z),
    logLoss: logLoss(y, z),
  };
}
