import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { AGE_BINS, AGE_LABELS } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "an age of 18 is put in the first bin, as pd.cut(include_lowest=True) would",
  step: 5,
  overrides: "ageGroup",
};

/** pd.cut(age, bins, labels) — BUG: the first bin is [18, 25], so 18 gets "18–24". */
export function ageGroup(age: number): string | null {
  for (let k = 0; k + 1 < AGE_BINS.length; k++) {
    const above = k === 0 ? age >= AGE_BINS[k] : age > AGE_BINS[k];
    if (above && age <= AGE_BINS[k + 1]) return AGE_LABELS[k];
  }
  return null;
}
