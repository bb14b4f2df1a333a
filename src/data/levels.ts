import { compareCodePoints } from "../reference/index.js";
import type { CategoricalValues } from "./table.js";

/** Python's (and pandas') order of strings, by code point: the reference's (step 5). */
export { compareCodePoints };

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
