import fc from "fast-check";
import { test } from "vitest";
import type { ConfusionMatrix } from "../../src/contract.js";
import { costRoundingBound, gamma } from "../../src/numerics/rounding.js";
import { anyDouble } from "../support/arbitraries.js";
import { PropertyViolation, exactly, expectThat, expectWithin } from "../support/expectations.js";
import { guardArguments } from "../support/guard.js";
import { reference } from "../support/oracle.js";
import { logLossHint } from "../support/loss-formula.js";
import { ratioMetricHint } from "../support/metric-hint.js";
import type { RatioMetric } from "../support/metric-hint.js";
import { checkExample, checkProperty } from "../support/property.js";
import { requireFunctions } from "../support/step-functions.js";

/** Each function fails first, as itself, if it changes an argument (support/guard.ts). */
const lr = guardArguments(
  requireFunctions("confusionMatrix", "accuracy", "precision", "recall", "f1", "rocAuc", "logLoss"),
);

const step =
  "step 9 — evaluation: predicted 1 when p ≥ 0.5, confusion matrix, accuracy, precision, recall, F1, ROC AUC (ties ½), log-loss";

/** Probabilities that are often exactly 0.5 or the doubles next to it, and often tied. */
const probability = fc.oneof(
  fc.constantFrom(0, 0.25, 0.5, 0.5 - 2 ** -54, 0.5 + 2 ** -53, 0.75, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

/** Probabilities as a careless caller passes them: NaN, ±Infinity, and values outside [0, 1]. */
const specialProbability = fc.oneof(
  probability,
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1.5, -0.5),
);

/** Thresholds: 0 (falsy: a default written `threshold || 0.5` replaces it), 1, ±Infinity, NaN's neighbours, any in [0, 1]. */
const threshold = fc.oneof(
  fc.constantFrom(0, -0, 1, 0.5, 0.25, Infinity, -Infinity, Number.MIN_VALUE),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

/** The counts of the rows of y predicted positive when p ≥ t, by definition (NaN ≥ t is false). */
function countsAt(y: Float64Array, p: Float64Array, t: number): ConfusionMatrix {
  const expected = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < y.length; i++) {
    if (p[i] >= t) expected[y[i] === 1 ? "truePositives" : "falsePositives"]++;
    else expected[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
  }
  return expected;
}

/** Same counts, all four. */
const sameCounts = (a: ConfusionMatrix, b: ConfusionMatrix) =>
  (Object.keys(a) as (keyof ConfusionMatrix)[]).every((key) => a[key] === b[key]);

/**
 * The hint for counts `c` that are off at threshold t, earned from the counts themselves: the
 * counts at 0.5 for another (falsy) threshold, or the counts with NaN probabilities taken as
 * positive; undefined (the property's neutral hint) otherwise.
 */
function thresholdHint(y: Float64Array, p: Float64Array, t: number, c: ConfusionMatrix) {
  if (t !== 0.5 && sameCounts(c, countsAt(y, p, 0.5))) {
    return `these are the counts at 0.5, not at the threshold given, ${t}: a default written \`threshold || 0.5\` replaces a falsy 0 — test for undefined (\`threshold ?? 0.5\`, or a default parameter)`;
  }
  const nanPositive = countsAt(
    y,
    p.map((v) => (Number.isNaN(v) ? Infinity : v)),
    t,
  );
  if (p.some(Number.isNaN) && sameCounts(c, nanPositive)) {
    return "these are the counts with each NaN probability predicted positive: NaN ≥ t is false, so a NaN is a negative prediction — test p >= threshold itself, not !(p < threshold)";
  }
  return undefined;
}

/** Runs `check`, giving its violation `hint` when there is one. */
function blamingHint(hint: string | undefined, check: () => void) {
  try {
    check();
  } catch (error) {
    if (hint && error instanceof PropertyViolation) error.detail.hint = hint;
    throw error;
  }
}

/** Checks each of the four counts of `actual` against `expected`. */
function expectCounts(checked: string, actual: ConfusionMatrix, expected: ConfusionMatrix) {
  for (const key of Object.keys(expected) as (keyof ConfusionMatrix)[]) {
    expectThat(
      `${checked}.${key}`,
      actual[key] === expected[key],
      String(expected[key]),
      actual[key],
    );
  }
}

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

/**
 * Labelled logits near ±1e308, where a loss is as large as its logit: two rows whose label
 * disagrees with a logit near 1e308 already make a plain Σ Lᵢ overflow before the division by m.
 */
const hugeLogits = labelled(
  fc.oneof(
    fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 9e307),
    fc.double({ min: -1e308, max: 1e308, noNaN: true }),
  ),
);

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
    blames: "confusionMatrix",
    clauses: ["confusionMatrix.counts", "confusionMatrix.default-threshold"],
    inputs: labelled(probability).map(({ y, s }) => ({ y, p: Float64Array.from(s) })),
    check: ({ y, p }) => {
      const c = lr.confusionMatrix(y, p);
      const sum = c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives;
      expectThat("TP + FP + TN + FN", sum === y.length, `${y.length} (one count per row)`, sum);
      expectCounts("confusionMatrix(y, p)", c, countsAt(y, p, 0.5));
    },
  });
});

