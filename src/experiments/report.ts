import type { OutputFile } from "../publish/atomic-write.js";
import { escapeMarkdown } from "../text/escape.js";
import type { ExperimentConfig } from "./cli.js";
import type { Dataset } from "./dataset.js";
import type { ExperimentOutcome } from "./outcome.js";

/** report.json's format version for experiments. */
export const EXPERIMENT_SCHEMA_VERSION = 1;

/** What differs from run to run: kept apart under report.json's `run`, never in report.md. */
export interface ExperimentRunMetadata {
  startedAt: string;
  durationMs: number;
  command: string;
}

/**
 * The files of an experiment's report: its pictures, report.md and report.json. report.json
 * holds `schemaVersion`, `experiment`, `config`, `data` (file, SHA-256, rows), the experiment's
 * results, its `runs` and the run metadata; everything but `run` (and the timings an experiment
 * measures) is a function of the data file's bytes and the configuration.
 */
export function reportFiles(
  dataset: Dataset,
  config: ExperimentConfig,
  outcome: ExperimentOutcome,
  run: ExperimentRunMetadata,
): OutputFile[] {
  const data = { file: dataset.file, sha256: dataset.sha256, rows: dataset.table.rows };
  const json = {
    schemaVersion: EXPERIMENT_SCHEMA_VERSION,
    experiment: config.experiment,
    config,
    data,
    ...outcome.results,
    runs: outcome.runs,
    run: {
      note: "Run metadata: differs from run to run; not part of the byte-identity guarantee.",
      ...run,
    },
  };
  const markdown = [
    `# Experiment: ${config.experiment}`,
    "",
    `Data: \`${escapeMarkdown(data.file)}\`, ${data.rows} rows, SHA-256 \`${data.sha256}\`. Epochs per run: ${config.epochs}. Reproduce: \`npm run experiment -- ${config.experiment} --data ${escapeMarkdown(data.file)} --epochs ${config.epochs}${config.experiment === "learning-rate" ? ` --alphas ${config.alphas.join(",")}` : ""}\`.`,
    "",
    outcome.markdown,
  ].join("\n");
  return [
    ...outcome.pictures,
    { name: "report.md", content: markdown },
    { name: "report.json", content: `${JSON.stringify(json, null, 2)}\n` },
  ];
}
