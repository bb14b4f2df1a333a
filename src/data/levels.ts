import type { CategoricalValues } from "./table.js";

/**
 * Compares two strings by Unicode code point, as Python compares `str` (and so as pandas sorts
 * the levels of a string column). JavaScript's `<` compares UTF-16 code units, which orders
 * characters above U+FFFF before U+E000–U+FFFF; this does not.
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

/** How many rows have each level of a categorical column (indexed like `levels`). */
export function levelCounts({ codes, levels }: CategoricalValues): Uint32Array {
  const counts = new Uint32Array(levels.length);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}

/**
 * The levels that occur in the column, in pandas' order for a string column (`get_dummies`
 * and `factorize(sort=True)`): sorted by code point. Levels without rows are left out.
 */
export function pandasLevels(column: CategoricalValues): string[] {
  const counts = levelCounts(column);
  return column.levels.filter((_, code) => counts[code] > 0).sort(compareCodePoints);
}
