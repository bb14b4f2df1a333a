import fc from "fast-check";
import { test } from "vitest";
import type { ConfusionMatrix } from "../../src/contract.js";
import { costRoundingBound, gamma } from "../../src/numerics/rounding.js";
import { anyDouble } from "../support/arbitraries.js";
import { exactly, expectThat, expectWithin } from "../support/expectations.js";
import { checkExample, checkProperty } from "../support/property.js";
import { requireFunctions } from "../support/step-functions.js";

const lr = requireFunctions(
  "confusionMatrix",
  "accuracy",
  "precision",
  "recall",
  "f1",
  "rocAuc",
  "logLoss",
  "computeCostVectorized",
);

const step =
  "step 9 — evaluation: predicted 1 when p ≥ 0.5, confusion matrix, accuracy, precision, recall, F1, ROC AUC (ties ½), log-loss";

/** Probabilities that are often exactly 0.5 or the doubles next to it, and often tied. */
const probability = fc.oneof(
  fc.constantFrom(0, 0.25, 0.5, 0.5 - 2 ** -54, 0.5 + 2 ** -53, 0.75, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

/** Labelled rows, 1 to 30 of them: both classes, one class only (all 0s or all 1s), and ties. */
const labelled = <T>(score: fc.Arbitrary<T>) =>
  fc
    .record({
      rows: fc.array(fc.record({ y: fc.constantFrom(0, 1), s: score }), {
        minLength: 1,
        maxLength: 30,
      }),
      oneClass: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, fc.constantFrom(0, 1)),
    })
    .map(({ rows, oneClass }) => ({
      y: Float64Array.from(rows, (r) => oneClass ?? r.y),
      s: rows.map((r) => r.s),
    }));

/** Scores drawn from a handful of values (many ties) or from every double. */
const score = fc.oneof(fc.integer({ min: -3, max: 3 }), anyDouble);

/** Counts of a confusion matrix, zeros often (for the edge values). */
const count = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 1e6 }),
);
const confusion: fc.Arbitrary<ConfusionMatrix> = fc.record({
  truePositives: count,
  falsePositives: count,
  trueNegatives: count,
  falseNegatives: count,
});

/** The definition of AUC: over every (positive, negative) pair, 1 if the positive scores higher, ½ if tied. */
function pairAuc(y: Float64Array, s: ArrayLike<number>): number | null {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++)
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
  return pairs === 0 ? null : wins / pairs;
}

const show = (v: number | null) => (v === null ? "null" : String(v));

