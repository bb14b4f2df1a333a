import type { ArticleImplementation, Matrix } from "../contract.js";
import { fitFeatures } from "../data/index.js";
import type { BankTable, FeatureTransform } from "../data/index.js";
import * as fast from "../fast/index.js";
import * as reference from "../reference/index.js";
import { scoreMetrics } from "./evaluate.js";
import type { TrainingRun } from "./gradient-descent-run.js";
import { runGradientDescent } from "./gradient-descent-run.js";

/**
 * Beyond rounding: two values differ when |a − b| > RELATIVE · max(|a|, |b|, 1e-300). The
 * learner's plain sums and the reference's pairwise ones differ by ~1e-15 relative on the
 * article's data; a mistake differs by far more.
 */
const RELATIVE = 1e-9;

function differ(a: number, b: number): boolean {
  if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return false;
  return !(Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b), 1e-300));
}

const show = (value: unknown) =>
  typeof value === "number" ? String(value) : JSON.stringify(value);

/** What the learner's run computed, step by step, for {@link firstDifferingStep}. */
export interface LearnerRun {
  /** The features fitted on all rows by the learner's steps 5 and 6. */
  transform: FeatureTransform;
  /** Their standardized X. */
  X: Matrix;
  y: Float64Array;
  /** The article's run (step 7) with the learner's steps 1–4. */
  run: TrainingRun;
  /** Logits of the held-out test part and their labels, which the learner's step 9 evaluated. */
  test: { y: Float64Array; z: Float64Array };
}

/**
 * Compares the learner's run with the reference's, step by step in the article's order, each
 * step fed the reference's output of the step before, so that a difference is blamed on the
 * first step that makes it: step 5 (the encoded features, exactly), step 6 (means, scales and
 * the standardized values, to rounding), steps 1–4 through step 7 (the cost history, weights and
 * bias of the article's run), step 9 (the metrics of the same logits). Returns the first
 * difference beyond rounding, as a sentence, or null when there is none.
 */
export function firstDifferingStep(
  table: BankTable,
  learner: ArticleImplementation,
  mine: LearnerRun,
  settings: { alpha: number; epochs: number },
): string | null {
  const ref = fitFeatures(table);
  const yours = mine.transform;
  const names = ref.featureNames;
  if (yours.featureNames.join("\n") !== names.join("\n")) {
    const j = names.findIndex((name, k) => yours.featureNames[k] !== name);
    return `step 5 differs first: feature ${j + 1} is ${show(yours.featureNames[j])} in yours, ${show(names[j])} in the reference's (check oneHot's levels: their order and which one is dropped)`;
  }
  const refEncoded = ref.encode(table);
  // The learner's step 5 alone (the reference's scaler, whose fit is not used here).
  const encoded = fitFeatures(table, { ...learner, fitScaler: reference.fitScaler }).encode(table);
  for (let k = 0; k < refEncoded.data.length; k++) {
    if (!Object.is(encoded.data[k], refEncoded.data[k])) {
      const i = Math.floor(k / refEncoded.cols);
      const j = k % refEncoded.cols;
      return `step 5 differs first: feature ${names[j]}, row ${i + 1} (line ${table.lines[i]}): yours ${encoded.data[k]}, reference ${refEncoded.data[k]}`;
    }
  }
  const fitted = learner.fitScaler(refEncoded);
  for (const [what, a, b] of [
    ["mean", fitted.means, ref.means],
    ["scale", fitted.scales, ref.scales],
  ] as const) {
    for (let j = 0; j < names.length; j++) {
      if (differ(a[j], b[j])) {
        return `step 6 differs first: feature ${names[j]} ${what}: yours ${a[j]}, reference ${b[j]}`;
      }
    }
  }
  const refX = ref.transform(table).X;
  const standardized = learner.transformScaler(refEncoded, ref);
  for (let k = 0; k < refX.data.length; k++) {
    if (differ(standardized.data[k], refX.data[k])) {
      const i = Math.floor(k / refX.cols);
      return `step 6 differs first: transformScaler, feature ${names[k % refX.cols]}, row ${i + 1}: yours ${standardized.data[k]}, reference ${refX.data[k]}`;
    }
  }
  const refRun = runGradientDescent(fast, refX, mine.y, {
    ...settings,
    gradientFunction: undefined,
  });
  const series: [string, ArrayLike<number>, ArrayLike<number>][] = [
    ["costHistory", mine.run.costHistory, refRun.costHistory],
    ["weight", mine.run.model.w, refRun.model.w],
    ["bias", [mine.run.model.b], [refRun.model.b]],
  ];
  for (const [what, a, b] of series) {
    for (let k = 0; k < b.length; k++) {
      if (differ(a[k], b[k])) {
        const where = what === "weight" ? ` ${names[k]}` : what === "bias" ? "" : `[${k}]`;
        return `step 7 differs first (your steps 1–4 in the article's run): ${what}${where}: yours ${a[k]}, reference ${b[k]}`;
      }
    }
  }
  const { y, z } = mine.test;
  const sameModel = { predict: reference.predict, sigmoid: reference.sigmoid };
  const a = scoreMetrics(y, z, { ...learner, ...sameModel });
  const b = scoreMetrics(y, z, reference);
  const metrics = ["accuracy", "precision", "recall", "f1", "rocAuc", "logLoss"] as const;
  for (const key of Object.keys(b.confusion) as (keyof typeof b.confusion)[]) {
    if (a.confusion[key] !== b.confusion[key])
      return `step 9 differs first: confusionMatrix ${key}: yours ${a.confusion[key]}, reference ${b.confusion[key]}`;
  }
  for (const key of metrics) {
    const x = a[key];
    const r = b[key];
    if (x === null || r === null ? x !== r : differ(x, r))
      return `step 9 differs first: ${key} on the test part: yours ${show(x)}, reference ${show(r)}`;
  }
  return null;
}
