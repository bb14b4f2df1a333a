import type { ConfusionMatrix } from "../contract.js";
import { loss, mean } from "./2-cost.js";

/**
 * Article step 9 — evaluation, which the article promises and sklearn.metrics does: the counts
 * at a threshold, the ratios built on them, ROC AUC and log-loss. A ratio whose denominator is
 * 0 is null ("undefined"), never NaN: the train report records it so.
 */

/**
 * The outcomes of predicting 1 when pᵢ ≥ threshold:
 *
 *     confusion_matrix(y, (p >= 0.5).astype(int))      (the article: `1 if p >= 0.5 else 0`)
 *
 * so a probability of exactly 0.5 is predicted positive. Labels are 0 or 1.
 */
export function confusionMatrix(
  y: Float64Array,
  probabilities: Float64Array,
  threshold = 0.5,
): ConfusionMatrix {
  const counts = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < y.length; i++) {
    const predicted = probabilities[i] >= threshold;
    if (predicted) counts[y[i] === 1 ? "truePositives" : "falsePositives"]++;
    else counts[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
  }
  return counts;
}

/** A ratio, or null when its denominator is 0. */
function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** `accuracy_score`: (TP + TN) / m, the share of rows predicted right; NaN for m = 0. */
export function accuracy(c: ConfusionMatrix): number {
  const m = c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives;
  return (c.truePositives + c.trueNegatives) / m;
}

/** `precision_score`: TP / (TP + FP); null when nothing is predicted positive. */
export function precision(c: ConfusionMatrix): number | null {
  return ratio(c.truePositives, c.truePositives + c.falsePositives);
}

/** `recall_score`: TP / (TP + FN); null when no label is positive. */
export function recall(c: ConfusionMatrix): number | null {
  return ratio(c.truePositives, c.truePositives + c.falseNegatives);
}

/**
 * `f1_score`, the harmonic mean of precision and recall, written on the counts:
 *
 *     F1 = 2 TP / (2 TP + FP + FN)
 *
 * null when TP + FP + FN = 0 (no positive predicted and none labelled).
 */
export function f1(c: ConfusionMatrix): number | null {
  const tp2 = 2 * c.truePositives;
  return ratio(tp2, tp2 + c.falsePositives + c.falseNegatives);
}

/**
 * `roc_auc_score(y, scores)`: the probability that a random positive scores higher than a random
 * negative, ties counting one half — the Mann–Whitney U statistic over P·N:
 *
 *     AUC = (Σ_{i positive} rankᵢ − P(P + 1)/2) / (P N)
 *
 * with 1-based ranks of the scores in increasing order, tied scores sharing their mean rank.
 * Null when either class is absent. Any strictly increasing transform of the scores (logits or
 * probabilities) gives the same value.
 */
export function rocAuc(y: Float64Array, scores: Float64Array): number | null {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const meanRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (y[order[k]] === 1) {
        positives++;
        positiveRankSum += meanRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * `log_loss(y, sigmoid(z))`, from the logits:
 *
 *     logLoss = (1/m) Σᵢ L(zᵢ, yᵢ),   L(z, y) = −[y log σ(z) + (1 − y) log(1 − σ(z))]
 *
 * with step 2's per-example loss (no clipping), so it equals the cost J of the model whose
 * logits these are.
 */
export function logLoss(y: Float64Array, logits: Float64Array): number {
  return mean(logits.map((z, i) => loss(z, y[i])));
}
