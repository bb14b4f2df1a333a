import fc from "fast-check";
import { test } from "vitest";
import { matrixFromRows, rowView } from "../../src/matrix.js";
import {
  dataset,
  datasetWithChangedWeights,
  datasetWithHugeLogits,
  datasetWithoutInfinityMinusInfinity,
  largeDataset,
  middleRangeDataset,
  wideValue,
} from "../support/arbitraries.js";
import { expectThat, expectWithin } from "../support/expectations.js";
import { fixtureSizedDataset, onFixtureSized } from "../support/fixture-sized.js";
import { guardArguments, guardPairs } from "../support/guard.js";
import { costFunctions as unguarded, implementation } from "../support/implementation.js";
import { logitIsFiniteInEveryOrder } from "../support/overflow.js";
import { withEarlierSteps } from "../support/prerequisites.js";
import { lossFormulaHint } from "../support/loss-formula.js";
import { checkExample, checkProperty } from "../support/property.js";
import { costRoundingBound, gamma } from "../../src/numerics/rounding.js";
import {
  diagnoseInfiniteCost,
  diagnoseNaNCost,
  costMistakeHint,
  expectEachWithin,
  reference,
} from "../support/oracle.js";
import { exactLogitRow, relativeTolerance } from "../support/tail.js";
import { withCacheHint } from "../support/cache.js";

/** The cost functions, each failing first, as itself, if it changes an argument (support/guard.ts). */
const costFunctions = guardPairs(unguarded);

/** The cost function of that name (a candidate's name in costFunctions). */
const costNamed = (name: string) => costFunctions.find(([n]) => n === name)![1];
/** The implementation's earlier steps, re-checked on a failing counterexample (support/prerequisites.ts). */
const lr = guardArguments(implementation);

const step = "step 2 — the cost J(w, b) = −(1/m) Σᵢ [yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))]";

// The cost is defined on logits, and for finite X and w a logit can itself be NaN in float64 (one
// product overflows to +∞, another to −∞: ∞ − ∞). No cost function can repair that, so "never
// NaN" quantifies over finite data whose logits cannot be NaN in any summation order (see
// support/overflow.ts) — which still includes logits that overflow to ±∞, where the cost must
// come out as Infinity or a finite number. The ∞ − ∞ case itself is documented by its own test.
test("the cost is never NaN and never negative, for finite data whose logits cannot be ∞ − ∞ (logits of ±Infinity included)", () => {
  checkProperty({
    step,
    hint: "the cost is a mean of losses −log(probability), each ≥ 0: check the sign of the sum and that each log is of a probability in [0, 1]",
    blames: "computeCost",
    clauses: ["computeCost.never-negative", "computeCostVectorized.never-negative"],
    inputs: datasetWithoutInfinityMinusInfinity(),
    check: withEarlierSteps(lr, 2, (data) => {
      const { X, y, w, b } = data;
      for (const [name, cost] of costFunctions) {
        const J = cost(X, y, w, b);
        // The hint is earned: it names a cause only when this counterexample shows it.
        const hint = Number.isNaN(J) ? diagnoseNaNCost(name, cost, data) : undefined;
        expectThat(
          `${name}(X, y, w, b)`,
          J >= 0,
          "a number ≥ 0 (Infinity allowed when a logit is infinite)",
          J,
          hint,
        );
      }
    }),
  });
});

test("a logit can be NaN for finite X and w (1e308·10 − 1e308·10 = ∞ − ∞), and the cost then reports NaN instead of hiding it", () => {
  checkExample({
    step,
    hint: "a NaN logit means the inputs overflowed: let the NaN through (no clipping or max/min that turns it into a number)",
    blames: "computeCost",
    clauses: ["computeCost.nan-logit", "computeCostVectorized.nan-logit"],
    input: {
      X: matrixFromRows([[1e308, 1e308]]),
      y: Float64Array.of(1),
      w: Float64Array.of(10, -10),
      b: 0,
    },
    check: ({ X, y, w, b }) => {
      // The premise, checked with the reference's predict: this is step 2's test, not step 1's.
      expectThat(
        "the logit w·x + b (the reference's predict)",
        Number.isNaN(reference.predict(rowView(X, 0), w, b)),
        "NaN (float64 cannot do better)",
        reference.predict(rowView(X, 0), w, b),
      );
      for (const [name, cost] of costFunctions) {
        const J = cost(X, y, w, b);
        expectThat(
          `${name}(X, y, w, b)`,
          Number.isNaN(J),
          "NaN, the honest answer for a NaN logit",
          J,
        );
      }
    },
  });
});

