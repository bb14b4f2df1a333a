import { AGE_LABELS, ageGroup } from "../reference/index.js";

/**
 * Article step 5 — the article's age bins, `pd.cut(age, bins=AGE_BINS, labels=AGE_LABELS)`:
 * the reference's (src/reference/5-features.ts). pd.cut's intervals are right-closed —
 * (18, 25], (25, 35], …, (65, 100] — so label "18–24" holds ages 19–25, and an age of 18 or
 * less, or above 100, falls in no bin (NaN in pandas; all age dummies 0).
 */

/** The index in AGE_LABELS of age's bin ({@link ageGroup}), or -1 when it falls in no bin. */
export function ageBin(age: number): number {
  const label = ageGroup(age);
  return label === null ? -1 : AGE_LABELS.indexOf(label);
}

/** The audit's explanation of the bins' semantics. */
export const AGE_BIN_NOTE =
  "pd.cut bins are right-closed: (18,25], (25,35], (35,45], (45,55], (55,65], (65,100]. The " +
  'labels are off by one against the bins ("18–24" holds ages 19–25, "25–34" holds 26–35, …), ' +
  "and an age of 18 or less, or above 100, falls in no bin: such rows get all age_group " +
  "dummies 0, the same as the dropped first bin. Kept as in the article, for parity.";
