import { describe, expect, test } from "vitest";
import type { ArticleImplementation } from "../../src/contract.js";
import * as reference from "../../src/reference/index.js";
import { loadCatalogue, loadUnseen } from "../../src/catalogue/load.js";

/**
 * The catalogue's modules are what `npm run catalogue` runs the property suite against. Each must
 * be a whole implementation of the contract that differs from the reference in exactly the one
 * function it names, so that a kill is the property suite's doing, not a missing export's.
 */
const referenceExports = Object.keys(reference) as (keyof ArticleImplementation)[];
const catalogue = await loadCatalogue();
const unseen = await loadUnseen();

test("the catalogue holds at least 15 mistakes, the unseen list at least 20", () => {
  expect(catalogue.length).toBeGreaterThanOrEqual(15);
  expect(unseen.length).toBeGreaterThanOrEqual(20);
});

test("the unseen list and the catalogue share no file name", () => {
  const names = new Set(catalogue.map((entry) => entry.name));
  expect(unseen.filter((entry) => names.has(entry.name)).map((entry) => entry.name)).toEqual([]);
});

describe.each([
  ...catalogue.map((entry) => ({ ...entry, name: `bugs/${entry.name}` })),
  ...unseen.map((entry) => ({ ...entry, name: `unseen/${entry.name}` })),
])("$name", ({ bug, module }) => {
  test("describes its mistake in one line and names an article step", () => {
    expect(bug.description).toMatch(/^\S[^\n]*$/);
    expect([1, 2, 3, 4, 5, 6, 9]).toContain(bug.step);
  });

  test("overrides the one function it names and re-exports the reference's others", () => {
    const overridden = referenceExports.filter((name) => module[name] !== reference[name]);
    expect(overridden).toEqual([bug.overrides]);
    expect(typeof module[bug.overrides]).toBe("function");
  });
});