test("the confusion matrix uses a given threshold as it is (0, 1 and ±Infinity included), counts a NaN probability negative and ±Infinity by its sign, and returns a new object each call", () => {
  checkProperty({
    step,
    hint: "count the rows with p ≥ threshold by hand for the counterexample's threshold and probabilities, and compare with each count",
    blames: "confusionMatrix",
    clauses: [
      "confusionMatrix.threshold",
      "confusionMatrix.special-probabilities",
      "confusionMatrix.new-result",
      "confusionMatrix.no-mutation",
    ],
    inputs: fc.record({
      first: labelled(specialProbability).map(({ y, s }) => ({ y, p: Float64Array.from(s) })),
      second: labelled(probability).map(({ y, s }) => ({ y, p: Float64Array.from(s) })),
      t: threshold,
    }),
    check: ({ first, second, t }) => {
      const c = lr.confusionMatrix(first.y, first.p, t);
      const kept = { ...c };
      blamingHint(thresholdHint(first.y, first.p, t, c), () =>
        expectCounts(`confusionMatrix(y, p, ${t})`, c, countsAt(first.y, first.p, t)),
      );
      const later = lr.confusionMatrix(second.y, second.p, t);
      expectThat(
        "confusionMatrix(first…) and confusionMatrix(second…)",
        later !== c,
        "two different objects",
        "the same object, returned by both calls",
        "both calls returned one object, so the second call's counts overwrote the first's: build a new result object in every call",
      );
      expectCounts("confusionMatrix(first…) after a second call", c, kept);
    },
  });
});

test("the confusion matrix of no rows is four zero counts, and its accuracy is NaN (0/0), the others null", () => {
  checkExample({
    step,
    hint: "with m = 0 every count is 0: accuracy (TP + TN)/m is 0/0 = NaN (the contract); precision, recall and F1 are null, their denominators being 0",
    blames: "accuracy",
    clauses: [
      "confusionMatrix.empty",
      "accuracy.empty",
      "precision.undefined",
      "recall.undefined",
      "f1.undefined",
    ],
    input: { y: new Float64Array(0), p: new Float64Array(0) },
    check: ({ y, p }) => {
      const c = lr.confusionMatrix(y, p);
      expectCounts("confusionMatrix([], [])", c, countsAt(y, p, 0.5));
      const empty = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
      const a = lr.accuracy(empty);
      expectThat(
        "accuracy of an empty matrix",
        Number.isNaN(a),
        "NaN (0/0)",
        show(a),
        `with m = 0 every count is 0 and accuracy (TP + TN)/m is 0/0, which the contract says is NaN, not ${show(a)}: divide as it is, without a guard for m = 0`,
      );
      for (const [name, value] of [
        ["precision", lr.precision(empty)],
        ["recall", lr.recall(empty)],
        ["f1", lr.f1(empty)],
      ] as const) {
        expectThat(
          `${name} of an empty matrix`,
          value === null,
          "null (0/0)",
          show(value),
          `with m = 0 every count is 0, so ${name}'s denominator is 0: return null (undefined), not ${show(value)}${Number.isNaN(value) ? " — a plain 0/0 gives NaN; test the denominator first" : ""}`,
        );
      }
    },
  });
});

