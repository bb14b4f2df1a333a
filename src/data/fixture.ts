import { fileURLToPath } from "node:url";
import { AGE_LABELS, compareCodePoints } from "../reference/index.js";
import { ageBin } from "./age-group.js";
import { FIXTURE_COEFFICIENTS } from "./fixture-model.js";
import type { FeatureTransform } from "./features.js";
import { mulberry32 } from "./random.js";
import { CATEGORICAL_COLUMNS, REQUIRED_COLUMNS } from "./schema.js";

/** Absolute path of the bundled synthetic twin, fixtures/bank.csv. */
export const FIXTURE_PATH = fileURLToPath(new URL("../../fixtures/bank.csv", import.meta.url));

/** SHA-256 of fixtures/bank.csv as `npm run make-fixture` writes it. */
export const FIXTURE_SHA256 = "5791fc4b7026f2917bae813acea363fd0e25dede16ec228fdde3d2a30642e522";

/** The seed and size of the committed fixture. */
export const FIXTURE_SEED = 20140601;
export const FIXTURE_ROWS = 11162;

/**
 * A numeric marginal as a quantile table: P(X ≤ values[k]) = probabilities[k]. Sampling inverts
 * it by linear interpolation between knots and rounds to an integer, so ranges, medians and
 * skew follow the table. The knots are the real Kaggle file's quantiles, rounded.
 */
interface Quantiles {
  probabilities: readonly number[];
  values: readonly number[];
}

const Q = [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** The generator's parameters: category frequencies (rounded) and quantile tables (rounded). */
export const FIXTURE_MARGINALS = {
  age: { probabilities: Q, values: [18, 19, 22, 26, 28, 32, 39, 49, 58, 61, 77, 87, 95] },
  balance: {
    probabilities: Q,
    values: [-6800, -1400, -520, -55, 0, 120, 550, 1700, 3900, 6000, 13200, 34600, 81200],
  },
  day: {
    probabilities: [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1],
    values: [1, 3, 4, 8, 15, 22, 28, 30, 31],
  },
  duration: {
    probabilities: Q,
    values: [2, 6, 14, 51, 77, 138, 255, 496, 838, 1080, 1577, 2650, 3880],
  },
  campaign: { probabilities: Q, values: [1, 1, 1, 1, 1, 1, 2, 3, 5, 7, 13, 30, 63] },
  /** pdays given that the client was contacted before (poutcome ≠ unknown); else −1. */
  pdaysContacted: {
    probabilities: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1],
    values: [1, 9, 75, 89, 98, 182, 286, 362, 392, 592, 826, 854],
  },
  /** previous given that the client was contacted before; else 0. */
  previousContacted: {
    probabilities: [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1],
    values: [1, 1, 2, 4, 7, 9, 17, 40, 58],
  },
  job: {
    "admin.": 0.12,
    "blue-collar": 0.174,
    entrepreneur: 0.029,
    housemaid: 0.025,
    management: 0.23,
    retired: 0.07,
    "self-employed": 0.036,
    services: 0.083,
    student: 0.032,
    technician: 0.163,
    unemployed: 0.032,
    unknown: 0.006,
  },
  marital: { divorced: 0.116, married: 0.569, single: 0.315 },
  education: { primary: 0.134, secondary: 0.491, tertiary: 0.33, unknown: 0.045 },
  default: { no: 0.985, yes: 0.015 },
  housing: { no: 0.527, yes: 0.473 },
  loan: { no: 0.869, yes: 0.131 },
  contact: { cellular: 0.72, telephone: 0.069, unknown: 0.211 },
  month: {
    apr: 0.083,
    aug: 0.136,
    dec: 0.01,
    feb: 0.07,
    jan: 0.031,
    jul: 0.136,
    jun: 0.11,
    mar: 0.025,
    may: 0.253,
    nov: 0.085,
    oct: 0.035,
    sep: 0.029,
  },
  poutcome: { failure: 0.11, other: 0.048, success: 0.096, unknown: 0.746 },
} as const;

function sampleQuantiles({ probabilities: p, values: v }: Quantiles, u: number): number {
  let k = 0;
  while (k < p.length - 2 && u >= p[k + 1]) k++;
  return Math.round(v[k] + ((u - p[k]) / (p[k + 1] - p[k])) * (v[k + 1] - v[k]));
}

function sampleCategory(frequencies: Readonly<Record<string, number>>, u: number): string {
  const levels = Object.keys(frequencies);
  const total = levels.reduce((sum, level) => sum + frequencies[level], 0);
  let cumulative = 0;
  for (const level of levels) {
    cumulative += frequencies[level] / total;
    if (u < cumulative) return level;
  }
  return levels[levels.length - 1];
}

