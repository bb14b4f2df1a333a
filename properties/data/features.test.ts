import { describe, expect, test } from "vitest";
import { fitFeatures, loadBankCsv, selectRows } from "../../src/data/index.js";
import type { BankTable } from "../../src/data/index.js";
import { ageBin } from "../../src/data/age-group.js";
import { encodeFeatures } from "../../src/data/encode.js";
import type { DummyLevels } from "../../src/data/encode.js";
import { matrixToRows } from "../../src/matrix.js";
import { bankRow, smallCsv, writeTemp } from "../support/bank-csv.js";
import { AGE_BINS, AGE_LABELS } from "../../src/reference/index.js";

async function table(rows: Record<string, string>[]): Promise<BankTable> {
  return (await loadBankCsv(writeTemp(smallCsv(rows.map((r) => bankRow(r)))))).table;
}

/** The raw (unstandardized) features of each row, by name. */
function rawFeatures(t: BankTable, fitted = fitFeatures(t)) {
  const { X } = encodeFeatures(t, fitted.levels as unknown as DummyLevels);
  return matrixToRows(X).map((row) =>
    Object.fromEntries(fitted.featureNames.map((n, j) => [n, row[j]])),
  );
}

describe("age_group = pd.cut(age, bins=[18,25,35,45,55,65,100]) — right-closed", () => {
  test.each([
    [18, -1],
    [18.5, 0],
    [19, 0],
    [25, 0],
    [25.5, 1],
    [26, 1],
    [35, 1],
    [36, 2],
    [65, 4],
    [66, 5],
    [100, 5],
    [100.5, -1],
    [101, -1],
    [0, -1],
    [-5, -1],
  ])("age %d falls in bin %d (-1: no bin)", (age, bin) => {
    expect(ageBin(age)).toBe(bin);
    if (bin >= 0) expect(age > AGE_BINS[bin] && age <= AGE_BINS[bin + 1]).toBe(true);
  });

  test("rows in no bin (age 18, age 101) get all age dummies 0, like the baseline bin", async () => {
    const t = await table([
      { age: "18" },
      { age: "25", deposit: "no" },
      { age: "101" },
      { age: "26" },
    ]);
    const ageDummies = rawFeatures(t).map((row) =>
      AGE_LABELS.slice(1).map((label) => row[`age_group_${label}`]),
    );
    expect(ageDummies).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
    ]);
  });
});

describe("the article's columns", () => {
  test("numeric columns in file order, then the flags, then the dummies; age and day dropped", async () => {
    const t = await table([
      { job: "student", marital: "single", month: "mar", contact: "unknown" },
      { job: "admin.", marital: "married", month: "may", deposit: "no" },
    ]);
    const fitted = fitFeatures(t);
    expect(fitted.featureNames).toEqual([
      "balance", "duration", "campaign", "pdays", "previous",
      "default_flag", "housing_flag", "loan_flag",
      "age_group_25–34", "age_group_35–44", "age_group_45–54", "age_group_55–64", "age_group_65+",
      "marital_single", "job_student", "contact_unknown", "month_may",
    ]); // prettier-ignore
    expect(fitted.levels).toEqual({
      age_group: [...AGE_LABELS],
      marital: ["married", "single"],
      education: ["secondary"],
      poutcome: ["unknown"],
      job: ["admin.", "student"],
      contact: ["cellular", "unknown"],
      month: ["mar", "may"],
    });
    expect(fitted.derivations.map((d) => d.name)).toEqual(fitted.featureNames);
    expect(fitted.derivations.find((d) => d.name === "month_may")).toEqual({
      name: "month_may",
      source: "month",
      kind: "one-hot",
      description: '1 if month is "may", else 0 (baseline "mar" dropped)',
    });
  });

  test("yes/no become 1/0 and numbers pass through unchanged before standardization", async () => {
    const t = await table([
      { default: "yes", housing: "no", loan: "yes", balance: "-7.5", pdays: "-1", previous: "3" },
      { deposit: "no" },
    ]);
    expect(rawFeatures(t)[0]).toMatchObject({
      balance: -7.5,
      duration: 1389,
      campaign: 1,
      pdays: -1,
      previous: 3,
      default_flag: 1,
      housing_flag: 0,
      loan_flag: 1,
    });
    expect(Array.from(t.label)).toEqual([1, 0]);
  });

  test("levels sort by code point, as Python sorts str (not by UTF-16 code unit)", async () => {
    const t = await table([{ job: "\u{1F600}" }, { job: "\uFF21", deposit: "no" }, { job: "Z" }]);
    expect(fitFeatures(t).levels.job).toEqual(["Z", "\uFF21", "\u{1F600}"]);
  });

  test("levels come from the rows fitted on: a level without rows is not a column", async () => {
    const t = await table([
      { job: "student" },
      { job: "admin.", deposit: "no" },
      { job: "retired" },
    ]);
    const subset = selectRows(t, [0, 1]);
    expect(subset.categorical.job.levels).toEqual(["student", "admin.", "retired"]);
    expect(fitFeatures(subset).levels.job).toEqual(["admin.", "student"]);
  });
});

describe("StandardScaler and the fitted transform on new rows", () => {
  test("(x − mean) / population std, and a constant column is centered with scale 1", async () => {
    const t = await table([{ balance: "0" }, { balance: "10", deposit: "no" }]);
    const fitted = fitFeatures(t);
    const { X, y } = fitted.transform(t);
    const column = (name: string) => fitted.featureNames.indexOf(name);
    expect(fitted.means[column("balance")]).toBe(5);
    expect(fitted.scales[column("balance")]).toBe(5);
    expect(matrixToRows(X).map((row) => row[column("balance")])).toEqual([-1, 1]);
    expect(fitted.scales[column("duration")]).toBe(1);
    expect(matrixToRows(X).map((row) => row[column("duration")])).toEqual([0, 0]);
    expect(Array.from(y)).toEqual([1, 0]);
  });

  test("a level unseen in fitting encodes as all zeros (raw) and is counted per column", async () => {
    const t = await table([{ job: "student" }, { job: "admin.", deposit: "no" }]);
    const fitted = fitFeatures(t);
    const fresh = await table([{ job: "pilot" }, { job: "student", month: "dec", deposit: "no" }]);
    const { X, unseenLevels } = fitted.transform(fresh);
    expect(unseenLevels).toEqual({
      marital: 0,
      education: 0,
      poutcome: 0,
      job: 1,
      contact: 0,
      month: 1,
    });
    const j = fitted.featureNames.indexOf("job_student");
    const zero = (0 - fitted.means[j]) / fitted.scales[j];
    const one = (1 - fitted.means[j]) / fitted.scales[j];
    expect(matrixToRows(X).map((row) => row[j])).toEqual([zero, one]);
    expect(X.cols).toBe(fitted.featureNames.length);
  });

  test("the fitted transform serializes to plain JSON arrays", async () => {
    const fitted = fitFeatures(await table([{ balance: "1" }, { balance: "3", deposit: "no" }]));
    const json = JSON.parse(JSON.stringify(fitted));
    expect(json.means).toEqual(Array.from(fitted.means));
    expect(json.scales).toEqual(Array.from(fitted.scales));
    expect(json.featureNames).toEqual(fitted.featureNames);
  });
});
