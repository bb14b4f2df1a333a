import type { ConfusionMatrix } from "../contract.js";

/**
 * Article step 9 — the confusion matrix of predicting 1 when pᵢ ≥ threshold (default 0.5):
 *
 *     confusion_matrix(y, (p >= 0.5).astype(int))      (the article: `1 if p >= 0.5 else 0`)
 *
 * Returns `{ truePositives, falsePositives, trueNegatives, falseNegatives }`.
 */
export function confusionMatrix(
  y: Float64Array,
  probabilities: Float64Array,
  threshold = 0.5,
): ConfusionMatrix {
  throw new Error("not implemented yet: confusionMatrix (article step 9)");
}

/** Article step 9 — `accuracy_score`: (TP + TN) / m. */
export function accuracy(c: ConfusionMatrix): number {
  throw new Error("not implemented yet: accuracy (article step 9)");
}

/** Article step 9 — `precision_score`: TP / (TP + FP); null when that denominator is 0. */
export function precision(c: ConfusionMatrix): number | null {
  throw new Error("not implemented yet: precision (article step 9)");
}

/** Article step 9 — `recall_score`: TP / (TP + FN); null when that denominator is 0. */
export function recall(c: ConfusionMatrix): number | null {
  throw new Error("not implemented yet: recall (article step 9)");
}

/** Article step 9 — `f1_score`: 2 TP / (2 TP + FP + FN); null when that denominator is 0. */
export function f1(c: ConfusionMatrix): number | null {
  throw new Error("not implemented yet: f1 (article step 9)");
}

/**
 * Article step 9 — `roc_auc_score(y, scores)`: over every (positive, negative) pair, the share
 * in which the positive scores higher, a tie counting ½. Null when a class is absent.
 */
export function rocAuc(y: Float64Array, scores: Float64Array): number | null {
  throw new Error("not implemented yet: rocAuc (article step 9)");
}

/**
 * Article step 9 — `log_loss(y, sigmoid(z))` from the logits z:
 *
 *     (1/m) Σᵢ −[yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))]
 *
 * the same number as step 2's cost of the model whose logits these are (no clipping).
 */
export function logLoss(y: Float64Array, logits: Float64Array): number {
  throw new Error("not implemented yet: logLoss (article step 9)");
}
