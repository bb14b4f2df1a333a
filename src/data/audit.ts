import type { LabelColumn } from "./schema.js";

/** How a bank file was written, as detected while loading it. */
export interface FileFormat {
  /** "kaggle": comma-separated, label `deposit`; "uci": semicolon-separated, label `y`. */
  variant: "kaggle" | "uci" | "other";
  delimiter: "," | ";";
  labelColumn: LabelColumn;
  /** Whether the file starts with a UTF-8 byte-order mark (skipped). */
  bom: boolean;
  /** The line ending of the header line. */
  lineEnding: "LF" | "CRLF" | "CR" | "none";
}

/** A row left out under `dropInvalidRows`, with every reason it was invalid. */
export interface DroppedRow {
  line: number;
  reasons: string[];
}

/** A value and how many used rows have it. */
export interface LevelCount {
  level: string;
  count: number;
}

/**
 * The data-audit record of one loaded file: everything the report needs to trace a model back
 * to the exact bytes it was trained on. Plain JSON (arrays rather than objects where keys could
 * be reordered).
 */
export interface DataAudit {
  /** The path as given to the loader. */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  bytes: number;
  format: FileFormat;
  /** The header fields as found. */
  header: string[];
  /** Header fields that are not bank columns: read past and ignored. */
  extraColumns: string[];
  /** Data records read (blank lines are not records; see emptyLines). */
  rowsRead: number;
  rowsUsed: number;
  rowsDropped: number;
  /** Blank lines skipped (pandas skips them too). */
  emptyLines: number;
  /**
   * The first dropped rows (at most 100 by default: `rowsDropped` counts them all) with their
   * reasons; empty unless `dropInvalidRows`.
   */
  droppedRows: DroppedRow[];
  /** Invalid cells per column among the rows read; rows with a wrong field count are counted
   *  under `fieldCountErrors` instead. */
  invalidCells: Record<string, number>;
  fieldCountErrors: number;
  /** Per string and yes/no column, its values with counts over the used rows, in pandas' order. */
  levels: Record<string, LevelCount[]>;
  /** Label balance over the used rows. */
  label: { column: LabelColumn; yes: number; no: number; yesShare: number };
  /** The article's age bins over the used rows (see `AGE_BINS`). */
  ageGroups: {
    bins: number[];
    labels: string[];
    counts: LevelCount[];
    /** Rows whose age falls in no bin (age ≤ 18 or > 100): all their age dummies are 0. */
    unbinned: number;
    unbinnedAges: LevelCount[];
    note: string;
  };
  /** Per numeric column over the used rows. */
  numeric: Record<string, { min: number; max: number; mean: number }>;
}
