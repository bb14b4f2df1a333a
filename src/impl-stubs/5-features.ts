import type { OneHot } from "../contract.js";

/**
 * Article step 5 — the age group of one age, as the article's right-closed bins:
 *
 *     pd.cut(df['age'], bins=[18, 25, 35, 45, 55, 65, 100],
 *            labels=['18–24', '25–34', '35–44', '45–54', '55–64', '65+'])
 *
 * Returns the label of the bin (lo, hi] that holds `age`, or null when it is in none (pandas'
 * NaN). The labels are written with an en dash (–), as in the article.
 */
export function ageGroup(age: number): string | null {
  throw new Error("not implemented yet: ageGroup (article step 5)");
}

/**
 * Article step 5 — a yes/no column as a number:
 *
 *     df[col].map({'yes': 1, 'no': 0})
 *
 * 1 for "yes", 0 for "no", NaN for anything else (pandas' map gives NaN for a missing key).
 */
export function yesNoFlag(value: string): number {
  throw new Error("not implemented yet: yesNoFlag (article step 5)");
}

/**
 * Article step 5 — one column one-hot encoded, the first level dropped:
 *
 *     pd.get_dummies(values, drop_first=True)
 *
 * `levels`: when not given, the distinct non-null values sorted as pandas (Python) sorts strings;
 * when given, used as they are. Returns `{ levels, columns }`: one Float64Array column per level
 * after the first, with a 1 in row i when values[i] is that level. A null value, the first
 * level, or a value not in `levels` gives a row of zeros.
 */
export function oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot {
  throw new Error("not implemented yet: oneHot (article step 5)");
}