/** The logit of one generated row under {@link FIXTURE_COEFFICIENTS} (raw features). */
export function fixtureLogit(row: Readonly<Record<string, string | number>>): number {
  const w = FIXTURE_COEFFICIENTS.weights;
  const weight = (name: string) => w[name] ?? 0;
  let z = FIXTURE_COEFFICIENTS.intercept;
  for (const name of ["balance", "duration", "campaign", "pdays", "previous"]) {
    z += weight(name) * Number(row[name]);
  }
  for (const name of ["default", "housing", "loan"]) {
    if (row[name] === "yes") z += weight(`${name}_flag`);
  }
  const bin = ageBin(Number(row.age));
  if (bin >= 0) z += weight(`age_group_${AGE_LABELS[bin]}`);
  for (const name of ["marital", "education", "poutcome", "job", "contact", "month"]) {
    z += weight(`${name}_${row[name]}`);
  }
  return z;
}

/** One row of the twin: every column drawn from its marginal, the label from the model. */
function generateRow(random: () => number): Record<string, string | number> {
  const m = FIXTURE_MARGINALS;
  const row: Record<string, string | number> = {
    age: sampleQuantiles(m.age, random()),
    job: sampleCategory(m.job, random()),
    marital: sampleCategory(m.marital, random()),
    education: sampleCategory(m.education, random()),
    default: sampleCategory(m.default, random()),
    balance: sampleQuantiles(m.balance, random()),
    housing: sampleCategory(m.housing, random()),
    loan: sampleCategory(m.loan, random()),
    contact: sampleCategory(m.contact, random()),
    day: sampleQuantiles(m.day, random()),
    month: sampleCategory(m.month, random()),
    duration: sampleQuantiles(m.duration, random()),
    campaign: sampleQuantiles(m.campaign, random()),
    poutcome: sampleCategory(m.poutcome, random()),
  };
  const contacted = row.poutcome !== "unknown";
  row.pdays = contacted ? sampleQuantiles(m.pdaysContacted, random()) : -1;
  row.previous = contacted ? sampleQuantiles(m.previousContacted, random()) : 0;
  const probability = 1 / (1 + Math.exp(-fixtureLogit(row)));
  row.deposit = random() < probability ? "yes" : "no";
  return row;
}

export interface FixtureOptions {
  seed?: number;
  rows?: number;
  /** Lines per yielded chunk of text. */
  chunkLines?: number;
}

/**
 * The synthetic twin as CSV text, in chunks (header first): Kaggle layout (comma-separated,
 * label `deposit`, LF line ends), `rows` rows drawn with {@link mulberry32}(seed). The default
 * options give fixtures/bank.csv byte for byte.
 */
export function* fixtureCsvChunks(options: FixtureOptions = {}): Generator<string> {
  const { seed = FIXTURE_SEED, rows = FIXTURE_ROWS, chunkLines = 4096 } = options;
  const columns = [...REQUIRED_COLUMNS, "deposit"];
  const random = mulberry32(seed);
  let lines = [columns.join(",")];
  for (let i = 0; i < rows; i++) {
    const row = generateRow(random);
    lines.push(columns.map((name) => row[name]).join(","));
    if (lines.length >= chunkLines) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

/**
 * The fixture's generating model in the standardized space of `transform` (x̃ⱼ = (xⱼ − μⱼ)/sⱼ):
 *
 *     z = b + Σ wⱼ xⱼ = (b + Σ wⱼ μⱼ) + Σ (wⱼ sⱼ) x̃ⱼ
 *
 * so the returned w[j] = weights[j] · scales[j] and b = intercept + Σ weights[j] · means[j] give
 * exactly the same logits on transformed rows. These are the numbers a model trained on
 * `transform(fixture)` should recover (up to sampling noise). Throws a RangeError when the
 * transform was fitted on rows that lack a level of the fixture (a missing column, or another
 * baseline level), since the model could then not be expressed exactly in its features.
 */
export function fixtureCoefficientsFor(transform: FeatureTransform): {
  w: Float64Array;
  b: number;
} {
  const { featureNames, means, scales } = transform;
  const weights = FIXTURE_COEFFICIENTS.weights;
  const differ = CATEGORICAL_COLUMNS.filter((column) => {
    const fixtureLevels = Object.keys(FIXTURE_MARGINALS[column]).sort(compareCodePoints);
    return transform.levels[column]?.join("\n") !== fixtureLevels.join("\n");
  });
  if (differ.length > 0) {
    throw new RangeError(
      `fixtureCoefficientsFor: the transform's levels of ${differ.join(", ")} are not the fixture's`,
    );
  }
  let b = FIXTURE_COEFFICIENTS.intercept;
  const w = Float64Array.from(featureNames, (name, j) => {
    const weight = weights[name] ?? 0;
    b += weight * means[j];
    return weight * scales[j];
  });
  return { w, b };
}
