import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { FIXTURE_PATH, fitFeatures, loadBankCsv } from "../../src/data/index.js";
import type { BankTable } from "../../src/data/index.js";
import {
  bankRow,
  hasRealData,
  KAGGLE_HEADER,
  REAL_DATA,
  realDataNote,
  smallCsv,
  writeTemp,
} from "../support/bank-csv.js";

/**
 * The time bound of a test that loads the real file or the fixture (a few thousand rows) once or
 * twice: each load takes 0.1–0.2 s of CPU; 30 s leaves room for a machine loaded many times over
 * (the default 5 s was exceeded at a load average of 16 on 2 cores).
 */
const LOADS_TIMEOUT_MS = 30_000;

/** The same records in the layout of the UCI files: `;`, every string quoted, label `y`. */
function toUci(kaggleText: string, lineEnd = "\n"): string {
  const lines = kaggleText.trimEnd().split(/\r?\n/);
  const quote = (field: string) => (/^-?\d+(\.\d+)?$/.test(field) ? field : `"${field}"`);
  const header = lines[0].split(",").map((name) => (name === "deposit" ? "y" : name));
  const rows = lines.slice(1).map((line) => line.split(",").map(quote).join(";"));
  return [header.map((name) => `"${name}"`).join(";"), ...rows].join(lineEnd) + lineEnd;
}

function expectSameTable(a: BankTable, b: BankTable) {
  expect(b.rows).toBe(a.rows);
  expect(b.numeric).toEqual(a.numeric);
  expect(b.yesNo).toEqual(a.yesNo);
  expect(b.categorical).toEqual(a.categorical);
  expect(b.label).toEqual(a.label);
}

const ARTICLE_FEATURES_ON_BANK_CSV = [
  "balance", "duration", "campaign", "pdays", "previous",
  "default_flag", "housing_flag", "loan_flag",
  "age_group_25–34", "age_group_35–44", "age_group_45–54", "age_group_55–64", "age_group_65+",
  "marital_married", "marital_single",
  "education_secondary", "education_tertiary", "education_unknown",
  "poutcome_other", "poutcome_success", "poutcome_unknown",
  "job_blue-collar", "job_entrepreneur", "job_housemaid", "job_management", "job_retired",
  "job_self-employed", "job_services", "job_student", "job_technician", "job_unemployed",
  "job_unknown",
  "contact_telephone", "contact_unknown",
  "month_aug", "month_dec", "month_feb", "month_jan", "month_jul", "month_jun", "month_mar",
  "month_may", "month_nov", "month_oct", "month_sep",
]; // prettier-ignore

describe("the real Kaggle bank.csv", { timeout: LOADS_TIMEOUT_MS }, () => {
  test.skipIf(!hasRealData)(
    `has 11,162 rows, 5,289 yes / 5,873 no, 8 ages of 18 in no bin, and its SHA-256 in the audit${realDataNote}`,
    async () => {
      const { table, audit } = await loadBankCsv(REAL_DATA);
      const sha256 = createHash("sha256").update(readFileSync(REAL_DATA)).digest("hex");
      expect(table.rows).toBe(11162);
      expect(audit).toMatchObject({
        sha256,
        rowsRead: 11162,
        rowsUsed: 11162,
        rowsDropped: 0,
        emptyLines: 0,
        extraColumns: [],
        format: { variant: "kaggle", delimiter: ",", labelColumn: "deposit", bom: false },
        label: { column: "deposit", yes: 5289, no: 5873 },
      });
      expect(audit.ageGroups.unbinned).toBe(8);
      expect(audit.ageGroups.unbinnedAges).toEqual([{ level: "18", count: 8 }]);
    },
  );

  test.skipIf(!hasRealData)(
    `gives the article's 45 features, in pandas' column order${realDataNote}`,
    async () => {
      const { table } = await loadBankCsv(REAL_DATA);
      expect(fitFeatures(table).featureNames).toEqual(ARTICLE_FEATURES_ON_BANK_CSV);
    },
  );

  test.skipIf(!hasRealData)(
    `reads the same table from its UCI layout (;, quoted, label y, BOM, CRLF)${realDataNote}`,
    async () => {
      const kaggle = readFileSync(REAL_DATA, "utf8");
      const uci = writeTemp(`\ufeff${toUci(kaggle, "\r\n")}`);
      const [a, b] = await Promise.all([loadBankCsv(REAL_DATA), loadBankCsv(uci)]);
      expectSameTable(a.table, b.table);
      expect(b.audit.format).toEqual({
        variant: "uci",
        delimiter: ";",
        labelColumn: "y",
        bom: true,
        lineEnding: "CRLF",
      });
      expect(b.audit.sha256).not.toBe(a.audit.sha256);
    },
  );
});

describe("file layouts", { timeout: LOADS_TIMEOUT_MS }, () => {
  test("the UCI layout (;, quoted strings, label y) reads the same values as the Kaggle layout", async () => {
    const text = readFileSync(FIXTURE_PATH, "utf8");
    const [a, b] = await Promise.all([
      loadBankCsv(FIXTURE_PATH),
      loadBankCsv(writeTemp(toUci(text))),
    ]);
    expectSameTable(a.table, b.table);
    expect(b.audit.format).toMatchObject({ variant: "uci", delimiter: ";", labelColumn: "y" });
  });

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
