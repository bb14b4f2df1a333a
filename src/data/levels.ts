import type { CategoricalValues } from "./table.js";

/** Python's (and pandas') order of strings, by code point: the reference's (step 5). */

/** How many rows have each level of a categorical column (indexed like `levels`). */
export function levelCounts({ codes, levels }: CategoricalValues): Uint32Array {
  const counts = new Uint32Array(levels.length);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}
