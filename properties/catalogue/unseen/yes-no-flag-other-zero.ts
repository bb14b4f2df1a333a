import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    'yes/no as a boolean test: 1 for "yes", 0 for everything else (an unknown answer becomes "no", not NaN)',
  step: 5,
  overrides: "yesNoFlag",
};

/** 1 for yes, 0 for no — BUG: 0 for anything that is not "yes". */
export function yesNoFlag(value: string): number {
  return value === "yes" ? 1 : 0;
}
