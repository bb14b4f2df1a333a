import type { OutputFile } from "../publish/atomic-write.js";
import type { ExperimentConfig } from "./cli.js";
import type { Dataset } from "./dataset.js";

/** What one experiment computed, ready to be written and printed. */
export interface ExperimentOutcome {
  /** report.json's `runs`: one object per run, as the experiment documents it. */
  runs: unknown[];
  /** report.json's other experiment-specific fields (the optimum, a table…). */
  results: Record<string, unknown>;
  /** The report.md body below the common header (Markdown, every text already escaped). */
  markdown: string;
  /** The SVG pictures, written beside report.md. */
  pictures: OutputFile[];
  /** The terminal summary (ends with a newline). */
  summary: string;
}

/** An experiment: a pure function of the data and the configuration (timings aside). */
export type Experiment = (dataset: Dataset, config: ExperimentConfig) => ExperimentOutcome;

/** A number for a table or the terminal: JSON's null and non-finite values as "—". */
export function figure(value: number | null | undefined, digits = 6): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toPrecision(digits) : "—";
}
