import type { OneHot } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "oneHot sorts the levels with JavaScript's default sort (UTF-16 units), not by code point as Python",
  step: 5,
  overrides: "oneHot",
};

/** pd.get_dummies(values, drop_first=True) — BUG: `.sort()` orders 😀 before U+FFFF. */
export function oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot {
  const chosen = levels
    ? [...levels]
    : [...new Set(values.filter((v): v is string => v !== null))].sort();
  const indexOf = new Map(chosen.map((level, k) => [level, k]));
  const columns = chosen.slice(1).map(() => new Float64Array(values.length));
  values.forEach((value, i) => {
    const k = value === null ? undefined : indexOf.get(value);
    if (k !== undefined && k > 0) columns[k - 1][i] = 1;
  });
  return { levels: chosen, columns };
}
