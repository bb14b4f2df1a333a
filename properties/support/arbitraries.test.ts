import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { rowView } from "../../src/matrix.js";
import { predict } from "../../src/reference/index.js";
import {
  anyDouble,
  dataset,
  datasetWithHugeLogits,
  datasetWithoutInfinityMinusInfinity,
  quarterValue,
  smallValue,
  wideValue,
} from "./arbitraries.js";
import type { Dataset } from "./arbitraries.js";
import { logitCannotBeNaN, logitIsFiniteInEveryOrder } from "./overflow.js";

/**
 * Guards against hollow properties: each generator must really reach the inputs its doc comment
 * promises. Sampled with a fixed seed, so a change to a generator that loses one of them fails
 * here, by name, rather than silently weakening the model properties.
 */
const SAMPLES = 300;
const sample = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.sample(arbitrary, { numRuns: SAMPLES, seed: 42 });

/** Every logit of every sampled data set. */
const logitsOf = (data: Dataset[]) =>
  data.flatMap(({ X, w, b }) =>
    Array.from({ length: X.rows }, (_, i) => predict(rowView(X, i), w, b)),
  );

describe("the generators reach the interesting inputs", () => {
  test("anyDouble reaches ±Infinity, ±Number.MAX_VALUE, subnormals, −0 and the saturation band 36 < |z| < 800", () => {
    const values = sample(anyDouble);
    expect(values).toContain(Infinity);
    expect(values).toContain(-Infinity);
    expect(values.some((z) => Math.abs(z) >= 1e308 && Number.isFinite(z))).toBe(true);
    expect(values.some((z) => z !== 0 && Math.abs(z) < 2.2250738585072014e-308)).toBe(true);
    expect(values.some((z) => Object.is(z, -0))).toBe(true);
    expect(values.some((z) => Math.abs(z) > 36 && Math.abs(z) < 800)).toBe(true);
    expect(values.some(Number.isNaN)).toBe(false);
  });

  test("dataset() reaches one-row and 50-row data sets, 1 and 10 columns, and saturated logits (|z| > 40)", () => {
    const data = sample(dataset());
    const rows = data.map(({ X }) => X.rows);
    const cols = data.map(({ X }) => X.cols);
    expect(rows).toContain(1);
    expect(Math.max(...rows)).toBe(50);
    expect(cols).toContain(1);
    expect(cols).toContain(10);
    expect(logitsOf(data).some((z) => Math.abs(z) > 40)).toBe(true);
  });

  test("the finite-difference data sets (quarter-step features) reach saturated logits (|z| > 40) and one-row data sets", () => {
    const data = sample(dataset({ feature: quarterValue, parameter: smallValue }));
    expect(data.map(({ X }) => X.rows)).toContain(1);
    expect(logitsOf(data).some((z) => Math.abs(z) > 40)).toBe(true);
  });

  test("wideValue data sets reach logits above 1e250 and subnormal features, and keep every logit finite in every order", () => {
    const data = sample(dataset({ feature: wideValue }));
    expect(logitsOf(data).some((z) => Math.abs(z) > 1e250)).toBe(true);
    expect(
      data.some(({ X }) => X.data.some((x) => x !== 0 && Math.abs(x) < 2.2250738585072014e-308)),
    ).toBe(true);
    const finite = data.every(({ X, w, b }) =>
      Array.from({ length: X.rows }, (_, i) =>
        logitIsFiniteInEveryOrder(rowView(X, i), w, b),
      ).every(Boolean),
    );
    expect(finite).toBe(true);
  });

  test("datasetWithoutInfinityMinusInfinity reaches logits of +Infinity and −Infinity, and no logit that could be ∞ − ∞", () => {
    const data = sample(datasetWithoutInfinityMinusInfinity());
    const logits = logitsOf(data);
    expect(logits).toContain(Infinity);
    expect(logits).toContain(-Infinity);
    const safe = data.every(({ X, w, b }) =>
      Array.from({ length: X.rows }, (_, i) => logitCannotBeNaN(rowView(X, i), w, b)).every(
        Boolean,
      ),
    );
    expect(safe).toBe(true);
  });

  test("datasetWithHugeLogits reaches finite logits above 1e307 whose losses overflow a plain sum, all finite in every order", () => {
    const data = sample(datasetWithHugeLogits());
    expect(logitsOf(data).some((z) => Number.isFinite(z) && Math.abs(z) > 1e307)).toBe(true);
    const overflowsPlainSum = data.some(({ X, y, w, b }) => {
      let sum = 0;
      for (let i = 0; i < X.rows; i++) {
        const z = predict(rowView(X, i), w, b);
        sum += y[i] === 1 ? Math.max(-z, 0) : Math.max(z, 0); // the loss is ≈ max(∓z, 0) this far out
      }
      return sum === Infinity;
    });
    expect(overflowsPlainSum).toBe(true);
    const finite = data.every(({ X, w, b }) =>
      Array.from({ length: X.rows }, (_, i) =>
        logitIsFiniteInEveryOrder(rowView(X, i), w, b),
      ).every(Boolean),
    );
    expect(finite).toBe(true);
  });
});
