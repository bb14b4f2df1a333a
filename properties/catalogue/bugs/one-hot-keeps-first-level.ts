import type { OneHot } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { compareCodePoints } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "oneHot forgets drop_first=True and keeps a column for the first level too",
  step: 5,
  overrides: "oneHot",
};

/** pd.get_dummies(values, drop_first=True) — BUG: one column per level, the first included. */
export function oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot {
  const chosen = levels
    ? [...levels]
    : [...new Set(values.filter((v): v is string => v !== null))].sort(compareCodePoints);
  const columns = chosen.map((level) => Float64Array.from(values, (v) => (v === level ? 1 : 0)));
  return { levels: chosen, columns };
}
