import fc from "fast-check";
import { expect, test } from "vitest";
import { loadBankCsv } from "../../src/data/index.js";
import { CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, YES_NO_COLUMNS } from "../../src/data/schema.js";
import { layout, rows, writeCsv } from "./arbitraries.js";
import { runs, writeTemp } from "../support/bank-csv.js";

test("arbitrary valid rows written as CSV, in any layout, load back to the same values", async () => {
  await fc.assert(
    fc.asyncProperty(rows(), layout, async (data, format) => {
      const { table, audit } = await loadBankCsv(writeTemp(writeCsv(data, format)));
      expect(table.rows).toBe(data.length);
      expect(audit.format).toMatchObject({ delimiter: format.delimiter, bom: format.bom });
      for (const name of NUMERIC_COLUMNS) {
        expect(Array.from(table.numeric[name])).toEqual(data.map((r) => r[name]));
      }
      for (const name of YES_NO_COLUMNS) {
        expect(Array.from(table.yesNo[name])).toEqual(data.map((r) => (r[name] === "yes" ? 1 : 0)));
      }
      for (const name of CATEGORICAL_COLUMNS) {
        const { codes, levels } = table.categorical[name];
        expect(Array.from(codes, (code) => levels[code])).toEqual(data.map((r) => r[name]));
      }
      expect(Array.from(table.label)).toEqual(data.map((r) => (r.label === "yes" ? 1 : 0)));
    }),
    { numRuns: runs },
  );
}, 120_000);
