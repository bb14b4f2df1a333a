import { expect, test } from "vitest";
import { DataError, loadBankCsv, MAX_LEVELS } from "../../src/data/index.js";
import { bankRow, smallCsv, writeTemp } from "../support/bank-csv.js";

/*
 * Issue #23, class 2: a string column of thousands of levels would become thousands of one-hot
 * features (a 4,000-level job column: 4,039 features, a Hessian of 130 MB per Newton step). The
 * loader refuses the file at the first level past MAX_LEVELS, before any feature is built.
 */

test(`a column of more than ${MAX_LEVELS} levels is refused, naming it, its count and its first levels`, async () => {
  const rows = Array.from({ length: 4000 }, (_, k) =>
    bankRow({ job: `job${k}`, deposit: k % 2 ? "yes" : "no" }),
  );
  const path = writeTemp(smallCsv(rows));
  const error = (await loadBankCsv(path).catch((e: unknown) => e)) as DataError;
  expect(error).toBeInstanceOf(DataError);
  expect(error.kind).toBe("too-many-levels");
  expect(error.message.slice(path.length + 2).split("\n")).toEqual([
    `column job has at least ${MAX_LEVELS + 1} levels (level ${MAX_LEVELS + 1}, "job${MAX_LEVELS}", is on line ${MAX_LEVELS + 2}); at most ${MAX_LEVELS} are allowed, as each level after the first becomes one feature (the article's bank.csv has at most 12, in job)`,
    `First levels of job: ${Array.from({ length: 10 }, (_, k) => `"job${k}"`).join(", ")}, …`,
  ]);
});

test(`exactly ${MAX_LEVELS} levels load; a lower maxLevels refuses them`, async () => {
  const rows = Array.from({ length: MAX_LEVELS }, (_, k) =>
    bankRow({ month: `m${k}`, deposit: k % 2 ? "yes" : "no" }),
  );
  const path = writeTemp(smallCsv(rows));
  const { table } = await loadBankCsv(path);
  expect(table.categorical.month.levels).toHaveLength(MAX_LEVELS);
  const error = (await loadBankCsv(path, { limits: { maxLevels: 3 } }).catch(
    (e: unknown) => e,
  )) as DataError;
  expect(error.kind).toBe("too-many-levels");
  expect(error.message).toContain("column month has at least 4 levels");
});

test("levels of invalid rows are not counted (they are not used)", async () => {
  const rows = [
    ...Array.from({ length: 10 }, (_, k) => bankRow({ job: `j${k}`, age: "x" })),
    bankRow(),
    bankRow({ deposit: "no" }),
  ];
  const { audit } = await loadBankCsv(writeTemp(smallCsv(rows)), {
    dropInvalidRows: true,
    limits: { maxLevels: 2 },
  });
  expect(audit.rowsDropped).toBe(10);
});
