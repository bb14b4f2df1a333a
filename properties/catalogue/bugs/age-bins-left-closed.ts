import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { AGE_BINS, AGE_LABELS } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the age bins are left-closed, pd.cut(right=False): 25 lands in 25–34 and 18 in 18–24",
  step: 5,
  overrides: "ageGroup",
};

/** pd.cut(age, bins, labels) — BUG: [lo, hi) instead of (lo, hi]. */
export function ageGroup(age: number): string | null {
  for (let k = 0; k + 1 < AGE_BINS.length; k++) {
    if (age >= AGE_BINS[k] && age < AGE_BINS[k + 1]) return AGE_LABELS[k];
  }
  return null;
}
