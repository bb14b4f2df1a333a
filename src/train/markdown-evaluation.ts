/**
 * The held-out evaluation's sections of report.md: the metrics and confusion matrix, and on the
 * fixture the generating coefficients against the recovered ones.
 */
import { escapeMarkdown as md } from "../text/escape.js";
import { divergence, num, table } from "./markdown-cells.js";
import type { EvaluationMetrics, Report } from "./report.js";

/** The held-out split: the metrics on test, train and the majority baseline, and the confusion matrix. */
export function evaluationSection({ evaluation }: Report): string[] {
  const { split, test } = evaluation;
  return [
    "## Evaluation on a held-out split",
    "",
    `Split ${md(split.method)}: ${split.trainRows} training rows ` +
      `(${split.trainPositives} yes), ${split.testRows} test rows ` +
      `(${split.testPositives} yes), seed ${split.seed}. Encoder and ` +
      "scaler fitted on the training rows only; the model trained on them with the same α and " +
      `epochs (final training cost ${num(evaluation.trainCost)}). Threshold σ(z) ≥ 0.5.`,
    "",
    ...divergence(evaluation.divergence, "This training run diverged"),
    table(
      [
        "metric",
        "test",
        "train",
        `baseline (always ${evaluation.baseline.majorityClass === 1 ? "yes" : "no"})`,
      ],
      metricRows([test, evaluation.train, evaluation.baseline]),
    ),
    "",
    "Confusion matrix on the test rows:",
    "",
    table(
      ["", "predicted yes", "predicted no"],
      [
        ["actual yes", String(test.confusion.truePositives), String(test.confusion.falseNegatives)],
        ["actual no", String(test.confusion.falsePositives), String(test.confusion.trueNegatives)],
      ],
    ),
  ];
}

/** On the fixture only: the generating coefficients against the trained and optimal ones; none otherwise. */
export function truthSection({ truth, training }: Report): string[] {
  if (truth === null) return [];
  return [
    "## Recovered vs generating coefficients (fixture)",
    "",
    md(truth.note),
    "",
    table(
      [
        "parameter",
        "generating",
        `trained (${training.costHistory.length} epochs)`,
        "optimum (Newton)",
        "standard error",
        "z",
      ],
      truth.coefficients.map((c) => [
        md(c.name),
        num(c.generating),
        num(c.trained),
        num(c.optimum),
        num(c.standardError),
        num(c.z),
      ]),
    ),
    "",
    `Largest absolute difference from the generating value: trained ${num(truth.maxAbsDifferenceTrained)}, optimum ${num(truth.maxAbsDifferenceOptimum)}; largest |z| ${num(truth.maxAbsZ)}.`,
  ];
}

/** One row per metric: its name, then its value in each column. */
function metricRows(columns: readonly EvaluationMetrics[]): string[][] {
  const metric = (name: string, pick: (m: EvaluationMetrics) => number | null) => [
    name,
    ...columns.map((m) => num(pick(m))),
  ];
  return [
    metric("accuracy", (m) => m.accuracy),
    metric("precision", (m) => m.precision),
    metric("recall", (m) => m.recall),
    metric("F1", (m) => m.f1),
    metric("ROC AUC", (m) => m.rocAuc),
    metric("log-loss", (m) => m.logLoss),
  ];
}
