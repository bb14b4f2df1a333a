import type { OneHot } from "../contract.js";

const AGE_BINS = [18, 25, 35, 45, 55, 65, 100];
const AGE_LABELS = ["18–24", "25–34", "35–44", "45–54", "55–64", "65+"];

/**
 * Article step 5 — the age group, as pandas' right-closed bins:
 *
 *     pd.cut(df['age'], bins=[18, 25, 35, 45, 55, 65, 100],
 *            labels=['18–24', '25–34', '35–44', '45–54', '55–64', '65+'])
 *
 * (18, 25] → "18–24", (25, 35] → "25–34", …, (65, 100] → "65+"; anything else → null.
 */
export function ageGroup(age: number): string | null {
  for (let k = 0; k < AGE_LABELS.length; k++) {
    if (AGE_BINS[k] < age && age <= AGE_BINS[k + 1]) {
      return AGE_LABELS[k];
    }
  }
  return null;
}

/**
 * Article step 5 — a yes/no column as 1/0:
 *
 *     df[col].map({'yes': 1, 'no': 0})
 */
export function yesNoFlag(value: string): number {
  if (value === "yes") return 1;
  if (value === "no") return 0;
  return NaN;
}

/** Python's string order: by code point, not by UTF-16 unit (JavaScript's default sort). */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    if (x[k] !== y[k]) return x[k] - y[k];
  }
  return x.length - y.length;
}

/**
 * Article step 5 — one-hot encoding, first level dropped:
 *
 *     pd.get_dummies(values, drop_first=True)
 *
 * Levels: the given ones, or the distinct values sorted as pandas sorts them.
 */
export function oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot {
  const allLevels = levels
    ? [...levels]
    : [...new Set(values.filter((v) => v !== null))].sort(byCodePoint);
  const columns: Float64Array[] = [];
  for (let k = 1; k < allLevels.length; k++) {
    columns.push(Float64Array.from(values, (v) => (v === allLevels[k] ? 1 : 0)));
  }
  return { levels: allLevels, columns };
}
