import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import type { Model } from "../../src/contract.js";
import { FIXTURE_PATH, fitFeatures, loadBankCsv } from "../../src/data/index.js";
import type { FeatureTransform } from "../../src/data/index.js";
import { computeGradientsVectorized, gradientDescent } from "../../src/reference/index.js";

/**
 * Parity with the article's Python, without Python: fixtures/article-golden.json is the article's
 * own pandas/numpy/sklearn run (scripts/article.py --golden) on the synthetic fixture, and the
 * kit's pipeline must reproduce it.
 */

const REGENERATE = "npm run golden";
const GOLDEN_PATH = fileURLToPath(new URL("../../fixtures/article-golden.json", import.meta.url));

/** The article's run: batch gradient descent from w = 0, b = 0. */
const ALPHA = 0.1;
const EPOCHS = 1000;

/**
 * StandardScaler's mean_ and scale_: exact (0 differences measured, all 45 of each). The kit
 * fits them as sklearn does (the corrected two-pass variance, each sum pairwise in numpy's
 * blocks of 8192), bit for bit by design, so any difference at all is a regression.
 */
const SCALER_TOLERANCE = 0;

/**
 * Cost after each of the 1000 epochs, relative: measured max 9.9e-15 (at epoch 921; 976 of the
 * 1000 costs differ, by up to 5.2e-15 absolute). The gap is summation order, not the formula:
 * the kit's cost is the stable log1pexp form and the article's is log(clip(σ(z))) and
 * log(1 − clip(σ(z))), which loses digits where σ(z) is near 1; but on the fixture |z| stays
 * below 18.8, and numpy's own stable form (np.logaddexp, `stableCostHistory`) differs from the
 * article's cost by at most 4.2e-16 relative and from the kit's by the same 9.9e-15. What
 * remains is the mean of 11,162 positive losses: the kit sums them left to right (rounding
 * error typically √m·ε ≈ 1.2e-14 relative, at worst (m − 1)·ε/2 ≈ 1.2e-12), numpy pairwise; the
 * logits are also summed in another order (BLAS). 5e-12 is four times that worst case, and
 * 500 times the measured figure: a change to the update or the cost is far above it (alpha
 * 0.1000001 instead of 0.1 moves the costs by up to 1.2e-7 relative, w by 8.2e-8).
 */
const COST_RELATIVE_TOLERANCE = 5e-12;

/**
 * Final w and b, absolute: measured max 8.3e-17 for w (30 of 45 weights differ; |w| ≤ 1.85,
 * whose ulp is 2.2e-16) and 0 for b (the same bits). The gradients are sums over the rows in
 * another order than numpy's (Xᵀe in BLAS, np.sum pairwise), so the weights differ in their
 * last bits, and descent does not amplify it (on the real file: 5.6e-16 for w, 2.6e-17 for b).
 * 1e-15, about 4.5 ulps of the largest weight, covers that; b gets the same bound, as its update
 * is the same kind of sum (equal bits here are luck of the rounding, not a design).
 */
const PARAMETER_TOLERANCE = 1e-15;

/** The clip at 1e-15 changes the article's cost only where |z| > log(1e15 − 1) ≈ 34.54. */
const CLIP_LOGIT = Math.log(1e15 - 1);

interface Golden {
  generatedBy: string;
  source: { file: string; sha256: string };
  alpha: number;
  epochs: number;
  features: string[];
  means: number[];
  scales: number[];
  costHistory: number[];
  stableCostHistory: number[];
  weights: number[];
  bias: number;
  maxAbsLogit: number;
  versions: Record<string, string>;
}

const golden = JSON.parse(readFileSync(GOLDEN_PATH, "utf8")) as Golden;
const fixtureSha256 = createHash("sha256").update(readFileSync(FIXTURE_PATH)).digest("hex");
const sameSource = fixtureSha256 === golden.source.sha256;
const madeWith = Object.entries(golden.versions)
  .map(([name, version]) => `${name} ${version}`)
  .join(", ");

