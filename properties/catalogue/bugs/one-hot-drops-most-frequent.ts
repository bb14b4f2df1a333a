import type { OneHot } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { compareCodePoints } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "oneHot drops the most frequent level instead of the first one in sorted order",
  step: 5,
  overrides: "oneHot",
};

/** pd.get_dummies(values, drop_first=True) — BUG: the baseline is the most frequent level. */
export function oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot {
  let chosen: string[];
  if (levels) chosen = [...levels];
  else {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    const sorted = [...counts.keys()].sort(compareCodePoints);
    const top = sorted.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a));
    chosen = [top, ...sorted.filter((level) => level !== top)];
  }
  const indexOf = new Map(chosen.map((level, k) => [level, k]));
  const columns = chosen.slice(1).map(() => new Float64Array(values.length));
  values.forEach((value, i) => {
    const k = value === null ? undefined : indexOf.get(value);
    if (k !== undefined && k > 0) columns[k - 1][i] = 1;
  });
  return { levels: chosen, columns };
}
