import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ageBin } from "../../src/data/age-group.js";
import { fitFeatures, loadBankCsv } from "../../src/data/index.js";
import { AGE_LABELS, fitScaler, transformScaler } from "../../src/reference/index.js";
import { CATEGORICAL_COLUMNS, REQUIRED_COLUMNS } from "../../src/data/schema.js";
import { amount, rows, writeCsv } from "./arbitraries.js";
import type { Layout, Row } from "./arbitraries.js";
import { runs, writeTemp } from "../support/bank-csv.js";
import { standardizedMoments } from "./tolerance.js";

/** Few levels, so that levels repeat, some are unseen in fitting, and groups can be constant. */
const fewLevels = fc.constantFrom("a", "b", "c", "d");
const kaggle: Layout = {
  delimiter: ",",
  labelColumn: "deposit",
  bom: false,
  lineEnd: "\n",
  quoteAll: false,
  columns: [...REQUIRED_COLUMNS, "label"],
};

async function load(data: Row[]) {
  return (await loadBankCsv(writeTemp(writeCsv(data, kaggle)))).table;
}

describe("the fitted transform", () => {
  test("each row's one-hot block has at most one 1 per group, where its level says", async () => {
    await fc.assert(
      fc.asyncProperty(rows(fewLevels), rows(fewLevels), async (fitRows, newRows) => {
        const fitted = fitFeatures(await load(fitRows));
        const { X } = fitted.transform(await load(newRows));
        const value = (i: number, j: number) => X.data[i * X.cols + j];
        const isOne = (i: number, j: number) =>
          value(i, j) === (1 - fitted.means[j]) / fitted.scales[j];
        for (const [group, source] of [
          ["age_group", "age"],
          ...CATEGORICAL_COLUMNS.map((c) => [c, c]),
        ]) {
          const levels = fitted.levels[group];
          const columns = levels
            .slice(1)
            .map((level) => fitted.featureNames.indexOf(`${group}_${level}`));
          newRows.forEach((r, i) => {
            const ones = columns.filter((j) => isOne(i, j));
            expect(ones.length).toBeLessThanOrEqual(1);
            const level =
              group === "age_group" ? AGE_LABELS[ageBin(Number(r.age))] : String(r[source]);
            const k = levels.indexOf(level);
            expect(ones).toEqual(k > 0 ? [columns[k - 1]] : []);
            for (const j of columns) {
              if (!ones.includes(j))
                expect(value(i, j)).toBe((0 - fitted.means[j]) / fitted.scales[j]);
            }
          });
        }
      }),
      { numRuns: runs },
    );
  }, 120_000);

  test("standardized columns have mean ≈ 0 and population std ≈ 1, or 0 for a constant column", async () => {
    await fc.assert(
      fc.asyncProperty(rows(fewLevels, amount), async (data) => {
        const table = await load(data);
        const fitted = fitFeatures(table);
        const { X } = fitted.transform(table);
        for (let j = 0; j < X.cols; j++) {
          const z = Float64Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols + j]);
          const m = standardizedMoments(z, fitted.means[j], fitted.scales[j]);
          expect(Math.abs(m.zMean)).toBeLessThanOrEqual(m.meanTolerance);
          const constant = z.every((v) => v === z[0]);
          expect(Math.abs(m.zStd - (constant ? 0 : 1))).toBeLessThanOrEqual(m.stdTolerance);
          if (constant) expect(fitted.scales[j]).toBe(1);
        }
      }),
      { numRuns: runs },
    );
  }, 120_000);
});

/** A column of m values: constant, or spread 10^e·(c + u) with u ∈ [−1, 1] not all equal. */
function column(m: number) {
  const constant = fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((v) => Array.from({ length: m }, () => v));
  const spread = fc
    .tuple(
      fc.integer({ min: -300, max: 300 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: m, maxLength: m }),
    )
    .filter(([, , u]) => Math.max(...u) - Math.min(...u) >= 0.1)
    .map(([e, c, u]) => u.map((ui) => 10 ** e * (c + ui)))
    .filter((x) => x.every(Number.isFinite));
  return fc.oneof(constant, m >= 2 ? spread : constant);
}

// A subnormal column and a constant column at the largest double: properties/reference/standardize.test.ts.
describe("StandardScaler on extreme magnitudes", () => {
  test("one row to 40 rows, values from 1e-300 to 1e300: mean ≈ 0 and std ≈ 1, constants centered", () => {
    const matrix = fc
      .integer({ min: 1, max: 40 })
      .chain((m) =>
        fc.array(column(m), { minLength: 1, maxLength: 4 }).map((cols) => ({ m, cols })),
      );
    fc.assert(
      fc.property(matrix, ({ m, cols }) => {
        const X = { rows: m, cols: cols.length, data: new Float64Array(m * cols.length) };
        cols.forEach((values, j) => values.forEach((v, i) => (X.data[i * X.cols + j] = v)));
        const fitted = fitScaler(X);
        const standardized = transformScaler(X, fitted);
        cols.forEach((values, j) => {
          const z = Float64Array.from(values, (_, i) => standardized.data[i * X.cols + j]);
          expect(z.every(Number.isFinite)).toBe(true);
          if (values.every((v) => v === values[0])) {
            expect(fitted.scales[j]).toBe(1);
            // z = x − μ̂ with |μ̂ − x| ≤ (log₂ m + 2)·ε·|x| for m equal values.
            const bound = (Math.log2(m) + 2) * Number.EPSILON * Math.abs(values[0]);
            for (const v of z) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
          } else {
            const moments = standardizedMoments(z, fitted.means[j], fitted.scales[j]);
            expect(Math.abs(moments.zMean)).toBeLessThanOrEqual(moments.meanTolerance);
            expect(Math.abs(moments.zStd - 1)).toBeLessThanOrEqual(moments.stdTolerance);
          }
        });
      }),
      { numRuns: runs * 5 },
    );
  });
});