test("the confusion matrix counts each row once, as predicted positive exactly when p ≥ 0.5 (0.5 itself is positive)", () => {
  checkProperty({
    step,
    hint: "the article predicts 1 when p >= 0.5, so a probability of exactly 0.5 is a positive prediction; every row lands in exactly one of the four counts",
    inputs: labelled(probability).map(({ y, s }) => ({ y, p: Float64Array.from(s) })),
    check: ({ y, p }) => {
      const c = lr.confusionMatrix(y, p);
      const expected = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
      for (let i = 0; i < y.length; i++) {
        if (p[i] >= 0.5) expected[y[i] === 1 ? "truePositives" : "falsePositives"]++;
        else expected[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
      }
      const sum = c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives;
      expectThat("TP + FP + TN + FN", sum === y.length, `${y.length} (one count per row)`, sum);
      for (const key of Object.keys(expected) as (keyof ConfusionMatrix)[]) {
        expectThat(
          `confusionMatrix(y, p).${key}`,
          c[key] === expected[key],
          String(expected[key]),
          c[key],
        );
      }
    },
  });
});

test("accuracy, precision, recall and F1 are their ratios of the counts, within [0, 1], and null exactly when their denominator is 0", () => {
  checkProperty({
    step,
    hint: "precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN) (the harmonic mean, not the average); a ratio with denominator 0 is null, never NaN or 0",
    inputs: confusion.filter(
      (c) => c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives > 0,
    ),
    check: (c) => {
      const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = c;
      const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
      const cases: [string, number | null, number | null][] = [
        ["accuracy", lr.accuracy(c), (tp + tn) / (tp + fp + tn + fn)],
        ["precision", lr.precision(c), ratio(tp, tp + fp)],
        ["recall", lr.recall(c), ratio(tp, tp + fn)],
        ["f1", lr.f1(c), ratio(2 * tp, 2 * tp + fp + fn)],
      ];
      for (const [name, actual, expected] of cases) {
        if (expected === null || actual === null) {
          expectThat(
            `${name}(c)`,
            actual === expected,
            `${show(expected)}${expected === null ? " (the denominator is 0)" : ""}`,
            show(actual),
          );
          continue;
        }
        expectThat(`${name}(c)`, actual >= 0 && actual <= 1, "a number in [0, 1]", actual);
        expectWithin(`${name}(c)`, actual, expected, {
          bound: 4 * gamma(2) * expected,
          reason: "a ratio of integers: a few roundings",
        });
      }
    },
  });
});

test("ROC AUC is the share of (positive, negative) pairs the positive wins, a tie counting ½; null with one class only", () => {
  checkProperty({
    step,
    hint: "AUC = P(score of a random positive > score of a random negative) + ½ P(tie): tied scores share their mean rank",
    inputs: labelled(score),
    check: ({ y, s }) => {
      const scores = Float64Array.from(s);
      const expected = pairAuc(y, scores);
      const actual = lr.rocAuc(y, scores);
      if (expected === null || actual === null) {
        expectThat(
          "rocAuc(y, scores)",
          actual === expected,
          `${show(expected)}${expected === null ? " (one class only: undefined)" : ""}`,
          show(actual),
        );
        return;
      }
      expectWithin("rocAuc(y, scores)", actual, expected, {
        bound: gamma(2 * y.length),
        reason: "rank sums below 2⁵³, then a few roundings",
      });
    },
  });
});

test("ROC AUC is unchanged by a strictly increasing transform of the scores, and AUC(−s) = 1 − AUC(s)", () => {
  checkProperty({
    step,
    hint: "AUC only compares scores: logits, probabilities or any increasing function of them give the same area, and flipping every score flips every comparison",
    inputs: labelled(fc.integer({ min: -40, max: 40 })).filter(
      ({ y }) => y.includes(0) && y.includes(1),
    ),
    check: ({ y, s }) => {
      const z = Float64Array.from(s, (v) => v / 4);
      const auc = lr.rocAuc(y, z);
      const increasing = z.map((v) => 1 / (1 + Math.exp(-v)) + v ** 3);
      const bound = {
        bound: 2 * gamma(2 * y.length),
        reason: "two evaluations, each a few roundings",
      };
      expectWithin("rocAuc(y, σ(z) + z³)", lr.rocAuc(y, increasing) ?? NaN, auc as number, bound);
      expectWithin(
        "rocAuc(y, −z)",
        lr.rocAuc(
          y,
          z.map((v) => -v),
        ) ?? NaN,
        1 - (auc as number),
        bound,
      );
    },
  });
});

test("log-loss of the logits equals the model's cost computeCostVectorized at those logits, saturated and huge logits included", () => {
  checkProperty({
    step,
    hint: "log-loss is step 2's cost of the same logits: compute each term from z, only the one the label selects, and do not clip",
    inputs: labelled(
      fc.oneof(
        fc.double({ min: -800, max: 800, noNaN: true }),
        fc.constantFrom(0, 36.7, -40, 1e10, -1e300),
      ),
    ),
    check: ({ y, s }) => {
      const z = Float64Array.from(s);
      // The logits as a one-column X with w = 1, b = 0: computeCostVectorized sees exactly z.
      const X = { rows: z.length, cols: 1, data: z };
      const w = Float64Array.of(1);
      const cost = lr.computeCostVectorized(X, y, w, 0);
      expectWithin("logLoss(y, z)", lr.logLoss(y, z), cost, {
        bound: 2 * costRoundingBound(X, y, w, 0),
        reason: "2 × the rounding bound of one evaluation of the cost",
      });
    },
  });
});

test("a worked example: six rows, their probabilities and labels, and every metric by hand", () => {
  // p: 0.9, 0.5, 0.2, 0.7, 0.4, 0.5 against y: 1, 1, 0, 0, 1, 0.
  // Predicted 1 when p ≥ 0.5: 1, 1, 0, 1, 0, 1 → TP 2 (rows 0, 1), FP 2 (rows 3, 5), TN 1 (row 2),
  // FN 1 (row 4). accuracy 3/6, precision 2/4, recall 2/3, F1 4/7.
  // AUC over the 3 × 3 pairs (positives 0.9, 0.5, 0.4; negatives 0.2, 0.7, 0.5):
  //   0.9 wins 3; 0.5 wins against 0.2, ties 0.5 (½), loses to 0.7 → 1.5; 0.4 wins 1 → 5.5/9.
  const input = { p: [0.9, 0.5, 0.2, 0.7, 0.4, 0.5], y: [1, 1, 0, 0, 1, 0] };
  checkExample({
    step,
    hint: "count the four outcomes by hand (0.5 is a positive prediction) and compare each ratio",
    input,
    check: ({ p, y }) => {
      const labels = Float64Array.from(y);
      const c = lr.confusionMatrix(labels, Float64Array.from(p));
      const counts = { truePositives: 2, falsePositives: 2, trueNegatives: 1, falseNegatives: 1 };
      for (const key of Object.keys(counts) as (keyof ConfusionMatrix)[])
        expectThat(
          `confusionMatrix(y, p).${key}`,
          c[key] === counts[key],
          String(counts[key]),
          c[key],
        );
      const ratio = { bound: gamma(2), reason: "one division of small integers" };
      expectWithin("accuracy", lr.accuracy(c), 1 / 2, exactly("3/6 = 1/2 is exact"));
      expectWithin("precision", lr.precision(c) ?? NaN, 1 / 2, exactly("2/4 is exact"));
      expectWithin("recall", lr.recall(c) ?? NaN, 2 / 3, ratio);
      expectWithin("f1", lr.f1(c) ?? NaN, 4 / 7, ratio);
      expectWithin("rocAuc(y, p)", lr.rocAuc(labels, Float64Array.from(p)) ?? NaN, 5.5 / 9, ratio);
      const none = { truePositives: 0, falsePositives: 0, trueNegatives: 4, falseNegatives: 2 };
      expectThat(
        "precision with nothing predicted positive",
        lr.precision(none) === null,
        "null (0/0 is undefined)",
        show(lr.precision(none)),
      );
      expectThat(
        "rocAuc with one class only",
        lr.rocAuc(Float64Array.of(1, 1), Float64Array.of(0.2, 0.8)) === null,
        "null",
        show(lr.rocAuc(Float64Array.of(1, 1), Float64Array.of(0.2, 0.8))),
      );
    },
  });
});
