import { escapeMarkdown as md } from "../text/escape.js";
import type { EvaluationMetrics, Report } from "./report.js";

/** The file name of the loss-curve picture, written next to report.md. */
export const LOSS_CURVE_FILE = "loss-curve.svg";

/**
 * report.md: the human reading of a report, rendered from the parsed report.json alone (so it
 * can show nothing the JSON does not hold). Text from the data — file names, feature names,
 * category levels — is escaped; numbers are shown to 6 significant digits (report.json holds
 * them exactly).
 */
export function renderMarkdown(report: Report): string {
  const { config, data, training, model, optimum, verification, evaluation, truth, run } = report;
  const history = training.costHistory;
  const { audit } = data;
  return [
    `# Training report: ${md(data.file)}`,
    "",
    `Rendered from \`report.json\` (schema version ${report.schemaVersion}). Every figure below is in`,
    "that file at full precision; `--verify report.json` re-computes all of them.",
    "",
    "## Data",
    "",
    table(
      ["", ""],
      [
        ["file", md(data.file)],
        ["SHA-256", `\`${data.sha256}\``],
        ["bytes", String(audit.bytes)],
        [
          "format",
          md(
            `${audit.format.variant} (delimiter "${audit.format.delimiter}", label "${audit.format.labelColumn}")`,
          ),
        ],
        ["rows read / used / dropped", `${audit.rowsRead} / ${data.rows} / ${audit.rowsDropped}`],
        [
          "label yes / no",
          `${audit.label.yes} / ${audit.label.no} (yes share ${num(audit.label.yesShare)})`,
        ],
        ["ages in no age group", `${audit.ageGroups.unbinned} — ${md(audit.ageGroups.note)}`],
        ["extra columns (ignored)", audit.extraColumns.map(md).join(", ") || "none"],
      ],
    ),
    ...droppedRows(report),
    "",
    "## Configuration",
    "",
    table(
      ["setting", "value"],
      [
        ["implementation", md(config.impl)],
        ["gradient", md(training.gradient)],
        ["initial weights and bias", training.initialization],
        ["learning rate α", num(config.alpha)],
        ["epochs", String(config.epochs)],
        ["split seed", String(config.seed)],
        ["test fraction", num(config.testFraction)],
        ["drop invalid rows", String(config.dropInvalidRows)],
      ],
    ),
    "",
    "## Training: the article's run",
    "",
    `Batch gradient descent on all ${data.rows} rows, standardized features.`,
    "",
    ...divergence(training.divergence, "Training diverged"),
    table(
      ["", "cost J(w, b)"],
      [
        ["at w = 0, b = 0", num(training.initialCost)],
        ["after epoch 1", num(history[0])],
        [`after epoch ${history.length}`, num(history[history.length - 1])],
        ["optimum (Newton)", num(optimum.cost)],
      ],
    ),
    "",
    `![Loss curve: cost per epoch, with the optimum as a dashed line](${LOSS_CURVE_FILE})`,
    "",
    "## Model",
    "",
    `Bias b = ${num(model.bias)}. Weights by magnitude; the odds ratio e^w is the factor on the`,
    "odds of a deposit per one standard deviation of the feature.",
    "",
    table(
      ["#", "feature", "weight", "odds ratio per SD"],
      model.byMagnitude.map((w, k) => [
        String(k + 1),
        md(w.name),
        num(w.weight),
        num(w.oddsRatioPerSd),
      ]),
    ),
    "",
    "## Exact optimum (Newton's method / IRLS)",
    "",
    table(
      ["", ""],
      [
        ["method", md(optimum.method)],
        ["converged", `${optimum.converged} after ${optimum.iterations} iterations`],
        ["min J", num(optimum.cost)],
        ["max gradient entry at the optimum", num(optimum.gradientNorm)],
        [`J after ${history.length} epochs − min J`, num(optimum.gap.cost)],
        [
          "largest weight difference",
          `${num(optimum.gap.maxWeightDifference)} (${md(optimum.gap.maxWeightDifferenceAt)})`,
        ],
        ["bias difference", num(optimum.gap.bias)],
        ["max gradient entry at the trained point", num(optimum.gap.gradientNormAtTrained)],
      ],
    ),
    "",
    "## Verification at the trained point",
    "",
    table(
      ["check", "largest difference", "tolerance", "passed", "why this tolerance"],
      (
        [
          ["gradient: loop vs vectorized", verification.gradientLoopVsVectorized],
          ["cost: loop vs vectorized", verification.costLoopVsVectorized],
          [
            `gradient vs central differences (worst: ${md(verification.finiteDifference.worstParameter)})`,
            verification.finiteDifference,
          ],
        ] as const
      ).map(([name, check]) => [
        name,
        num(check.maxAbsDifference),
        num(check.tolerance),
        check.passed ? "yes" : "**NO**",
        md(check.reason),
      ]),
    ),
    "",
    "## Evaluation on a held-out split",
    "",
    `Split ${md(evaluation.split.method)}: ${evaluation.split.trainRows} training rows ` +
      `(${evaluation.split.trainPositives} yes), ${evaluation.split.testRows} test rows ` +
      `(${evaluation.split.testPositives} yes), seed ${evaluation.split.seed}. Encoder and ` +
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
      metricRows([evaluation.test, evaluation.train, evaluation.baseline]),
    ),
    "",
    "Confusion matrix on the test rows:",
    "",
    table(
      ["", "predicted yes", "predicted no"],
      [
        [
          "actual yes",
          String(evaluation.test.confusion.truePositives),
          String(evaluation.test.confusion.falseNegatives),
        ],
        [
          "actual no",
          String(evaluation.test.confusion.falsePositives),
          String(evaluation.test.confusion.trueNegatives),
        ],
      ],
    ),
    ...(truth === null
      ? []
      : [
          "",
          "## Recovered vs generating coefficients (fixture)",
          "",
          md(truth.note),
          "",
          table(
            [
              "parameter",
              "generating",
              `trained (${history.length} epochs)`,
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
        ]),
    "",
    "## Features",
    "",
    table(
      ["#", "feature", "derivation", "mean", "scale (population SD)"],
      report.features.map((f, k) => [
        String(k + 1),
        md(f.name),
        md(f.derivation.description),
        num(f.mean),
        num(f.scale),
      ]),
    ),
    "",
    "## Run",
    "",
    md(run.note),
    "",
    table(
      ["", ""],
      [
        ["started", md(run.startedAt)],
        [
          "duration",
          `${num(run.durationMs)} ms (training ${num(run.trainingMs)} ms, ${num(run.epochsPerSecond)} epochs/s)`,
        ],
        [
          "time per step",
          Object.entries(run.stepsMs)
            .map(([name, ms]) => `${name} ${ms} ms`)
            .join(", "),
        ],
        ["host", md(`${run.host} (${run.platform})`)],
        [
          "versions",
          md(
            Object.entries(run.versions)
              .map(([name, version]) => `${name} ${version}`)
              .join(", "),
          ),
        ],
        ["git commit", run.gitCommit === null ? "unknown" : `\`${run.gitCommit}\``],
        ["command", md(run.command)],
      ],
    ),
    "",
  ].join("\n");
}

function divergence(record: Report["training"]["divergence"] | undefined, title: string): string[] {
  if (!record) return [];
  return [
    `**${title}** (exit code 5): ${md(record.description.replace(/^training diverged: /, ""))}.`,
    `Epochs whose cost rose beyond rounding (${num(record.tolerance)} relative): ${record.rises}; ` +
      `final cost above the starting cost: ${record.finalAboveInitial ? "yes" : "no"}.`,
    "",
  ];
}

function droppedRows({ data: { audit } }: Report): string[] {
  if (audit.droppedRows.length === 0) return [];
  const shown = audit.droppedRows.slice(0, 20);
  return [
    "",
    `Dropped rows (${audit.rowsDropped}; the first ${audit.droppedRows.length} are listed in report.json, the first ${shown.length} here):`,
    "",
    table(
      ["line", "reasons"],
      shown.map((row) => [String(row.line), row.reasons.map(md).join("; ")]),
    ),
  ];
}

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

/** A GFM table; cells must already be escaped. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** A number for reading: integers whole, others to 6 significant digits; null as "—". */
function num(value: number | null): string {
  if (value === null) return "—";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return value
    .toPrecision(6)
    .replace(/(\.\d*?)0+(e|$)/, "$1$2")
    .replace(/\.(e|$)/, "$1");
}
