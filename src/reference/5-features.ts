import type { OneHot } from "../contract.js";

/**
 * Article step 5 — data cleaning and feature engineering: the age bins, the yes/no flags and
 * one-hot encoding with the first level dropped.
 */

/** The article's bin edges: `pd.cut(df['age'], bins=[18, 25, 35, 45, 55, 65, 100], …)`. */
export const AGE_BINS: readonly number[] = [18, 25, 35, 45, 55, 65, 100];

/** The article's labels for the bins (with an en dash, as in the article). */
export const AGE_LABELS: readonly string[] = ["18–24", "25–34", "35–44", "45–54", "55–64", "65+"];

/**
 * The age group of one age:
 *
 *     pd.cut(df['age'], bins=AGE_BINS, labels=AGE_LABELS)
 *
 * pd.cut's intervals are right-closed — (18, 25], (25, 35], …, (65, 100] — so label "18–24"
 * holds ages 19–25 (the labels are off by one against the bins, as in the article), and an age
 * of 18 or less, above 100, or NaN falls in no bin: null (pandas' NaN).
 */
export function ageGroup(age: number): string | null {
  for (let k = 0; k + 1 < AGE_BINS.length; k++) {
    if (age > AGE_BINS[k] && age <= AGE_BINS[k + 1]) return AGE_LABELS[k];
  }
  return null;
}

/**
 * A yes/no column as a number:
 *
 *     df[col].map({'yes': 1, 'no': 0})
 *
 * 1 for "yes", 0 for "no", NaN for anything else (pandas maps a missing key to NaN).
 */
export function yesNoFlag(value: string): number {
  if (value === "yes") return 1;
  if (value === "no") return 0;
  return NaN;
}

/**
 * Compares two strings by Unicode code point, as Python compares `str` (and so as pandas sorts
 * the levels of a string column). JavaScript's `<` and the default `sort()` compare UTF-16 code
 * units, which put characters above U+FFFF (surrogate pairs) before U+E000–U+FFFF; this does not.
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}

/**
 * One column one-hot encoded, the first level dropped:
 *
 *     pd.get_dummies(values, drop_first=True)
 *
 * `levels` defaults to the distinct non-null values sorted by code point (pandas' order);
 * given, it is used as it is. One column per level after the first: row i has a 1 in the column
 * of its level and 0 elsewhere, so a row whose level is `levels[0]` (the dropped baseline), null
 * (NaN) or not in `levels` (unseen when the levels were fitted) is all zeros.
 */
export function oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot {
  const chosen = levels
    ? [...levels]
    : [...new Set(values.filter((v): v is string => v !== null))].sort(compareCodePoints);
  const indexOf = new Map(chosen.map((level, k) => [level, k]));
  const columns = chosen.slice(1).map(() => new Float64Array(values.length));
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const k = value === null ? undefined : indexOf.get(value);
    if (k !== undefined && k > 0) columns[k - 1][i] = 1;
  }
  return { levels: chosen, columns };
}
