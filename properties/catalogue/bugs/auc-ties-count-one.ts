import type { CatalogueBug } from "../../../src/catalogue/bug.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "rocAuc counts a tied (positive, negative) pair as a win (1) instead of ½",
  step: 9,
  overrides: "rocAuc",
};

/** roc_auc_score over the pairs — BUG: a tie counts 1 (>= instead of >). */
export function rocAuc(y: Float64Array, scores: Float64Array): number | null {
  let wins = 0;
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) positives++;
    else negatives++;
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] === 1) continue;
      if (scores[i] > scores[j]) wins += 1;
      else if (scores[i] === scores[j]) wins += 1;
    }
  }
  if (positives === 0 || negatives === 0) return null;
  return wins / (positives * negatives);
}
