/** The four counts of a binary classifier's outcomes on labelled examples. */
export interface ConfusionMatrix {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

/** Threshold metrics; a ratio whose denominator is 0 is null (undefined, not 0). */
export interface ClassificationMetrics {
  accuracy: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  confusion: ConfusionMatrix;
}

/**
 * Counts the outcomes of predicting 1 when the logit zᵢ ≥ 0, i.e. σ(zᵢ) ≥ 0.5 (the article's
 * threshold), against labels yᵢ ∈ {0, 1}.
 */
export function confusionMatrix(y: Float64Array, z: Float64Array): ConfusionMatrix {
  const counts = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < y.length; i++) {
    const predicted = z[i] >= 0;
    if (predicted) counts[y[i] === 1 ? "truePositives" : "falsePositives"]++;
    else counts[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
  }
  return counts;
}

/**
 * The threshold metrics of a confusion matrix (TP, FP, TN, FN):
 *
 *     accuracy = (TP + TN) / m,   precision = TP / (TP + FP),   recall = TP / (TP + FN),
 *     F1 = 2 TP / (2 TP + FP + FN)   (the harmonic mean of precision and recall)
 */
export function classificationMetrics(confusion: ConfusionMatrix): ClassificationMetrics {
  const {
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
  } = confusion;
  return {
    accuracy: (tp + tn) / (tp + fp + tn + fn),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    confusion,
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
