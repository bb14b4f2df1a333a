import { AGE_BINS, AGE_LABELS } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    'the last bin written (65, 100), open on the right: an age of exactly 100 falls in no bin instead of "65+"',
  step: 5,
  overrides: "ageGroup",
};

/** pd.cut(age, bins, right=True) — BUG: the last bin excludes 100. */
export function ageGroup(age: number): string | null {
  for (let k = 0; k + 1 < AGE_BINS.length; k++) {
    const last = k + 2 === AGE_BINS.length;
    if (age > AGE_BINS[k] && (last ? age < AGE_BINS[k + 1] : age <= AGE_BINS[k + 1]))
      return AGE_LABELS[k];
  }
  return null;
}
