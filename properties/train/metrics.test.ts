import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { logLoss } from "../../src/train/log-loss.js";
import { classificationMetrics, confusionMatrix } from "../../src/train/metrics.js";
import { rocAuc } from "../../src/train/roc-auc.js";
import { runs } from "../support/runs.js";

/** Labels with scores drawn from a handful of values, so that ties are common. */
const scored = fc
  .array(fc.record({ y: fc.constantFrom(0, 1), z: fc.integer({ min: -3, max: 3 }) }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((examples) => ({
    y: Float64Array.from(examples, (e) => e.y),
    z: Float64Array.from(examples, (e) => e.z),
  }));

/** The definition: P(score of a positive > score of a negative) + ½ P(equal), over all pairs. */
function pairwiseAuc(y: Float64Array, z: Float64Array): number | null {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++) {
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        wins += z[i] > z[j] ? 1 : z[i] === z[j] ? 0.5 : 0;
      }
    }
  return pairs === 0 ? null : wins / pairs;
}

describe("confusion matrix and threshold metrics", () => {
  test("a hand-checked case: predicted yes exactly when the logit is ≥ 0 (σ ≥ 0.5)", () => {
    const confusion = confusionMatrix(
      Float64Array.of(1, 1, 0, 0, 1),
      Float64Array.of(2, -1, 0.5, -3, 0),
    );
    expect(confusion).toEqual({
      truePositives: 2,
      falsePositives: 1,
      trueNegatives: 1,
      falseNegatives: 1,
    });
    const metrics = classificationMetrics(confusion);
    expect(metrics.accuracy).toBe(3 / 5);
    expect(metrics.precision).toBe(2 / 3);
    expect(metrics.recall).toBe(2 / 3);
    expect(metrics.f1).toBe(2 / 3);
  });

  test("with no predicted positives precision and F1's inputs are undefined, shown as null, not 0", () => {
    const metrics = classificationMetrics(
      confusionMatrix(Float64Array.of(0, 1, 0), Float64Array.of(-1, -2, -3)),
    );
    expect(metrics.precision).toBeNull();
    expect(metrics.recall).toBe(0);
    expect(metrics.f1).toBe(0);
  });

  test("the four counts partition the examples and F1 is the harmonic mean of precision and recall", () => {
    fc.assert(
      fc.property(scored, ({ y, z }) => {
        const metrics = classificationMetrics(confusionMatrix(y, z));
        const { truePositives, falsePositives, trueNegatives, falseNegatives } = metrics.confusion;
        expect(truePositives + falsePositives + trueNegatives + falseNegatives).toBe(y.length);
        if (
          metrics.precision !== null &&
          metrics.recall !== null &&
          metrics.precision + metrics.recall > 0
        ) {
          const harmonic =
            (2 * metrics.precision * metrics.recall) / (metrics.precision + metrics.recall);
          expect(metrics.f1).toBeCloseTo(harmonic, 14);
        }
      }),
      { numRuns: runs },
    );
  });
});

describe("ROC AUC", () => {
  test("a hand-checked case with ties: positives {3, 2, 2}, negatives {2, 1} give (2 + 1.5 + 1.5)/6", () => {
    expect(rocAuc(Float64Array.of(1, 1, 1, 0, 0), Float64Array.of(3, 2, 2, 2, 1))).toBe(5 / 6);
  });

  test("equals the pairwise definition, ties counting one half", () => {
    fc.assert(
      fc.property(scored, ({ y, z }) => {
        const expected = pairwiseAuc(y, z);
        const actual = rocAuc(y, z);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 12);
      }),
      { numRuns: runs },
    );
  });

  test("is the same for logits and for probabilities σ(z) (a monotone transform)", () => {
    fc.assert(
      fc.property(scored, ({ y, z }) => {
        expect(
          rocAuc(
            y,
            z.map((zi) => 1 / (1 + Math.exp(-zi))),
          ),
        ).toBe(rocAuc(y, z));
      }),
      { numRuns: runs },
    );
  });

  test("a constant score gives exactly 0.5; a single class gives null", () => {
    expect(rocAuc(Float64Array.of(1, 0, 0, 1), new Float64Array(4))).toBe(0.5);
    expect(rocAuc(Float64Array.of(1, 1), Float64Array.of(1, 2))).toBeNull();
  });
});

describe("log-loss", () => {
  test("is ln 2 at z = 0 and stays exact where σ saturates (no clipping)", () => {
    expect(logLoss(Float64Array.of(1, 0), Float64Array.of(0, 0))).toBe(Math.LN2);
    // −log(1 − σ(800)) = 800 + log1p(e^−800) = 800 exactly in double precision; a clip at
    // 1e-15 would give 34.5.
    expect(logLoss(Float64Array.of(0), Float64Array.of(800))).toBe(800);
  });

  test("agrees with −[y log p + (1 − y) log(1 − p)] where p is not saturated", () => {
    fc.assert(
      fc.property(scored, ({ y, z }) => {
        const naive =
          y.reduce((sum, yi, i) => {
            const p = 1 / (1 + Math.exp(-z[i]));
            return sum - (yi * Math.log(p) + (1 - yi) * Math.log(1 - p));
          }, 0) / y.length;
        // |z| ≤ 3: 1 − p ≥ 0.047, so the naive form loses at most a few ulps per term.
        expect(logLoss(y, z)).toBeCloseTo(naive, 13);
      }),
      { numRuns: runs },
    );
  });
});
