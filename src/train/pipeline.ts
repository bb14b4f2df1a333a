import type { Model } from "../contract.js";
import { rowView } from "../matrix.js";
import {
  FIXTURE_COEFFICIENTS,
  FIXTURE_SHA256,
  fitFeatures,
  fixtureCoefficientsFor,
  loadBankCsv,
  selectRows,
  stratifiedSplit,
} from "../data/index.js";
import type { FeatureTransform } from "../data/index.js";
import { newtonOptimum, standardErrors } from "../optimum/index.js";
import type { NewtonResult } from "../optimum/index.js";
import { computeCostVectorized, computeGradientsVectorized } from "../reference/index.js";
import type { TrainConfig } from "./cli.js";
import { evaluateBaseline, evaluateModel } from "./evaluate.js";
import { divergenceWatch } from "./divergence.js";
import { runGradientDescent } from "./gradient-descent-run.js";
import { InputError } from "./input-error.js";
import { chooseGradient, loadImplementation } from "./implementation.js";
import { SCHEMA_VERSION } from "./report.js";
import type {
  EvaluationRecord,
  ModelRecord,
  OptimumRecord,
  Report,
  TruthRecord,
} from "./report.js";
import { NEWTON_METHOD, optimumSkipped } from "./optimum-bound.js";
import { firstDifferingStep } from "./step-comparison.js";
import { verifyAtTrainedPoint } from "./verification.js";

/** What the pipeline tells the terminal as it goes (see progress.ts). */
export interface PipelineEvents {
  /** A step starts: "load", "train", "optimum", "verify", "evaluate". */
  step(name: string): void;
  /** The article's run recorded the cost after `epoch` (1-based). */
  epoch(epoch: number, epochs: number, cost: number): void;
  /** Training diverges (said once per run, as soon as it is seen; training goes on). */
  diverged(description: string): void;
}

/** The report without its run metadata, and the training time (which goes into the metadata). */
export interface PipelineResult {
  report: Omit<Report, "run">;
  trainingMs: number;
  /**
   * With `--impl impl`: the first article step where the learner's values differ from the
   * reference's beyond rounding, as a sentence ("step 6 differs first: …"); null when none does.
   * Undefined for the reference and fast implementations, whose steps 5, 6 and 9 are the reference's.
   */
  firstDifference?: string | null;
}

/**
 * The whole computation, one way: CSV → validated table → the article's features →
 * standardized matrix → the article's gradient-descent run → exact optimum → verification at
 * the trained point → held-out evaluation → (on the fixture) the generating coefficients.
 * A function of `config` and the data file's bytes alone: same inputs, same report.
 */
export async function runPipeline(
  config: TrainConfig,
  events: PipelineEvents,
): Promise<PipelineResult> {
  events.step("load");
  const { table, audit } = await loadBankCsv(config.data, {
    dropInvalidRows: config.dropInvalidRows,
  });
  const lr = await loadImplementation(config.impl);
  const transform = fitFeatures(table, lr);
  const { X, y } = transform.transform(table);
  const names = transform.featureNames;
  const gradientFunction = chooseGradient(lr, config.gradient);
  const settings = { alpha: config.alpha, epochs: config.epochs, gradientFunction };

  events.step("train");
  const initialCost = lr.computeCostVectorized(X, y, new Float64Array(X.cols), 0);
  const watch = divergenceWatch(X.rows, initialCost, names, events.diverged);
  const run = runGradientDescent(lr, X, y, settings, (epoch, cost) => {
    watch.epoch(epoch, cost);
    events.epoch(epoch, config.epochs, cost);
  });
  const divergence = watch.finish(run.model, config.epochs);
  const skipped = optimumSkipped(X.cols);
  events.step("optimum");
  const exact: { optimum: NewtonResult } | { skipped: string } =
    skipped === null ? { optimum: newtonOptimum(X, y) } : { skipped };
  events.step("verify");
  const verification = verifyAtTrainedPoint(lr, X, y, run.model, names);
  events.step("evaluate");
  const { evaluation, test, heldOut } = evaluateHeldOut(config, table, y, lr, settings, events);

  const report: Omit<Report, "run"> = {
    schemaVersion: SCHEMA_VERSION,
    config,
    data: { file: config.data, sha256: audit.sha256, rows: table.rows, audit },
    features: featureRecords(transform),
    training: {
      implementation: `src/${config.impl}`,
      gradient: GRADIENT_DESCRIPTIONS[config.gradient],
      initialization: "zeros",
      initialCost,
      costHistory: run.costHistory,
      divergence,
    },
    model: modelRecord(names, run.model),
    optimum:
      "skipped" in exact
        ? { method: NEWTON_METHOD, skipped: exact.skipped }
        : optimumRecord(names, exact.optimum, run.model, {
            cost: computeCostVectorized(X, y, run.model.w, run.model.b),
            ...computeGradientsVectorized(X, y, run.model.w, run.model.b),
          }),
    verification,
    evaluation,
    // The fixture has 45 features, so its optimum is never skipped.
    truth:
      audit.sha256 === FIXTURE_SHA256 && "optimum" in exact
        ? truthRecord(transform, run.model, exact.optimum, standardErrors(X, exact.optimum))
        : null,
  };
  if (config.impl !== "impl") return { report, trainingMs: run.milliseconds };
  const testLogits = new Float64Array(test.X.rows);
  for (let i = 0; i < test.X.rows; i++)
    testLogits[i] = lr.predict(rowView(test.X, i), heldOut.model.w, heldOut.model.b);
  const firstDifference = firstDifferingStep(
    table,
    lr,
    { transform, X, y, run, test: { y: test.y, z: testLogits } },
    settings,
  );
  return { report, trainingMs: run.milliseconds, firstDifference };
}

