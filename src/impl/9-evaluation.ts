import type { ConfusionMatrix } from "../contract.js";

/**
 * Article step 9 — the confusion matrix at a threshold (0.5 itself counts as positive):
 *
 *     confusion_matrix(y, (p >= 0.5).astype(int))
 */
export function confusionMatrix(
  y: Float64Array,
  probabilities: Float64Array,
  threshold = 0.5,
): ConfusionMatrix {
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (let i = 0; i < y.length; i++) {
    const positive = probabilities[i] >= threshold;
    if (positive && y[i] === 1) truePositives++;
    else if (positive) falsePositives++;
    else if (y[i] === 1) falseNegatives++;
    else trueNegatives++;
  }
  return { truePositives, falsePositives, trueNegatives, falseNegatives };
}

/** Article step 9 — `accuracy_score`: (TP + TN) / m. */
export function accuracy(c: ConfusionMatrix): number {
  const m = c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives;
  return (c.truePositives + c.trueNegatives) / m;
}

/** Article step 9 — `precision_score`: TP / (TP + FP), null if nothing is predicted positive. */
export function precision(c: ConfusionMatrix): number | null {
  const predictedPositive = c.truePositives + c.falsePositives;
  return predictedPositive === 0 ? null : c.truePositives / predictedPositive;
}

/** Article step 9 — `recall_score`: TP / (TP + FN), null if no label is positive. */
export function recall(c: ConfusionMatrix): number | null {
  const positives = c.truePositives + c.falseNegatives;
  return positives === 0 ? null : c.truePositives / positives;
}

/** Article step 9 — `f1_score`: 2 TP / (2 TP + FP + FN), null if that denominator is 0. */
export function f1(c: ConfusionMatrix): number | null {
  const denominator = 2 * c.truePositives + c.falsePositives + c.falseNegatives;
  return denominator === 0 ? null : (2 * c.truePositives) / denominator;
}

/**
 * Article step 9 — `roc_auc_score(y, scores)`: the share of (positive, negative) pairs in which
 * the positive scores higher, a tie counting ½ (ranks with ties sharing their mean rank).
 */
export function rocAuc(y: Float64Array, scores: Float64Array): number | null {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (y[order[k]] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Article step 9 — `log_loss(y, sigmoid(z))` from the logits, the same mean as step 2's cost:
 * −log σ(z) = log(1 + e^(−z)) and −log(1 − σ(z)) = log(1 + e^z), computed without overflow.
 */
export function logLoss(y: Float64Array, logits: Float64Array): number {
  const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const loss = y[i] === 1 ? softplus(-logits[i]) : softplus(logits[i]);
    total += loss / y.length;
  }
  return total;
}
