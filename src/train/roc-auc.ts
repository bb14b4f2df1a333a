/**
 * The area under the ROC curve: the probability that a random positive example scores higher
 * than a random negative one, ties counting one half (the Mann–Whitney U statistic over P·N):
 *
 *     AUC = (Σ_{i positive} rankᵢ − P(P + 1)/2) / (P N)
 *
 * with 1-based ranks of the scores in increasing order, tied scores sharing their mean rank.
 * Null when either class is absent (the area is undefined). Any monotone transform of the
 * scores (logits or probabilities) gives the same value.
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