/** The largest difference of `ours` from `theirs`, where, and a sentence saying so. */
function worstDifference(
  what: (k: number) => string,
  ours: ArrayLike<number>,
  theirs: readonly number[],
  relative: boolean,
): { difference: number; message: string } {
  expect(ours.length, `${what(0)}: lengths`).toBe(theirs.length);
  let worst = { difference: -1, k: 0 };
  for (let k = 0; k < theirs.length; k++) {
    const absolute = Math.abs(ours[k] - theirs[k]);
    const scale = Math.max(Math.abs(ours[k]), Math.abs(theirs[k]));
    const difference = relative ? (absolute === 0 ? 0 : absolute / scale) : absolute;
    // NaN compares false: a NaN anywhere becomes the worst difference.
    if (!(difference <= worst.difference)) worst = { difference, k };
  }
  const { difference, k } = worst;
  return {
    difference,
    message:
      `${what(k)}: kit ${ours[k]}, article (${madeWith}) ${theirs[k]}, ` +
      `${relative ? "relative" : "absolute"} difference ${difference.toExponential(2)}`,
  };
}

describe(`parity with the article's Python (${golden.generatedBy})`, () => {
  test("the golden file was made from the committed fixture, with the article's settings", () => {
    expect(
      fixtureSha256,
      `fixtures/bank.csv (SHA-256 ${fixtureSha256}) is not the file fixtures/article-golden.json was made from ` +
        `(${golden.source.sha256}); regenerate the golden file with \`${REGENERATE}\` ` +
        "(Python with numpy, pandas and scikit-learn) and commit it",
    ).toBe(golden.source.sha256);
    expect(golden.source.file).toBe("bank.csv");
    expect({ alpha: golden.alpha, epochs: golden.epochs }).toEqual({
      alpha: ALPHA,
      epochs: EPOCHS,
    });
    // Otherwise the article's clipped cost is not the function the kit computes.
    expect(golden.maxAbsLogit, "the article's clip at 1e-15 acts").toBeLessThan(CLIP_LOGIT);
  });

  describe.skipIf(!sameSource)("the kit's pipeline reproduces it", () => {
    let fitted: FeatureTransform;
    let model: Model;
    const costHistory: number[] = [];

    // 1000 epochs of the readable (unfused) path: ~4 s alone, 26 s at load 7 on 2 cores.
    beforeAll(async () => {
      const { table } = await loadBankCsv(FIXTURE_PATH);
      fitted = fitFeatures(table);
      const { X, y } = fitted.transform(table);
      model = gradientDescent(X, y, new Float64Array(X.cols), 0, {
        alpha: ALPHA,
        epochs: EPOCHS,
        gradientFunction: computeGradientsVectorized,
        costHistory,
      });
    }, 120_000);

    test("the same feature names, in the same order (pandas' get_dummies)", () => {
      expect(fitted.featureNames).toEqual(golden.features);
    });

    test("StandardScaler's means and scales, bit for bit", () => {
      const name = (k: number) => `feature ${k} (${golden.features[k]})`;
      const means = worstDifference((k) => `mean of ${name(k)}`, fitted.means, golden.means, false);
      expect(means.difference, means.message).toBeLessThanOrEqual(SCALER_TOLERANCE);
      const scales = worstDifference(
        (k) => `scale of ${name(k)}`,
        fitted.scales,
        golden.scales,
        false,
      );
      expect(scales.difference, scales.message).toBeLessThanOrEqual(SCALER_TOLERANCE);
    });

    test(`the cost after each of the ${EPOCHS} epochs, within ${COST_RELATIVE_TOLERANCE} relative`, () => {
      const costs = worstDifference(
        (k) => `cost after epoch ${k + 1}`,
        costHistory,
        golden.costHistory,
        true,
      );
      expect(costs.difference, costs.message).toBeLessThanOrEqual(COST_RELATIVE_TOLERANCE);
    });

    test(`the final w and b, within ${PARAMETER_TOLERANCE}`, () => {
      const w = worstDifference(
        (k) => `final w[${k}] (${golden.features[k]})`,
        model.w,
        golden.weights,
        false,
      );
      expect(w.difference, w.message).toBeLessThanOrEqual(PARAMETER_TOLERANCE);
      const b = worstDifference(() => "final b", [model.b], [golden.bias], false);
      expect(b.difference, b.message).toBeLessThanOrEqual(PARAMETER_TOLERANCE);
    });
  });
});
