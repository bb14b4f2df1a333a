import { escapeMarkdown } from "../text/escape.js";
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

/** A picture's cost axis turns logarithmic when its largest cost is this many times its smallest. */
const LOG_SCALE_RATIO = 10;

/** Whether costs spread so widely that a log axis is needed to see them all. */
export function logScaleFor(costs: readonly number[]): boolean {
  const drawable = costs.filter((c) => Number.isFinite(c) && c > 0);
  return drawable.length > 0 && Math.max(...drawable) > LOG_SCALE_RATIO * Math.min(...drawable);
}

/** The file name of a path, for a picture's title. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** A table for the terminal: columns padded to their widest cell, two spaces apart. */
export function textTable(header: readonly string[], rows: readonly string[][]): string[] {
  const cells = [header, ...rows];
  const widths = header.map((_, j) => Math.max(...cells.map((row) => row[j].length)));
  return cells.map((row) =>
    row
      .map((cell, j) => cell.padEnd(widths[j]))
      .join("  ")
      .trimEnd(),
  );
}

/** A Markdown table, every cell escaped. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string[] {
  return [
    `| ${header.map(escapeMarkdown).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((cells) => `| ${cells.map(escapeMarkdown).join(" | ")} |`),
  ];
}
