import { expect, test } from "vitest";
import { compareCodePoints, yesNoFlag } from "../../src/reference/5-features.js";

/**
 * The reference's step-5 helpers where the model properties do not reach: `oneHot` sorts distinct
 * levels, so compareCodePoints never meets equal strings or one string a prefix of another there,
 * and the model properties only feed yesNoFlag "yes" and "no".
 */
test("compareCodePoints orders a prefix first, equal strings as 0, and decides on the first differing code point", () => {
  expect(compareCodePoints("", "")).toBe(0);
  expect(compareCodePoints("ab", "ab")).toBe(0);
  expect(compareCodePoints("a", "ab")).toBe(-1);
  expect(compareCodePoints("ab", "a")).toBe(1);
  expect(compareCodePoints("", "a")).toBe(-1);
  expect(compareCodePoints("ab", "ac")).toBeLessThan(0);
  expect(compareCodePoints("ac", "ab")).toBeGreaterThan(0);
  // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF21, as in Python.
  expect(compareCodePoints("x\u{1F600}", "x\uFF21")).toBeGreaterThan(0);
});

test("yesNoFlag maps anything but “yes” and “no” to NaN, as pandas' map does for a missing key", () => {
  expect(yesNoFlag("yes")).toBe(1);
  expect(yesNoFlag("no")).toBe(0);
  for (const value of ["unknown", "", "No", "YES"]) expect(yesNoFlag(value)).toBeNaN();
});
