import { expect, test } from "vitest";
import { classificationMetrics, confusionMatrix } from "../../src/train/metrics.js";

/**
 * The train script's metrics take logits, not probabilities: what is the train script's own is
 * the threshold on z (σ(z) ≥ 0.5 exactly when z ≥ 0). The metrics themselves are the contract's
 * (properties/model/9-evaluation.test.ts checks them against every implementation).
 */

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
