import type { DataAudit, Derivation } from "../data/index.js";
import type { TrainConfig } from "./cli.js";
import type { DivergenceRecord } from "./divergence.js";
import type { ClassificationMetrics } from "./metrics.js";
import type { Verification } from "./verification.js";

/**
 * The schema of report.json. Version 1's stable key paths (a contract for other tools):
 * data.sha256, data.rows, features[].name, features[].mean, features[].scale,
 * training.costHistory, model.bias, model.weights, optimum.cost, evaluation.test.accuracy,
 * evaluation.test.rocAuc (optimum.cost is absent when the optimum was skipped: see
 * {@link SkippedOptimumRecord}). Everything but `run` is a function of `config` and the data file's
 * bytes (byte-identical across runs); `run` holds what differs per run (time, host, timing).
 */
export const SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  /** What produced this report: re-running it (`--verify`) must give the same numbers. */
  config: TrainConfig;
  data: { file: string; sha256: string; rows: number; audit: DataAudit };
  features: FeatureRecord[];
  training: TrainingRecord;
  model: ModelRecord;
  optimum: OptimumRecord | SkippedOptimumRecord;
  verification: Verification;
  evaluation: EvaluationRecord;
  /** On the fixture only: the recovered coefficients next to the ones that generated it. */
  truth: TruthRecord | null;
  run: RunMetadata;
}

export interface FeatureRecord {
  name: string;
  /** How the column is made from the CSV: source column, kind, and a sentence. */
  derivation: Omit<Derivation, "name">;
  /** Mean and population standard deviation of the raw feature (StandardScaler's mean_, scale_). */
  mean: number;
  scale: number;
}

export interface TrainingRecord {
  implementation: string;
  gradient: string;
  /** Initial weights and bias (the article: zeros). */
  initialization: "zeros";
  /** J at w = 0, b = 0 (ln 2 for any data). */
  initialCost: number;
  /** The cost after each epoch's update; length = epochs (null where not finite). */
  costHistory: number[];
  /** How the run failed to descend (a non-finite value, or a rise beyond rounding); null if it did not. */
  divergence: DivergenceRecord | null;
}

export interface WeightRecord {
  name: string;
  weight: number;
  /** e^w: the factor on the odds of "yes" per one standard deviation of the feature. */
  oddsRatioPerSd: number;
}

export interface ModelRecord {
  bias: number;
  /** Feature name → weight, in feature order. */
  weights: Record<string, number>;
  /** The same weights, largest |w| first (ties by feature order). */
  byMagnitude: WeightRecord[];
}

export interface OptimumRecord {
  method: string;
  converged: boolean;
  iterations: number;
  cost: number;
  bias: number;
  weights: Record<string, number>;
  /** max |∂J/∂θ| at the optimum, and λ²/2, its second-order estimate of J − min J. */
  gradientNorm: number;
  decrement: number;
  /** How far the article's 1000 epochs are from the optimum. */
  gap: {
    cost: number;
    maxWeightDifference: number;
    maxWeightDifferenceAt: string;
    bias: number;
    /** max |∂J/∂θ| at the trained point. */
    gradientNormAtTrained: number;
  };
}

/**
 * The exact optimum when it was not computed: more features than Newton's method is run on
 * (src/train/optimum-bound.ts). `skipped` says so and why, as the terminal and report.md do.
 */
export interface SkippedOptimumRecord {
  method: string;
  skipped: string;
}

export interface EvaluationMetrics extends ClassificationMetrics {
  rocAuc: number | null;
  logLoss: number;
}

export interface EvaluationRecord {
  split: {
    method: string;
    seed: number;
    testFraction: number;
    trainRows: number;
    testRows: number;
    trainPositives: number;
    testPositives: number;
  };
  /** Per string column, test rows whose level was not seen in training (encoded as all zeros). */
  unseenLevels: Record<string, number>;
  /** The standardization fitted on the training part only (applied to both parts). */
  features: { name: string; mean: number; scale: number }[];
  /** The model trained on the training part, which the metrics below evaluate. */
  model: { bias: number; weights: Record<string, number> };
  /** Final training cost of the model fitted on the training part. */
  trainCost: number;
  /** Whether that run failed to descend, as `training.divergence`. */
  divergence: DivergenceRecord | null;
  train: EvaluationMetrics;
  test: EvaluationMetrics;
  /** Predicting the training part's majority class for everyone (scores: its prevalence). */
  baseline: EvaluationMetrics & { majorityClass: 0 | 1 };
}

export interface TruthRecord {
  /** What the comparison means: the generating model expressed in the standardized space. */
  note: string;
  /**
   * Per parameter (each feature, then "bias"): generating value, trained model, exact optimum,
   * the optimum's asymptotic standard error, and z = (optimum − generating) / SE.
   */
  coefficients: {
    name: string;
    generating: number;
    trained: number;
    optimum: number;
    standardError: number | null;
    z: number | null;
  }[];
  /** max |trained − generating| and max |optimum − generating| over all parameters. */
  maxAbsDifferenceTrained: number;
  maxAbsDifferenceOptimum: number;
  /** max |z|: with ~46 parameters, values up to about 3 are sampling noise. */
  maxAbsZ: number | null;
}

export interface RunMetadata {
  note: string;
  startedAt: string;
  durationMs: number;
  trainingMs: number;
  epochsPerSecond: number;
  /** Wall time of each pipeline step (load, train, optimum, verify, evaluate), in ms. */
  stepsMs: Record<string, number>;
  host: string;
  platform: string;
  /** Node.js, logreg-lab and the packages that compute the report's numbers. */
  versions: Record<string, string>;
  gitCommit: string | null;
  command: string;
}
