import type { ConfusionMatrix, Evaluation } from "../contract.js";
import * as reference from "../reference/index.js";

export type { ConfusionMatrix };

/** Threshold metrics; a ratio whose denominator is 0 is null (undefined, not 0). */
export interface ClassificationMetrics {
  accuracy: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  confusion: ConfusionMatrix;
}

/** The step-9 functions the report's metrics come from: the reference's, or the learner's. */
export type MetricSteps = Pick<Evaluation, "accuracy" | "precision" | "recall" | "f1">;

/**
 * Counts the outcomes of predicting 1 when σ(zᵢ) ≥ 0.5 (the article's threshold; a logit of 0
 * is positive) against labels yᵢ ∈ {0, 1}: the reference's `confusionMatrix` of the
 * probabilities σ(zᵢ).
 */
export function confusionMatrix(
  y: Float64Array,
  z: Float64Array,
  steps: Pick<Evaluation, "confusionMatrix"> = reference,
): ConfusionMatrix {
  return steps.confusionMatrix(y, z.map(reference.sigmoid));
}

/**
 * The threshold metrics of a confusion matrix (TP, FP, TN, FN), by the step-9 functions:
 *
 *     accuracy = (TP + TN) / m,   precision = TP / (TP + FP),   recall = TP / (TP + FN),
 *     F1 = 2 TP / (2 TP + FP + FN)   (the harmonic mean of precision and recall)
 */
export function classificationMetrics(
  confusion: ConfusionMatrix,
  steps: MetricSteps = reference,
): ClassificationMetrics {
  return {
    accuracy: steps.accuracy(confusion),
    precision: steps.precision(confusion),
    recall: steps.recall(confusion),
    f1: steps.f1(confusion),
    confusion,
  };
}