/** How the report names each --gradient choice. */
const GRADIENT_DESCRIPTIONS: Record<TrainConfig["gradient"], string> = {
  default: "the implementation's gradientDescent default",
  loop: "computeGradients (per-example loop)",
  vectorized: "computeGradientsVectorized",
};

/** Each feature of the full-data fit: its name, how it was derived, its mean and scale. */
function featureRecords(transform: FeatureTransform): Report["features"] {
  return transform.featureNames.map((name, j) => {
    const { source, kind, description } = transform.derivations[j];
    return {
      name,
      derivation: { source, kind, description },
      mean: transform.means[j],
      scale: transform.scales[j],
    };
  });
}

type Implementation = Awaited<ReturnType<typeof loadImplementation>>;
type Settings = Parameters<typeof runGradientDescent>[3];
type Table = Awaited<ReturnType<typeof loadBankCsv>>["table"];

/**
 * The held-out evaluation: a stratified split, the features fitted on the training rows only,
 * the article's run on them (watched for divergence), and every metric on both sides with the
 * majority-class baseline. `y` is the labels of the whole table, in its row order.
 */
function evaluateHeldOut(
  config: TrainConfig,
  table: Table,
  y: Float64Array,
  lr: Implementation,
  settings: Settings,
  events: PipelineEvents,
) {
  const split = splitForEvaluation(config, y);
  const trainTable = selectRows(table, split.train);
  const fitted = fitFeatures(trainTable, lr);
  const train = fitted.transform(trainTable);
  const test = fitted.transform(selectRows(table, split.test));
  const heldOutWatch = divergenceWatch(
    train.X.rows,
    lr.computeCostVectorized(train.X, train.y, new Float64Array(train.X.cols), 0),
    fitted.featureNames,
    (description) => events.diverged(`evaluation: ${description}`),
  );
  const heldOut = runGradientDescent(lr, train.X, train.y, settings, heldOutWatch.epoch);
  const count = (labels: Float64Array) => labels.reduce((sum, label) => sum + label, 0);
  const evaluation: EvaluationRecord = {
    split: {
      method: "stratified by label, seeded Fisher–Yates shuffle per class (mulberry32)",
      seed: config.seed,
      testFraction: config.testFraction,
      trainRows: train.X.rows,
      testRows: test.X.rows,
      trainPositives: count(train.y),
      testPositives: count(test.y),
    },
    unseenLevels: test.unseenLevels,
    features: fitted.featureNames.map((name, j) => ({
      name,
      mean: fitted.means[j],
      scale: fitted.scales[j],
    })),
    model: { bias: heldOut.model.b, weights: weightObject(fitted.featureNames, heldOut.model.w) },
    trainCost: heldOut.costHistory[heldOut.costHistory.length - 1],
    divergence: heldOutWatch.finish(heldOut.model, config.epochs),
    train: evaluateModel(train.X, train.y, heldOut.model, lr),
    test: evaluateModel(test.X, test.y, heldOut.model, lr),
    baseline: evaluateBaseline(train.y, test.y, lr),
  };

  return { evaluation, test, heldOut };
}

