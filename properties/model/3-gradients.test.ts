import fc from "fast-check";
import { test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import {
  dataset,
  datasetWithChangedWeights,
  largeDataset,
  middleRangeDataset,
  quarterValue,
  smallValue,
  wideValue,
} from "../support/arbitraries.js";
import {
  expectFloat64Array,
  expectGradientsWithin,
  expectThat,
  expectWithin,
} from "../support/expectations.js";
import { exactSigmoid } from "../support/exact-sigmoid.js";
import { fixtureSizedDataset, onFixtureSized } from "../support/fixture-sized.js";
import { guardArguments, guardPairs } from "../support/guard.js";
import { expectEachGradientWithin, reference } from "../support/oracle.js";
import { withEarlierSteps } from "../support/prerequisites.js";
import { MIN_NORMAL, exactLogitRow } from "../support/tail.js";
import {
  FINITE_DIFFERENCE_RELATIVE,
  centralDifference,
  finiteDifferenceTolerance,
} from "../../src/numerics/finite-difference.js";
import { gradientFunctions as unguarded, implementation } from "../support/implementation.js";
import { checkExample, checkProperty } from "../support/property.js";
import { withCacheHint } from "../support/cache.js";
import { gradientMistakeHint } from "../support/gradient-hint.js";
import type { Gradients } from "../../src/contract.js";
import { UNIT_ROUNDOFF, addBounds, gradientRoundingBound } from "../../src/numerics/rounding.js";

/** The gradient functions, each failing first, as itself, if it changes an argument (support/guard.ts). */
const gradientFunctions = guardPairs(unguarded);
/** The implementation's earlier steps, re-checked on a failing counterexample (support/prerequisites.ts). */
const lr = guardArguments(implementation);

const step =
  "step 3 — the gradients ∂J/∂w = (1/m) Xᵀ(σ(Xw + b) − y), ∂J/∂b = (1/m) Σᵢ (σ(zᵢ) − yᵢ)";

test("the loop and vectorized gradients each agree with an independent evaluation (the reference) within rounding, densely for |z| < 40, for magnitudes up to 1e300, and on data sets of 101 to 2000 rows", () => {
  checkProperty({
    step,
    hint: "compare your sums with the formula above on the counterexample: which index walks rows and which walks columns, the error σ(zᵢ) − yᵢ, and where you divide by m",
    blames: "computeGradients",
    clauses: [
      "computeGradients.value",
      "computeGradientsVectorized.value",
      "computeGradients.large",
      "computeGradientsVectorized.large",
    ],
    inputs: fc.oneof(
      { arbitrary: middleRangeDataset(), weight: 5 },
      { arbitrary: dataset({ feature: wideValue }), weight: 4 },
      {
        arbitrary: largeDataset({ feature: fc.double({ min: -2, max: 2, noNaN: true }) }),
        weight: 1,
      },
    ),
    check: withEarlierSteps(lr, 3, ({ X, y, w, b }) => {
      // The oracle: src/reference's gradient, within gradientRoundingBound of the exact gradient
      // (src/numerics/rounding.ts: (1/m) Σᵢ |xᵢⱼ| [σ′ᵢ γₙ₊₁ Aᵢ + 5u + γₘ₊₁ |eᵢ|] per component),
      // as is any correct implementation: the two agree within twice that bound.
      const bound = gradientRoundingBound(X, y, w, b);
      expectEachGradientWithin(
        gradientFunctions.map(
          ([name, gradients]) => [name, gradients(X, y, w, b), `${name}(X, y, w, b)`] as const,
        ),
        reference.computeGradients(X, y, w, b),
        addBounds(bound, bound),
        "2 × the rounding bound of one evaluation, from |xᵢⱼ|, |wⱼ xᵢⱼ|, |b|, the errors eᵢ and m; expected is the reference's gradient",
        "both of your gradients are off: suspect what they share (the error σ(zᵢ) − yᵢ, the logit, the division by m)",
        (_, actual) => gradientMistakeHint(X, y, w, b, actual),
      );
    }),
  });
});

test("for one example the gradient is (σ(z) − y)·x within a few units of roundoff of σ(z), relative where the error is not a cancellation: saturated and far-tail logits included (the tail-accuracy policy)", () => {
  checkProperty({
    step,
    hint: "for one example e = σ(z) − y is the whole gradient, and a saturated σ(z) makes it tiny (σ(−40) = 4.2e-18 for y = 0): compute σ to full relative precision and do not clip it (the article's 1e-15 clip turns 4.2e-18 into 1e-15)",
    blames: "computeGradients",
    clauses: ["computeGradients.saturated", "computeGradientsVectorized.saturated"],
    inputs: exactLogitRow(),
    check: withEarlierSteps(lr, 3, ({ X, y, w, b, z }) => {
      // The logit is exact (support/tail.ts). Exactly, e = σ(z) for y = 0 and −σ(−z) for y = 1.
      // A correct σ is within 6u·σ(z) (the step-1 policy); σ − 1 is exact (Sterbenz) for
      // σ ≥ ½ and rounds by u·|e| below; e·xⱼ and the expected value round by u·|e xⱼ| each. So
      // |error| ≤ (6u·σ(z) + 3u·|e|)·|xⱼ|: relative to e for y = 0, and for y = 1 where z ≤ 0;
      // for y = 1 and z > 0, e = σ(z) − 1 cancels and 6u is all float64 can promise. Where
      // σ(z)·|xⱼ| is below the smallest normal, an absolute floor of 2.2e-308.
      const e = y[0] === 0 ? exactSigmoid(z) : -exactSigmoid(-z);
      const sigma = exactSigmoid(z);
      const component = (xj: number) => {
        const scale = sigma * Math.abs(xj);
        return {
          expected: e * xj,
          bound:
            scale < MIN_NORMAL && xj !== 0
              ? MIN_NORMAL
              : (6 * UNIT_ROUNDOFF * sigma + 3 * UNIT_ROUNDOFF * Math.abs(e)) * Math.abs(xj),
        };
      };
      const reason =
        "(6u·σ(z) + 3u·|e|)·|xⱼ|: σ's rounding and e·xⱼ's, relative to e but where e = σ − 1 cancels (floor 2.2e-308 below the normals)";
      for (const [name, gradients] of gradientFunctions) {
        const g = gradients(X, y, w, b);
        for (let j = 0; j <= X.cols; j++) {
          const { expected, bound } = component(j < X.cols ? X.data[j] : 1);
          const which = j < X.cols ? `dw[${j}]` : "db";
          expectWithin(
            `${name}(X, y, w, b).${which} for one example with z = ${z}, y = ${y[0]}`,
            j < X.cols ? g.dw[j] : g.db,
            expected,
            { bound, reason },
          );
        }
      }
    }),
  });
});

test("a fixture-sized data set (11,162 × 45): both gradients agree with the reference within rounding", () => {
  checkExample({
    step,
    hint: "the gradient must work at the article's size as on small data: look for a fixed-size buffer or a count that stops short of m",
    blames: "computeGradients",
    clauses: ["computeGradients.large", "computeGradientsVectorized.large"],
    input: { data: "fixtureSizedDataset() (support/fixture-sized.ts): 11,162 rows, 45 features" },
    check: () => {
      const { X, y, w, b } = fixtureSizedDataset();
      const { expected, bound } = onFixtureSized(
        "the reference's gradients and their bound",
        (d) => ({
          expected: reference.computeGradients(d.X, d.y, d.w, d.b),
          bound: gradientRoundingBound(d.X, d.y, d.w, d.b),
        }),
      );
      for (const [name, gradients] of gradientFunctions) {
        expectGradientsWithin(
          `${name}(X, y, w, b)`,
          gradients(X, y, w, b),
          expected,
          addBounds(bound, bound),
          "2 × the rounding bound of one evaluation; expected is the reference's gradient",
        );
      }
    },
  });
});

test("each gradient function returns a new dw every call: never the storage of X, y or w, nor of an earlier result, which a later call leaves unchanged", () => {
  checkProperty({
    step,
    hint: "allocate dw inside the function, once per call (new Float64Array(n)): a buffer kept between calls (or w itself) makes an earlier result change under the caller",
    blames: "computeGradients",
    clauses: ["computeGradients.new-result", "computeGradientsVectorized.new-result"],
    inputs: fc.record({ first: dataset({ maxRows: 6 }), second: dataset({ maxRows: 6 }) }),
    check: ({ first, second }) => {
      for (const [name, gradients] of gradientFunctions) {
        const a = gradients(first.X, first.y, first.w, first.b);
        // "The same ArrayBuffer" is said only of typed arrays: the type is checked first.
        expectFloat64Array(`${name}(X, y, w, b).dw`, a.dw);
        const kept = Float64Array.from(a.dw);
        const b = gradients(second.X, second.y, second.w, second.b);
        expectFloat64Array(`${name}(X, y, w, b).dw`, b.dw);
        for (const [what, array] of [
          ["X.data", first.X.data],
          ["y", first.y],
          ["w", first.w],
        ] as const) {
          expectThat(
            `${name}(X, y, w, b).dw shares storage with ${what}`,
            a.dw.buffer !== array.buffer,
            "a new array",
            `the same ArrayBuffer as ${what}`,
          );
        }
        expectThat(
          `${name}: the dw of two calls share storage`,
          a.dw.buffer !== b.dw.buffer,
          "two different arrays",
          "the same ArrayBuffer",
        );
        expectThat(
          `${name}(first).dw after a second call ${name}(second)`,
          kept.length === a.dw.length && kept.every((v, j) => Object.is(v, a.dw[j])),
          `unchanged: ${Array.from(kept).join(", ")}`,
          Array.from(a.dw).join(", "),
        );
      }
    },
  });
});

test("the gradients read X, y and w at each call: changing w in place changes the gradient (no result cached by the arrays themselves)", () => {
  checkProperty({
    step,
    hint: "the gradient after the caller changed w in place must be the gradient at the changed w: compare it with the gradient of fresh copies at the same values",
    blames: "computeGradients",
    clauses: ["computeGradients.fresh", "computeGradientsVectorized.fresh"],
    inputs: datasetWithChangedWeights(),
    check: ({ X, y, w, b, changed }) => {
      for (const [name, gradients] of gradientFunctions) {
        const weights = Float64Array.from(w);
        gradients(X, y, weights, b);
        weights.set(changed);
        const bound = gradientRoundingBound(X, y, changed, b);
        const expected = reference.computeGradients(X, y, changed, b);
        const expectNear = (actual: Gradients) =>
          expectGradientsWithin(
            `${name}(X, y, w, b) after w was changed in place to \`changed\``,
            actual,
            expected,
            addBounds(bound, bound),
            "2 × the rounding bound of one evaluation; expected is the reference's gradient at the changed w",
          );
        // The hint is earned: a cache only if fresh copies at the same values give the right gradient.
        withCacheHint(
          name,
          () => expectNear(gradients(X, y, weights, b)),
          () => expectNear(gradients(structuredClone(X), y.slice(), changed.slice(), b)),
        );
      }
    },
  });
});

test("a NaN logit (1e308·10 − 1e308·10 = ∞ − ∞) makes every component of the gradient NaN, as it makes the cost NaN, instead of hiding it", () => {
  checkExample({
    step,
    hint: "a NaN logit means the inputs overflowed: let the NaN through σ, the error and the sums (no check that skips a non-finite z, no clipping or max/min that turns it into a number)",
    blames: "computeGradients",
    clauses: ["computeGradients.nan-logit", "computeGradientsVectorized.nan-logit"],
    input: {
      X: matrixFromRows([[1e308, 1e308]]),
      y: Float64Array.of(1),
      w: Float64Array.of(10, -10),
      b: 0,
    },
    check: withEarlierSteps(lr, 3, ({ X, y, w, b }) => {
      for (const [name, gradients] of gradientFunctions) {
        const g = gradients(X, y, w, b);
        [...g.dw, g.db].forEach((value, k) =>
          expectThat(
            `${name}(X, y, w, b).${k < g.dw.length ? `dw[${k}]` : "db"}`,
            Number.isNaN(value),
            "NaN, the honest answer for a NaN logit (the cost reports NaN here too)",
            value,
          ),
        );
      }
    }),
  });
});

for (const [name, gradients] of gradientFunctions) {
  test(`${name} matches central differences of the reference's cost for every weight and the bias, saturated logits (|z| > 40) included`, () => {
    checkProperty({
      step,
      hint: "the gradient of the mean is the mean of eᵢ·xᵢ with eᵢ = σ(zᵢ) − yᵢ: check the sign of eᵢ and the division by m",
      blames: name,
      clauses: ["computeGradients.calculus", "computeGradientsVectorized.calculus"],
      inputs: dataset({ feature: quarterValue, parameter: smallValue }),
      runs: 50,
      check: (data) => {
        const { X, y, w, b } = data;
        const analytic = gradients(X, y, w, b);
        for (let k = 0; k <= X.cols; k++) {
          const a = k === X.cols ? analytic.db : analytic.dw[k];
          // Differences of the reference's cost: an oracle independent of the learner's cost.
          const difference = centralDifference(reference.computeCost, data, k);
          // Relative error ≤ 1e-6, with an absolute floor for tiny gradients: the central
          // difference's own error bound (truncation + rounding, src/numerics/finite-difference.ts).
          const tolerance = {
            bound: finiteDifferenceTolerance(a, difference),
            reason: `relative ${FINITE_DIFFERENCE_RELATIVE}, floored at the central difference's own error bound ${difference.errorBound.toPrecision(2)}`,
          };
          const component = k === X.cols ? "db" : `dw[${k}]`;
          expectWithin(
            `${name}(X, y, w, b).${component} vs central difference`,
            a,
            difference.estimate,
            tolerance,
          );
        }
      },
    });
  });
}
