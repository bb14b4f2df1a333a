import { escapeMarkdown as md } from "../text/escape.js";
import { divergence, num, table } from "./markdown-cells.js";
import { evaluationSection, truthSection } from "./markdown-evaluation.js";
import type { Report } from "./report.js";

/** The file name of the loss-curve picture, written next to report.md. */
export const LOSS_CURVE_FILE = "loss-curve.svg";

/**
 * report.md: the human reading of a report, rendered from the parsed report.json alone (so it
 * can show nothing the JSON does not hold). Text from the data — file names, feature names,
 * category levels — is escaped; numbers are shown to 6 significant digits (report.json holds
 * them exactly). Each section is a list of lines; a blank line follows each.
 */
export function renderMarkdown(report: Report): string {
  const sections = [
    title(report),
    dataSection(report),
    configurationSection(report),
    trainingSection(report),
    modelSection(report),
    optimumSection(report),
    verificationSection(report),
    evaluationSection(report),
    truthSection(report),
    featuresSection(report),
    runSection(report),
  ];
  return sections.flatMap((lines) => (lines.length === 0 ? [] : [...lines, ""])).join("\n");
}

/** The heading: which file, and where the figures come from. */
function title({ data, schemaVersion }: Report): string[] {
  return [
    `# Training report: ${md(data.file)}`,
    "",
    `Rendered from \`report.json\` (schema version ${schemaVersion}). Every figure below is in`,
    "that file at full precision; `--verify report.json` re-computes all of them.",
  ];
}

/** The data file: its identity, format, row counts and label balance, and any dropped rows. */
function dataSection(report: Report): string[] {
  const { data } = report;
  const { audit } = data;
  return [
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
  ];
}

/** The settings of the run. */
function configurationSection({ config, training }: Report): string[] {
  return [
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
  ];
}

/** The article's run on all rows: the cost at its start and end, against the optimum. */
function trainingSection({ data, training, optimum }: Report): string[] {
  const history = training.costHistory;
  return [
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
        ["optimum (Newton)", "skipped" in optimum ? "skipped (see below)" : num(optimum.cost)],
      ],
    ),
    "",
    `![Loss curve: cost per epoch, with the optimum as a dashed line when it was found](${LOSS_CURVE_FILE})`,
  ];
}

/** The trained bias and the weights by magnitude, with their odds ratios. */
function modelSection({ model }: Report): string[] {
  return [
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
  ];
}

/** Newton's optimum and how far the trained point is from it, or why it was skipped. */
function optimumSection({ optimum, training }: Report): string[] {
  const heading = "## Exact optimum (Newton's method / IRLS)";
  if ("skipped" in optimum) return [heading, "", `${md(optimum.skipped)}.`];
  return [
    heading,
    "",
    table(
      ["", ""],
      [
        ["method", md(optimum.method)],
        ["converged", `${optimum.converged} after ${optimum.iterations} iterations`],
        ["min J", num(optimum.cost)],
        ["max gradient entry at the optimum", num(optimum.gradientNorm)],
        [`J after ${training.costHistory.length} epochs − min J`, num(optimum.gap.cost)],
        [
          "largest weight difference",
          `${num(optimum.gap.maxWeightDifference)} (${md(optimum.gap.maxWeightDifferenceAt)})`,
        ],
        ["bias difference", num(optimum.gap.bias)],
        ["max gradient entry at the trained point", num(optimum.gap.gradientNormAtTrained)],
      ],
    ),
  ];
}

/** The checks at the trained point, each with its tolerance and the reason for it. */
function verificationSection({ verification }: Report): string[] {
  const checks = [
    ["gradient: loop vs vectorized", verification.gradientLoopVsVectorized],
    ["cost: loop vs vectorized", verification.costLoopVsVectorized],
    [
      `gradient vs central differences (worst: ${md(verification.finiteDifference.worstParameter)})`,
      verification.finiteDifference,
    ],
  ] as const;
  return [
    "## Verification at the trained point",
    "",
    table(
      ["check", "largest difference", "tolerance", "passed", "why this tolerance"],
      checks.map(([name, check]) => [
        name,
        num(check.maxAbsDifference),
        num(check.tolerance),
        check.passed ? "yes" : "**NO**",
        md(check.reason),
      ]),
    ),
  ];
}

/** Each feature: how it is derived, and the scaler's mean and scale for it. */
function featuresSection({ features }: Report): string[] {
  return [
    "## Features",
    "",
    table(
      ["#", "feature", "derivation", "mean", "scale (population SD)"],
      features.map((f, k) => [
        String(k + 1),
        md(f.name),
        md(f.derivation.description),
        num(f.mean),
        num(f.scale),
      ]),
    ),
  ];
}

/** When, where and how long the run took, and with which versions and command. */
function runSection({ run }: Report): string[] {
  return [
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
  ];
}

/** The rows dropped by --drop-invalid-rows, the first 20 of them with their reasons; none otherwise. */
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
