import { escapeMarkdown as md } from "../text/escape.js";
import type { Report } from "./report.js";

/**
 * The pieces of report.md that its sections share: a GFM table of already-escaped cells, a
 * number for reading (integers whole, others to 6 significant digits), and the note on a run
 * that diverged.
 */

/** A GFM table; cells must already be escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** A number for reading: integers whole, others to 6 significant digits; null as "—". */
export function num(value: number | null): string {
  if (value === null) return "—";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return value
    .toPrecision(6)
    .replace(/(\.\d*?)0+(e|$)/, "$1$2")
    .replace(/\.(e|$)/, "$1");
}

/** The note on a run that diverged (with a blank line after it); no lines when it did not. */
export function divergence(
  record: Report["training"]["divergence"] | undefined,
  title: string,
): string[] {
  if (!record) return [];
  return [
    `**${title}** (exit code 5): ${md(record.description.replace(/^training diverged: /, ""))}.`,
    `Epochs whose cost rose beyond rounding (${num(record.tolerance)} relative): ${record.rises}; ` +
      `final cost above the starting cost: ${record.finalAboveInitial ? "yes" : "no"}.`,
    "",
  ];
}
