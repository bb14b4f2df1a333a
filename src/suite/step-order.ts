/**
 * Compares two test-file paths in the article's step order: names are step-numbered
 * (1-model.test.ts, 2-cost.test.ts, …, 10-….test.ts), so digits compare as numbers.
 */
export function stepOrder(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