/** The stratified split, or an InputError naming the file when the data is too small for it. */
function splitForEvaluation(config: TrainConfig, y: Float64Array) {
  try {
    return stratifiedSplit(y, config.testFraction, config.seed);
  } catch (error) {
    throw new InputError(
      `${config.data}: cannot hold out a test part for evaluation: ${(error as Error).message} (use more rows or another --test-fraction)`,
    );
  }
}

function weightObject(names: readonly string[], w: Float64Array): Record<string, number> {
  return Object.fromEntries(names.map((name, j) => [name, w[j]]));
}

function modelRecord(names: readonly string[], model: Model): ModelRecord {
  const byMagnitude = names
    .map((name, j) => ({ name, weight: model.w[j], oddsRatioPerSd: Math.exp(model.w[j]), j }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.j - b.j)
    .map(({ name, weight, oddsRatioPerSd }) => ({ name, weight, oddsRatioPerSd }));
  return { bias: model.b, weights: weightObject(names, model.w), byMagnitude };
}

function optimumRecord(
  names: readonly string[],
  optimum: NewtonResult,
  trained: Model,
  /** The reference's cost and gradient at the trained point. */
  atTrained: { cost: number; dw: Float64Array; db: number },
): OptimumRecord {
  const differences = names.map((name, j) => ({ name, d: Math.abs(trained.w[j] - optimum.w[j]) }));
  const largest = differences.reduce((a, b) => (b.d > a.d ? b : a), { name: "none", d: 0 });
  return {
    method: NEWTON_METHOD,
    converged: optimum.converged,
    iterations: optimum.iterations,
    cost: optimum.cost,
    bias: optimum.b,
    weights: weightObject(names, optimum.w),
    gradientNorm: optimum.gradientNorm,
    decrement: optimum.decrement,
    gap: {
      cost: atTrained.cost - optimum.cost,
      maxWeightDifference: largest.d,
      maxWeightDifferenceAt: largest.name,
      bias: trained.b - optimum.b,
      gradientNormAtTrained: Math.max(...atTrained.dw.map(Math.abs), Math.abs(atTrained.db)),
    },
  };
}

function truthRecord(
  transform: FeatureTransform,
  trained: Model,
  optimum: NewtonResult,
  se: Float64Array | null,
): TruthRecord {
  const generating = fixtureCoefficientsFor(transform);
  const names = [...transform.featureNames, "bias"];
  const pick = (m: Model, k: number) => (k < m.w.length ? m.w[k] : m.b);
  const coefficients = names.map((name, k) => ({
    name,
    generating: pick(generating, k),
    trained: pick(trained, k),
    optimum: pick(optimum, k),
    standardError: se === null ? null : se[k],
    z: se === null ? null : (pick(optimum, k) - pick(generating, k)) / se[k],
  }));
  const maxDifference = (key: "trained" | "optimum") =>
    Math.max(...coefficients.map((c) => Math.abs(c[key] - c.generating)));
  return {
    note: `The fixture's labels are drawn from a logistic model on the ${FIXTURE_COEFFICIENTS.space}; here it is expressed in the standardized space of the trained model (wⱼ·sⱼ, and b + Σ wⱼ·μⱼ), so the columns are directly comparable. The optimum is the maximum-likelihood estimate: it differs from the generating values by sampling noise, measured by its asymptotic standard error √[(mH)⁻¹]ⱼⱼ and z = (optimum − generating)/SE (|z| up to about 3 is expected among 46 parameters); the trained column adds the distance of the gradient-descent run from the optimum.`,
    coefficients,
    maxAbsDifferenceTrained: maxDifference("trained"),
    maxAbsDifferenceOptimum: maxDifference("optimum"),
    maxAbsZ: se === null ? null : Math.max(...coefficients.map((c) => Math.abs(c.z ?? 0))),
  };
}
