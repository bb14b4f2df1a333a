import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { FIXTURE_PATH, fitFeatures, loadBankCsv } from "../../src/data/index.js";
import { hasRealData, REAL_DATA, realDataNote, writeTemp } from "../support/bank-csv.js";
import { expectSameTable, toUci } from "./same-table.js";

/**
 * Whole data files, loaded whole: the real Kaggle file (11,162 rows) and the fixture, each read in
 * two layouts. Each test takes 1–2 s on a quiet machine, so they run with the integration tests,
 * under their time bound (vitest.config.ts).
 */

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

describe("the real Kaggle bank.csv", () => {
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

describe("the fixture", () => {
  test("the UCI layout (;, quoted strings, label y) reads the same values as the Kaggle layout", async () => {
    const text = readFileSync(FIXTURE_PATH, "utf8");
    const [a, b] = await Promise.all([
      loadBankCsv(FIXTURE_PATH),
      loadBankCsv(writeTemp(toUci(text))),
    ]);
    expectSameTable(a.table, b.table);
    expect(b.audit.format).toMatchObject({ variant: "uci", delimiter: ";", labelColumn: "y" });
  });
});
