import { printable } from "../text/escape.js";

export { printable } from "../text/escape.js";

/** What went wrong with a data file; `DataError.kind`. */
export type DataErrorKind =
  /** The file cannot be read: it does not exist, is a directory, or is not readable. */
  | "unreadable"
  /** The file has no bytes, or nothing but a byte-order mark and blank lines. */
  | "empty"
  /** The bytes are not UTF-8 text (an invalid byte, or a UTF-16 or UTF-32 byte-order mark). */
  | "not-utf8"
  /** The bytes are not CSV: an unclosed or misplaced quote, a record too long or too wide. */
  | "malformed-csv"
  /** Two header fields have the same name. */
  | "duplicate-columns"
  /** A required column, or the label column, is not in the header. */
  | "missing-columns"
  /** The header is there but no data row follows. */
  | "header-only"
  /** Rows with the wrong number of fields or with invalid values (without `dropInvalidRows`). */
  | "invalid-rows"
  /** With `dropInvalidRows`, every row was invalid. */
  | "no-valid-rows"
  /** Every row has the same label: a classifier needs both classes. */
  | "single-class"
  /** A string column has more levels than `maxLevels`: too many one-hot features. */
  | "too-many-levels"
  /** The file's size or time changed while it was read: the bytes read are not one version. */
  | "changed-while-read";

/** One offending place in a file: a cell, a row, or a column of the header. */
export interface DataProblem {
  /** 1-based line of the file (line 1 is the header, unless blank lines precede it; a row's line is the one it starts on). */
  line: number;
  /** The column's name in the header, when the problem is one cell or one column. */
  column?: string;
  /** The column's 1-based position in the header. */
  columnNumber?: number;
  /** What was found: the cell's text, or a description such as "16 fields". */
  value?: string;
  /** What was expected there. */
  expected: string;
}

/** How many problems a message lists before it says "… and N more". */
export const LISTED_PROBLEMS = 20;

const MAX_VALUE_LENGTH = 40;

/** A cell's text as it appears in messages: quoted, escaped, long values cut with "…". */
export function quoteValue(value: string): string {
  const cut = value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  return JSON.stringify(cut);
}

/** A problem without its line: `column 6 (balance): "12a" — expected a number`. */
export function describeFinding({ column, columnNumber, value, expected }: DataProblem): string {
  if (column === undefined)
    return `${value === undefined ? "" : `${value} — `}expected ${expected}`;
  const where = columnNumber === undefined ? column : `column ${columnNumber} (${column})`;
  return `${where}: ${value === undefined ? "" : `${quoteValue(value)} — `}expected ${expected}`;
}

/** One problem as one line of text: `line 7, column 6 (balance): "12a" — expected a number`. */
export function describeProblem(problem: DataProblem): string {
  const separator = problem.column === undefined ? ":" : ",";
  return `line ${problem.line}${separator} ${describeFinding(problem)}`;
}

/**
 * A bad data file. `kind` says what is wrong, `file` which file, `problems` examples of the
 * offending cells, rows or columns (in file order; for invalid rows the first
 * `examplesPerKind` of each kind — per column, and wrong field counts — so that memory stays
 * bounded), `problemCount` how many there are in all, and `message` the complete human-readable
 * text — a headline, the first {@link LISTED_PROBLEMS} problems, "… and N more", and any hint —
 * which a command-line tool prints as it is, without a stack trace. Text from the file is
 * escaped in it ({@link printable}).
 */
export class DataError extends Error {
  override readonly name = "DataError";
  readonly kind: DataErrorKind;
  readonly file: string;
  readonly problems: readonly DataProblem[];
  /** How many problems were found, listed in `problems` or not. */
  readonly problemCount: number;
  /** Rows with at least one problem (`invalid-rows`, `no-valid-rows`); else 0. */
  readonly invalidRows: number;

  constructor(
    kind: DataErrorKind,
    file: string,
    headline: string,
    problems: readonly DataProblem[] = [],
    hints: readonly string[] = [],
    counts: { problemCount?: number; invalidRows?: number } = {},
  ) {
    const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `  ${describeProblem(p)}`);
    const problemCount = counts.problemCount ?? problems.length;
    const more = problemCount - listed.length;
    const lines = [`${file}: ${headline}`, ...listed];
    if (more > 0) lines.push(`  … and ${more} more`);
    super([...lines, ...hints].map(printable).join("\n"));
    this.kind = kind;
    this.file = file;
    this.problems = problems;
    this.problemCount = problemCount;
    this.invalidRows = counts.invalidRows ?? 0;
  }
}
