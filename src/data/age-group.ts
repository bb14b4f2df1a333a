/**
 * Article step 5 — the article's age bins: `pd.cut(age, bins=AGE_BINS, labels=AGE_LABELS)`. pd.cut's intervals
 * are right-closed — (18, 25], (25, 35], …, (65, 100] — so label "18–24" holds ages 19–25, and
 * an age of 18 or less, or above 100, falls in no bin (NaN in pandas; all age dummies 0).
 */
export const AGE_BINS: readonly number[] = [18, 25, 35, 45, 55, 65, 100];

/** The article's labels for the bins (with an en dash, as in the article). */
export const AGE_LABELS: readonly string[] = ["18–24", "25–34", "35–44", "45–54", "55–64", "65+"];

/** The index in AGE_LABELS of age's bin, or -1 when it falls in no bin: bins[k] < age ≤ bins[k+1]. */
export function ageBin(age: number): number {
  if (!(age > AGE_BINS[0] && age <= AGE_BINS[AGE_BINS.length - 1])) return -1;
  let k = 0;
  while (age > AGE_BINS[k + 1]) k++;
  return k;
}

/** The audit's explanation of the bins' semantics. */
export const AGE_BIN_NOTE =
  "pd.cut bins are right-closed: (18,25], (25,35], (35,45], (45,55], (55,65], (65,100]. The " +
  'labels are off by one against the bins ("18–24" holds ages 19–25, "25–34" holds 26–35, …), ' +
  "and an age of 18 or less, or above 100, falls in no bin: such rows get all age_group " +
  "dummies 0, the same as the dropped first bin. Kept as in the article, for parity.";
