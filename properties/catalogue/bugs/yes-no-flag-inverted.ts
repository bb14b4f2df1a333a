import type { CatalogueBug } from "../../../src/catalogue/bug.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "yesNoFlag maps yes to 0 and no to 1",
  step: 5,
  overrides: "yesNoFlag",
};

/** df[col].map({'yes': 1, 'no': 0}) — BUG: the other way round. */
export function yesNoFlag(value: string): number {
  if (value === "yes") return 0;
  if (value === "no") return 1;
  return NaN;
}
