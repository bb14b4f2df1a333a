import { describe, expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import * as reference from "../../src/reference/index.js";
import { gradientMistakeHint } from "./gradient-hint.js";
import { stepMistakeHint } from "./descent.js";
import { namedMistake, sameValue } from "./shape-hint.js";

describe("a hint names a mistake only when the wrong value is that mistake's", () => {
  const skip = { what: "a skipped row", fix: "sum every row", values: [1, 2] };
  const sign = { what: "a flipped sign", fix: "σ − y", values: [-3, -4] };

  test("a right value earns no hint, whatever mistakes match it", () => {
    expect(namedMistake([3, 4], [3, 4], [skip, { ...sign, values: [3, 4] }])).toBeUndefined();
  });

  test("one matching mistake is named with its fix", () => {
    expect(namedMistake([-3, -4], [3, 4], [skip, sign])).toBe("this is a flipped sign: σ − y");
  });

  test("a value no mistake explains earns no hint", () => {
    expect(namedMistake([7, 7], [3, 4], [skip, sign])).toBeUndefined();
  });

  test("a mistake whose values are the right ones is never named", () => {
    expect(namedMistake([3, 5], [3, 4], [{ ...sign, values: [3, 4] }])).toBeUndefined();
  });

  test("mistakes this counterexample cannot tell apart are all named, as such", () => {
    const hint = namedMistake([1, 2], [3, 4], [skip, { ...sign, values: [1, 2] }]);
    expect(hint).toContain("a skipped row, or a flipped sign");
    expect(hint).toContain("cannot tell them apart");
  });

  test("values match to 1e-6 relative, and subnormals to a few of their steps", () => {
    expect(sameValue(1 + 1e-7, 1)).toBe(true);
    expect(sameValue(1 + 1e-5, 1)).toBe(false);
    expect(sameValue(-1.023e-321, -1.0e-321)).toBe(true);
    expect(sameValue(-1.023e-321, 0)).toBe(false);
    expect(sameValue(Infinity, Infinity)).toBe(true);
    expect(sameValue(1e308, Infinity)).toBe(false);
  });
});

describe("the gradient's mistakes are recognised from their values", () => {
  const X = matrixFromRows([
    [1, 2],
    [3, -1],
    [0.5, 4],
  ]);
  const y = Float64Array.of(1, 0, 1);
  const w = Float64Array.of(0.25, -0.5);
  const b = 0.125;
  const right = reference.computeGradients(X, y, w, b);

  test("the right gradient earns no hint", () => {
    expect(gradientMistakeHint(X, y, w, b, right)).toBeUndefined();
  });

  test("the gradient without the last example is named as such", () => {
    const two = { rows: 2, cols: 2, data: X.data.slice(0, 4) };
    const partial = reference.computeGradients(two, y.slice(0, 2), w, b);
    const dw = partial.dw.map((value) => (value * 2) / 3);
    const hint = gradientMistakeHint(X, y, w, b, { dw, db: (partial.db * 2) / 3 });
    expect(hint).toBe(
      "this is the gradient without the last example (a loop i < m − 1): sum over every i from 0 to m − 1",
    );
  });

  test("a db left as a sum, with dw averaged, is named as such", () => {
    expect(gradientMistakeHint(X, y, w, b, { dw: right.dw, db: right.db * 3 })).toContain(
      "db not divided by m = 3, while dw is",
    );
  });

  test("errors taken from the logit (σ forgotten) are named as such", () => {
    const z = [0, 1, 2].map((i) => reference.predict(X.data.subarray(2 * i, 2 * i + 2), w, b));
    const e = z.map((zi, i) => zi - y[i]);
    const dw = Float64Array.from(
      [0, 1],
      (j) => (e[0] * X.data[j] + e[1] * X.data[2 + j] + e[2] * X.data[4 + j]) / 3,
    );
    const db = (e[0] + e[1] + e[2]) / 3;
    expect(gradientMistakeHint(X, y, w, b, { dw, db })).toContain("σ left out");
  });

  test("m times the gradient is named as a missing division by m", () => {
    const dw = right.dw.map((value) => value * 3);
    expect(gradientMistakeHint(X, y, w, b, { dw, db: right.db * 3 })).toContain(
      "the sums not divided by m",
    );
  });
});

describe("a gradient-descent step's mistakes are recognised from the model it returns", () => {
  const X = matrixFromRows([[1], [2]]);
  const y = Float64Array.of(1, 0);
  const w = Float64Array.of(0.5);
  const b = 0.25;
  const alpha = 0.5;
  const g = reference.computeGradientsVectorized(X, y, w, b);

  test("the right step earns no hint", () => {
    const next = { w: Float64Array.of(w[0] - alpha * g.dw[0]), b: b - alpha * g.db };
    expect(stepMistakeHint({ X, y, w, b }, alpha, next)).toBeUndefined();
  });

  test("a step of α² times the gradient is named as α applied twice", () => {
    const a2 = alpha * alpha;
    const next = { w: Float64Array.of(w[0] - a2 * g.dw[0]), b: b - a2 * g.db };
    expect(stepMistakeHint({ X, y, w, b }, alpha, next)).toContain("α applied twice");
  });

  test("a bias left where it started is named as such", () => {
    const next = { w: Float64Array.of(w[0] - alpha * g.dw[0]), b };
    expect(stepMistakeHint({ X, y, w, b }, alpha, next)).toContain(
      "the bias left where it started",
    );
  });
});
