import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { FIXTURE_PATH, fitFeatures, loadBankCsv } from "../../src/data/index.js";
import { gradientRoundingBound } from "../../src/numerics/rounding.js";
import { newtonOptimum, optimumNote } from "../../src/optimum/index.js";
import { SEPARABLE_COST } from "../../src/optimum/newton-stopping.js";
import { computeGradientsVectorized } from "../../src/reference/index.js";
import { writeTemp } from "../support/bank-csv.js";

/*
 * Issue #23, class 3: when every age falls outside the article's bins, the five age_group
 * columns are all zero after standardization, the Hessian is singular and Newton runs damped.
 * On 200 rows of the fixture it used to stop after 50 steps "NOT converged: no finite minimiser
 * (separable data?)" with J = 0.33 and a gradient of 1e-15: one more column's weight keeps
 * growing (a level whose few rows share one label), J settles at 0.33, and λ²/2 falls only
 * linearly, staying above its tolerance 1e-20 · J. Newton now also converges once every gradient
 * entry is within its own rounding bound (src/numerics/rounding.ts): there J is at its lowest to
 * within rounding, and no step can be told from rounding.
 */

/** Every `stride`-th row of the fixture, up to `rows`, with every age set to `age`. */
async function fixtureRows(rows: number, age: string) {
  const [header, ...lines] = readFileSync(FIXTURE_PATH, "utf8").trimEnd().split("\n");
  const stride = Math.floor(lines.length / rows);
  const picked = lines.filter((_, i) => i % stride === 0).slice(0, rows);
  const text = [header, ...picked.map((line) => line.replace(/^\d+,/, `${age},`))].join("\n");
  const { table } = await loadBankCsv(writeTemp(`${text}\n`));
  return fitFeatures(table).transform(table);
}

test("ages all outside the bins: the zero columns do not stop Newton from converging at J > 0", async () => {
  const { X, y } = await fixtureRows(200, "15");
  for (let j = 8; j < 13; j++) {
    // age_group_25-35 … age_group_65-100, after the 5 numeric columns and 3 flags
    expect(Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols + j])).toEqual(
      new Array(X.rows).fill(0),
    );
  }
  const result = newtonOptimum(X, y);
  expect(result.converged).toBe(true);
  expect(result.cost).toBeGreaterThan(0.3);
  const bound = gradientRoundingBound(X, y, result.w, result.b);
  const { dw, db } = computeGradientsVectorized(X, y, result.w, result.b);
  dw.forEach((g, j) => expect(Math.abs(g)).toBeLessThanOrEqual(bound.dw[j]));
  expect(Math.abs(db)).toBeLessThanOrEqual(bound.db);
  expect(optimumNote(result)).toBe("");
});

test('"separable?" is kept for J → 0: 30 rows are separated, and Newton says so', async () => {
  const { X, y } = await fixtureRows(30, "15");
  const result = newtonOptimum(X, y);
  expect(result.converged).toBe(false);
  expect(result.cost).toBeLessThan(1e-10);
  expect(optimumNote(result)).toBe(
    `NOT converged: J fell to ${result.cost} (→ 0): no finite minimiser (separable data?)`,
  );
});

test("not converged at J well above 0 is not called separable", () => {
  const note = optimumNote({ converged: false, cost: 0.4, iterations: 3 });
  expect(note).toBe("NOT converged after 3 iterations (J = 0.4)");
});

test('"separable?" is said for J strictly below SEPARABLE_COST (1e-8): at exactly 1e-8 it is too few iterations', () => {
  expect(optimumNote({ converged: false, cost: SEPARABLE_COST, iterations: 50 })).toBe(
    "NOT converged after 50 iterations (J = 1e-8)",
  );
  const below = SEPARABLE_COST * (1 - Number.EPSILON); // the double just below
  expect(below).toBeLessThan(SEPARABLE_COST);
  expect(optimumNote({ converged: false, cost: below, iterations: 50 })).toBe(
    `NOT converged: J fell to ${below} (→ 0): no finite minimiser (separable data?)`,
  );
});