test("the cost is finite whenever every logit is finite, even for logits near ±1e308 (the mean must not overflow)", () => {
  checkProperty({
    step,
    hint: "every loss of a finite logit is finite, and so is their mean: find the step (a loss, the sum, the division) that overflows",
    blames: "computeCost",
    clauses: ["computeCost.finite", "computeCostVectorized.finite"],
    inputs: fc.oneof(datasetWithHugeLogits(), dataset({ feature: wideValue })),
    check: (data) => {
      const { X, y, w, b } = data;
      for (let i = 0; i < X.rows; i++) fc.pre(logitIsFiniteInEveryOrder(rowView(X, i), w, b));
      for (const [name, cost] of costFunctions) {
        const J = cost(X, y, w, b);
        // The hint is earned: "the mean overflows" only when m > 1 and every loss alone is finite.
        const hint = Number.isFinite(J) ? undefined : diagnoseInfiniteCost(name, cost, data);
        expectThat(
          `${name}(X, y, w, b)`,
          Number.isFinite(J),
          "a finite number, since every logit is finite",
          J,
          hint,
        );
      }
    },
  });
});

test("the cost at w = 0, b = 0 is ln 2 within (m + 2) units of roundoff, for any data", () => {
  checkProperty({
    step,
    hint: "at w = 0 every σ(z) is 1/2 and every loss is ln 2: a different value means the loss formula or the mean is off",
    blames: "computeCost",
    clauses: ["computeCost.zero-weights", "computeCostVectorized.zero-weights"],
    inputs: dataset({ feature: wideValue }),
    check: ({ X, y }) => {
      const m = X.rows;
      // Every loss is ln 2 within an ulp; averaging m of them adds at most m roundings.
      const tolerance = {
        bound: gamma(m + 2) * Math.LN2,
        reason: "γₘ₊₂·ln 2: one rounding for the loss, m for the mean, one for ln 2 itself",
      };
      for (const [name, cost] of costFunctions) {
        expectWithin(
          `${name}(X, y, 0, 0)`,
          cost(X, y, new Float64Array(X.cols), 0),
          Math.LN2,
          tolerance,
        );
      }
    },
  });
});

test("the loop and vectorized costs each agree with an independent evaluation (the reference) within rounding, densely for |z| < 40, for magnitudes up to 1e300, and on data sets of 101 to 2000 rows", () => {
  checkProperty({
    step,
    hint: "compare how your cost forms z, chooses the term for y, and divides by m with the formula above, on the counterexample's rows one at a time",
    blames: "computeCost",
    clauses: [
      "computeCost.value",
      "computeCostVectorized.value",
      "computeCost.large",
      "computeCostVectorized.large",
    ],
    inputs: fc.oneof(
      { arbitrary: middleRangeDataset(), weight: 5 },
      { arbitrary: dataset({ feature: wideValue }), weight: 4 },
      {
        arbitrary: largeDataset({ feature: fc.double({ min: -2, max: 2, noNaN: true }) }),
        weight: 1,
      },
    ),
    check: withEarlierSteps(lr, 2, ({ X, y, w, b }) => {
      // The oracle: src/reference's cost, within costRoundingBound of the exact cost
      // (src/numerics/rounding.ts: (1/m) Σᵢ [λᵢ γₙ₊₁ Aᵢ + 4u Lᵢ + 2u + γₘ₊₁ Lᵢ], Aᵢ = Σⱼ |wⱼ xᵢⱼ| + |b|),
      // as is any correct implementation: the two agree within twice that bound.
      const tolerance = {
        bound: 2 * costRoundingBound(X, y, w, b),
        reason:
          "2 × the rounding bound of one evaluation, from |wⱼ xᵢⱼ|, |b|, the losses and m; expected is the reference's cost",
      };
      const expected = reference.computeCost(X, y, w, b);
      expectEachWithin(
        costFunctions.map(
          ([name, cost]) => [name, cost(X, y, w, b), `${name}(X, y, w, b)`] as const,
        ),
        expected,
        tolerance,
        "both of your costs are off: suspect what they share (the loss formula, the logit, the mean)",
        (name) => costMistakeHint(name, costNamed(name), { X, y, w, b }),
      );
    }),
  });
});

