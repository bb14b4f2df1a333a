import type { OneHot } from "../../../src/contract.js";
import { compareCodePoints } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the levels collected with a truthiness test (values.filter(v => v)): the empty string, a level like any other, is dropped with the nulls",
  step: 5,
  overrides: "oneHot",
};

/** pd.get_dummies(values, drop_first=True) — BUG: "" is not a level. */
export function oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot {
  const chosen = levels
    ? [...levels]
    : [...new Set(values.filter((v): v is string => Boolean(v)))].sort(compareCodePoints);
  const columns = chosen.slice(1).map(() => new Float64Array(values.length));
  values.forEach((value, i) => {
    const k = value ? chosen.indexOf(value) : -1;
    if (k > 0) columns[k - 1][i] = 1;
  });
  return { levels: chosen as string[], columns };
}
