import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  FIXTURE_COEFFICIENTS,
  FIXTURE_PATH,
  FIXTURE_ROWS,
  FIXTURE_SHA256,
  fitFeatures,
  fixtureCoefficientsFor,
  fixtureCsvChunks,
  loadBankCsv,
  selectRows,
} from "../../src/data/index.js";
import { fixtureLogit } from "../../src/data/fixture.js";
import { hasRealData, REAL_DATA, realDataNote } from "../support/bank-csv.js";

/** Loaded once for the whole file. */
const fixture = loadBankCsv(FIXTURE_PATH);

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe("the fixture, a synthetic twin of bank.csv", () => {
  test("regenerating it reproduces the committed file byte for byte", () => {
    const generated = [...fixtureCsvChunks()].join("");
    expect(sha256(generated)).toBe(FIXTURE_SHA256);
    expect(sha256(readFileSync(FIXTURE_PATH))).toBe(FIXTURE_SHA256);
  });

  test("it loads cleanly: Kaggle layout, both classes, a few ages of 18 in no bin", async () => {
    const { audit } = await fixture;
    expect(audit).toMatchObject({ rowsRead: FIXTURE_ROWS, rowsUsed: FIXTURE_ROWS, rowsDropped: 0 });
    expect(audit.format.variant).toBe("kaggle");
    const ages = readFileSync(FIXTURE_PATH, "utf8")
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => Number(l.split(",")[0]));
    expect(audit.ageGroups.unbinned).toBe(ages.filter((a) => a <= 18 || a > 100).length);
    expect(audit.ageGroups.unbinned).toBeGreaterThan(0);
  });

  test.skipIf(!hasRealData)(
    `it has the real file's columns, in order, and every category level of it${realDataNote}`,
    async () => {
      const [real, twin] = await Promise.all([loadBankCsv(REAL_DATA), fixture]);
      expect(twin.audit.header).toEqual(real.audit.header);
      const levels = (audit: typeof real.audit) =>
        Object.fromEntries(
          Object.entries(audit.levels).map(([c, counts]) => [c, counts.map((l) => l.level)]),
        );
      expect(levels(twin.audit)).toEqual(levels(real.audit));
      expect(fitFeatures(twin.table).featureNames).toEqual(fitFeatures(real.table).featureNames);
    },
  );

  test("its labels follow the documented model: observed rate matches σ(z) in every decile of z", async () => {
    const { table } = await fixture;
    const fitted = fitFeatures(table);
    const { X, y } = fitted.transform(table);
    const { w, b } = fixtureCoefficientsFor(fitted);
    const z = Array.from({ length: X.rows }, (_, i) => {
      let zi = b;
      for (let j = 0; j < X.cols; j++) zi += w[j] * X.data[i * X.cols + j];
      return zi;
    });
    const order = z.map((_, i) => i).sort((i, k) => z[i] - z[k]);
    for (let d = 0; d < 10; d++) {
      const rows = order.slice(Math.floor((d * X.rows) / 10), Math.floor(((d + 1) * X.rows) / 10));
      const expected = rows.reduce((s, i) => s + sigmoid(z[i]), 0);
      const variance = rows.reduce((s, i) => s + sigmoid(z[i]) * (1 - sigmoid(z[i])), 0);
      const observed = rows.reduce((s, i) => s + y[i], 0);
      // Binomial noise: |observed − expected| ≤ 4 standard deviations (a false alarm ~1e-4 per decile).
      expect(Math.abs(observed - expected)).toBeLessThanOrEqual(4 * Math.sqrt(variance));
    }
  });

  test("fixtureCoefficientsFor gives the generator's logits on standardized rows (to rounding)", async () => {
    const { table } = await fixture;
    const fitted = fitFeatures(table);
    const { X } = fitted.transform(table);
    const { w, b } = fixtureCoefficientsFor(fitted);
    const lines = readFileSync(FIXTURE_PATH, "utf8").split("\n");
    const header = lines[0].split(",");
    for (const i of [0, 1, 2, 500, 11161]) {
      const fields = lines[i + 1].split(",");
      const row = Object.fromEntries(header.map((name, j) => [name, fields[j]]));
      let z = b;
      for (let j = 0; j < X.cols; j++) z += w[j] * X.data[i * X.cols + j];
      // Each of ~45 terms carries a few ulps of its magnitude (|wⱼ xⱼ| ≲ 50): 1e-11 is ~100× that.
      expect(Math.abs(z - fixtureLogit(row))).toBeLessThan(1e-11);
    }
    expect(
      Object.keys(FIXTURE_COEFFICIENTS.weights).every((n) => fitted.featureNames.includes(n)),
    ).toBe(true);
  });

  test("fixtureCoefficientsFor refuses a transform fitted on rows without some fixture level", async () => {
    const { table } = await fixture;
    const students = Array.from(table.categorical.job.codes.keys()).filter(
      (i) => table.categorical.job.levels[table.categorical.job.codes[i]] !== "admin.",
    );
    const fitted = fitFeatures(selectRows(table, students));
    expect(() => fixtureCoefficientsFor(fitted)).toThrow(
      "fixtureCoefficientsFor: the transform's levels of job are not the fixture's",
    );
  });
});
