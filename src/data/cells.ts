/**
 * pandas' default missing-value markers (`read_csv`'s `na_values`): a string cell holding one of
 * these is NaN in the article's DataFrame, so the loader reports it as a missing value instead
 * of treating it as a level.
 */
export const PANDAS_NA_VALUES: ReadonlySet<string> = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
]);

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number such as `-12`, `0.5` or `1e3` as a finite double; NaN for anything else. */
export function parseNumber(text: string): number {
  if (!DECIMAL.test(text)) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** "yes" → 1, "no" → 0 (the article's `map({'yes': 1, 'no': 0})`), anything else → -1. */
export function parseYesNo(text: string): number {
  return text === "yes" ? 1 : text === "no" ? 0 : -1;
}
