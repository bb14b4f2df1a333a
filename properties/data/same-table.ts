/** What the data tests share: the UCI layout of a Kaggle file, and comparing two tables. */
import { expect } from "vitest";
import type { BankTable } from "../../src/data/index.js";

/** The same records in the layout of the UCI files: `;`, every string quoted, label `y`. */
export function toUci(kaggleText: string, lineEnd = "\n"): string {
  const lines = kaggleText.trimEnd().split(/\r?\n/);
  const quote = (field: string) => (/^-?\d+(\.\d+)?$/.test(field) ? field : `"${field}"`);
  const header = lines[0].split(",").map((name) => (name === "deposit" ? "y" : name));
  const rows = lines.slice(1).map((line) => line.split(",").map(quote).join(";"));
  return [header.map((name) => `"${name}"`).join(";"), ...rows].join(lineEnd) + lineEnd;
}

/** The two tables hold the same rows, values and labels. */
export function expectSameTable(a: BankTable, b: BankTable) {
  expect(b.rows).toBe(a.rows);
  expect(b.numeric).toEqual(a.numeric);
  expect(b.yesNo).toEqual(a.yesNo);
  expect(b.categorical).toEqual(a.categorical);
  expect(b.label).toEqual(a.label);
}