test("the cost of one example is its loss within 8 units of roundoff, relative, wherever the loss is a normal number: saturated and far-tail logits included (the tail-accuracy policy)", () => {
  checkProperty({
    step,
    hint: "for one example the cost is its loss, −log σ(z) = log(1 + e^(−z)) or −log(1 − σ(z)) = log(1 + e^z), which a tail makes tiny (4.2e-18 at z = 40, y = 1): evaluate that one loss step by step at the counterexample's z and compare each intermediate with its exact value",
    blames: "computeCost",
    clauses: ["computeCost.one-row", "computeCostVectorized.one-row"],
    inputs: exactLogitRow(),
    check: withEarlierSteps(lr, 2, ({ X, y, w, b, z }) => {
      // Every summand of the logit is exact (support/tail.ts), so only the loss is rounded. The
      // oracle is the reference's loss (log1pexp: exp and log1p, each within an ulp: ≤ 4u); a
      // correct implementation is within 4u of the exact loss too, so the two within 8u.
      const expected = reference.loss(z, y[0]);
      const tolerance = relativeTolerance(expected, 8, "the loss's own rounding, twice");
      for (const [name, cost] of costFunctions) {
        const actual = cost(X, y, w, b);
        expectWithin(
          `${name}(X, y, w, b) for one example with z = ${z}, y = ${y[0]}`,
          actual,
          expected,
          tolerance,
          lossFormulaHint(actual, z, y[0]),
        );
      }
    }),
  });
});

test("a fixture-sized data set (11,162 × 45): both costs agree with the reference within rounding", () => {
  checkExample({
    step,
    hint: "the cost must work at the article's size as on small data: look for a fixed-size buffer or a count that stops short of m",
    blames: "computeCost",
    clauses: ["computeCost.large", "computeCostVectorized.large"],
    input: { data: "fixtureSizedDataset() (support/fixture-sized.ts): 11,162 rows, 45 features" },
    check: () => {
      const { X, y, w, b } = fixtureSizedDataset();
      const { expected, bound } = onFixtureSized("the reference's cost and its bound", (d) => ({
        expected: reference.computeCost(d.X, d.y, d.w, d.b),
        bound: costRoundingBound(d.X, d.y, d.w, d.b),
      }));
      const tolerance = {
        bound: 2 * bound,
        reason: "2 × the rounding bound of one evaluation; expected is the reference's cost",
      };
      for (const [name, cost] of costFunctions) {
        expectWithin(`${name}(X, y, w, b)`, cost(X, y, w, b), expected, tolerance);
      }
    },
  });
});

test("the cost reads X, y and w at each call: changing w in place changes the cost (no result cached by the arrays themselves)", () => {
  checkProperty({
    step,
    hint: "the cost after the caller changed w in place must be the cost at the changed w: compare it with the cost of fresh copies at the same values",
    blames: "computeCost",
    clauses: ["computeCost.fresh", "computeCostVectorized.fresh"],
    inputs: datasetWithChangedWeights(),
    check: ({ X, y, w, b, changed }) => {
      for (const [name, cost] of costFunctions) {
        const weights = Float64Array.from(w);
        cost(X, y, weights, b);
        weights.set(changed);
        const expected = reference.computeCost(X, y, changed, b);
        const tolerance = {
          bound: 2 * costRoundingBound(X, y, changed, b),
          reason:
            "2 × the rounding bound of one evaluation; expected is the reference's cost at the changed w",
        };
        const checked = `${name}(X, y, w, b) after w was changed in place to \`changed\``;
        // The hint is earned: a cache only if fresh copies at the same values give the right cost.
        withCacheHint(
          name,
          () => expectWithin(checked, cost(X, y, weights, b), expected, tolerance),
          () => {
            const fresh = cost(structuredClone(X), Float64Array.from(y), changed.slice(), b);
            expectWithin(checked, fresh, expected, tolerance);
          },
        );
      }
    },
  });
});
