import type { DroppedRow } from "./audit.js";
import { describeFinding } from "./errors.js";
import type { DataProblem } from "./errors.js";
import type { LoadLimits } from "./load-options.js";

/**
 * The invalid rows of a file, in bounded memory: every one counted (per column, and wrong field
 * counts), the first `examplesPerKind` problems of each kind kept as examples, and with
 * `dropInvalidRows` the first `droppedRowsListed` rows listed with their reasons. Rows may be
 * reported out of file order (the scanner reports ragged records before csv-parse delivers the
 * rows around them): examples and listed rows are kept and returned by line.
 */
export class ProblemLog {
  invalidRows = 0;
  problemCount = 0;
  fieldCountErrors = 0;
  readonly invalidCells: Record<string, number> = {};
  /** Per kind (a column name, or "" for the field count), its first problems and their order. */
  private readonly examples = new Map<string, Example[]>();
  private found = 0;
  private readonly dropped: DroppedRow[] = [];

  constructor(
    private readonly limits: LoadLimits,
    private readonly listDropped: boolean,
  ) {}

  /** A record starting on `line` with `fields` fields, not the header's `expected`. */
  ragged(line: number, fields: number, expected: number): void {
    if (this.full("") && !this.wouldList(line)) {
      // Counted only: nothing of this row would be kept (the common case in a ragged flood).
      this.invalidRows++;
      this.problemCount++;
      this.fieldCountErrors++;
      return;
    }
    const value = `${fields} ${fields === 1 ? "field" : "fields"}`;
    this.row(line, [{ line, value, expected: `${expected} fields, as in the header` }]);
  }

  /** One invalid row, starting on `line`, with its problems (at least one). */
  row(line: number, problems: readonly DataProblem[]): void {
    this.invalidRows++;
    this.problemCount += problems.length;
    for (const problem of problems) {
      if (problem.column === undefined) this.fieldCountErrors++;
      else this.invalidCells[problem.column] = (this.invalidCells[problem.column] ?? 0) + 1;
      const kind = problem.column ?? "";
      const kept = this.examples.get(kind) ?? [];
      const example = { line, order: this.found++, problem };
      this.examples.set(kind, keepFirst(kept, example, this.limits.examplesPerKind));
    }
    if (this.listDropped) {
      const row = { line, reasons: problems.map(describeFinding) };
      keepFirst(this.dropped, row, this.limits.droppedRowsListed);
    }
  }

  /** Whether the examples of `kind` are all kept already (a later line would not be). */
  private full(kind: string): boolean {
    return (this.examples.get(kind)?.length ?? 0) >= this.limits.examplesPerKind;
  }

  /** Whether a dropped row on `line` would be listed. */
  private wouldList(line: number): boolean {
    const { dropped } = this;
    if (!this.listDropped) return false;
    return (
      dropped.length < this.limits.droppedRowsListed || line < dropped[dropped.length - 1].line
    );
  }

  /** The examples kept, in file order. */
  problems(): DataProblem[] {
    const all = [...this.examples.values()].flat();
    return all.sort((a, b) => a.line - b.line || a.order - b.order).map((e) => e.problem);
  }

  /** The dropped rows listed, in file order. */
  droppedRows(): DroppedRow[] {
    return this.dropped;
  }
}

/** A problem kept as an example, and the order in which it was found. */
interface Example {
  line: number;
  order: number;
  problem: DataProblem;
}

/** Adds `item` to `kept` (sorted by line) if it is among the first `limit` lines; returns kept. */
function keepFirst<T extends { line: number }>(kept: T[], item: T, limit: number): T[] {
  if (kept.length >= limit && item.line >= kept[kept.length - 1].line) return kept;
  let at = kept.length;
  while (at > 0 && kept[at - 1].line > item.line) at--;
  kept.splice(at, 0, item);
  if (kept.length > limit) kept.pop();
  return kept;
}
