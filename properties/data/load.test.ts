import { describe, expect, test } from "vitest";
import { loadBankCsv } from "../../src/data/index.js";
import { bankRow, KAGGLE_HEADER, smallCsv, writeTemp } from "../support/bank-csv.js";
import { expectSameTable } from "./same-table.js";

describe("file layouts", () => {
  test("a BOM and CRLF line ends are tolerated and reported in the audit", async () => {
    const plain = smallCsv();
    const [a, b] = await Promise.all([
      loadBankCsv(writeTemp(plain)),
      loadBankCsv(writeTemp(`\ufeff${plain.replace(/\n/g, "\r\n")}`)),
    ]);
    expectSameTable(a.table, b.table);
    expect(b.audit.format).toMatchObject({ bom: true, lineEnding: "CRLF", variant: "kaggle" });
    expect(b.audit.header).toEqual(KAGGLE_HEADER);
  });

  test("extra columns are ignored and listed; columns may come in any order", async () => {
    const header = ["id", ...[...KAGGLE_HEADER].reverse(), "note"];
    const row = (deposit: string) => ["7", ...bankRow({ deposit }).reverse(), "x"].join(",");
    const path = writeTemp([header.join(","), row("yes"), row("no")].join("\n"));
    const { table, audit } = await loadBankCsv(path);
    const reference = await loadBankCsv(writeTemp(smallCsv()));
    expectSameTable(reference.table, table);
    expect(audit.extraColumns).toEqual(["id", "note"]);
  });

  test("with both label columns, deposit is the label and y an extra column", async () => {
    const lines = smallCsv().trimEnd().split("\n");
    const path = writeTemp([`${lines[0]},y`, `${lines[1]},no`, `${lines[2]},yes`].join("\n"));
    const { table, audit } = await loadBankCsv(path);
    expect(Array.from(table.label)).toEqual([1, 0]);
    expect(audit.extraColumns).toEqual(["y"]);
  });

  test("blank lines are skipped, as pandas skips them, and counted in the audit", async () => {
    const lines = smallCsv().split("\n");
    const path = writeTemp([lines[0], "", lines[1], "", "", lines[2], ""].join("\n"));
    const { table, audit } = await loadBankCsv(path);
    expect(table.rows).toBe(2);
    expect(audit.emptyLines).toBe(3);
    expect(Array.from(table.lines)).toEqual([3, 6]);
  });

  test("the audit counts levels, labels and age bins over the rows used", async () => {
    const rows = [
      bankRow({ age: "18", job: "student" }),
      bankRow({ age: "25", job: "admin.", deposit: "no" }),
      bankRow({ age: "101", job: "student", housing: "no" }),
      bankRow({ age: "26", job: "admin." }),
    ];
    const { audit } = await loadBankCsv(writeTemp(smallCsv(rows)));
    expect(audit.levels.job).toEqual([
      { level: "admin.", count: 2 },
      { level: "student", count: 2 },
    ]);
    expect(audit.levels.housing).toEqual([
      { level: "no", count: 1 },
      { level: "yes", count: 3 },
    ]);
    expect(audit.label).toEqual({ column: "deposit", yes: 3, no: 1, yesShare: 0.75 });
    expect(audit.ageGroups.counts.slice(0, 2)).toEqual([
      { level: "18–24", count: 1 },
      { level: "25–34", count: 1 },
    ]);
    expect(audit.ageGroups.unbinned).toBe(2);
    expect(audit.ageGroups.unbinnedAges).toEqual([
      { level: "18", count: 1 },
      { level: "101", count: 1 },
    ]);
    expect(audit.numeric.age).toEqual({ min: 18, max: 101, mean: 42.5 });
  });
});