test("accuracy, precision, recall and F1 are their ratios of the counts, within [0, 1], and null exactly when their denominator is 0", () => {
  checkProperty({
    step,
    hint: "precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN); a ratio with denominator 0 is null, never NaN or 0",
    blames: "accuracy",
    clauses: [
      "accuracy.ratio",
      "precision.ratio",
      "precision.undefined",
      "recall.ratio",
      "recall.undefined",
      "f1.ratio",
      "f1.undefined",
    ],
    inputs: confusion.filter(
      (c) => c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives > 0,
    ),
    check: (c) => {
      const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = c;
      const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
      const cases: [RatioMetric, number | null, number | null][] = [
        ["accuracy", lr.accuracy(c), (tp + tn) / (tp + fp + tn + fn)],
        ["precision", lr.precision(c), ratio(tp, tp + fp)],
        ["recall", lr.recall(c), ratio(tp, tp + fn)],
        ["f1", lr.f1(c), ratio(2 * tp, 2 * tp + fp + fn)],
      ];
      for (const [name, actual, expected] of cases) {
        // The hint is earned: computed from these counts and what the function returned.
        const hint = ratioMetricHint(name, c, actual);
        if (expected === null || actual === null) {
          expectThat(
            `${name}(c)`,
            actual === expected,
            `${show(expected)}${expected === null ? " (the denominator is 0)" : ""}`,
            show(actual),
            hint,
          );
          continue;
        }
        expectThat(`${name}(c)`, actual >= 0 && actual <= 1, "a number in [0, 1]", actual, hint);
        expectWithin(
          `${name}(c)`,
          actual,
          expected,
          { bound: 4 * gamma(2) * expected, reason: "a ratio of integers: a few roundings" },
          hint,
        );
      }
    },
  });
});

test("ROC AUC is the share of (positive, negative) pairs the positive wins, a tie counting ½; null with one class only", () => {
  checkProperty({
    step,
    hint: "AUC = P(score of a random positive > score of a random negative) + ½ P(tie): tied scores share their mean rank",
    blames: "rocAuc",
    clauses: ["rocAuc.pairs", "rocAuc.one-class"],
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
    blames: "rocAuc",
    clauses: ["rocAuc.invariance"],
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

test("log-loss of the logits is the mean loss within rounding of the reference's, saturated and huge logits (up to ±1e308) included, and finite whenever every logit is", () => {
  // The oracle is the reference's logLoss (step 2's loss of each logit, then a mean that cannot
  // overflow), never the implementation's own step-2 cost: a step-2 mistake is step 2's to report.
  checkProperty({
    step,
    hint: "log-loss is step 2's cost of the same logits: evaluate it at the counterexample's logits one example at a time, then their mean",
    blames: "logLoss",
    clauses: ["logLoss.value", "logLoss.huge", "logLoss.no-mutation"],
    inputs: fc.oneof(
      labelled(
        fc.oneof(
          fc.double({ min: -800, max: 800, noNaN: true }),
          fc.constantFrom(0, 36.7, -40, 1e10, -1e300, 1e308, -1e308, Number.MAX_VALUE),
        ),
      ),
      hugeLogits,
    ),
    check: ({ y, s }) => {
      const z = Float64Array.from(s);
      // The logits as a one-column X with w = 1, b = 0: the bound of step 2's cost applies as it is.
      const X = { rows: z.length, cols: 1, data: z };
      const w = Float64Array.of(1);
      const expected = reference.logLoss(y, z);
      const actual = lr.logLoss(y, z);
      const hint = () => logLossHint(lr.logLoss, y, z);
      expectThat(
        "logLoss(y, z)",
        Number.isFinite(actual),
        `a finite number (every logit is finite): ${expected}`,
        actual,
        Number.isFinite(actual) ? undefined : hint(),
      );
      const bound = 2 * costRoundingBound(X, y, w, 0);
      expectWithin(
        "logLoss(y, z)",
        actual,
        expected,
        {
          bound,
          reason:
            "2 × the rounding bound of one evaluation of the cost; expected is the reference's",
        },
        Object.is(actual, expected) || Math.abs(actual - expected) <= bound ? undefined : hint(),
      );
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
    blames: "confusionMatrix",
    clauses: [
      "confusionMatrix.counts",
      "accuracy.ratio",
      "precision.ratio",
      "precision.undefined",
      "recall.ratio",
      "f1.ratio",
      "rocAuc.pairs",
      "rocAuc.one-class",
    ],
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
