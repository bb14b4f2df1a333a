import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    'yes/no read forgivingly: trimmed and lower-cased first, so " Yes" is 1 — pandas\' .map matches the key exactly and gives NaN',
  step: 5,
  overrides: "yesNoFlag",
};

/** 1 for yes, 0 for no, NaN otherwise — BUG: after trim() and toLowerCase(). */
export function yesNoFlag(value: string): number {
  const v = value.trim().toLowerCase();
  return v === "yes" ? 1 : v === "no" ? 0 : NaN;
}
