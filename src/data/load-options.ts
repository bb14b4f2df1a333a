/** What `loadBankCsv` may be told. */
export interface LoadOptions {
  /**
   * Drop rows with a wrong field count or an invalid value instead of failing; the dropped rows
   * are counted in the audit's `rowsDropped`, and the first of them listed, with their reasons,
   * in `droppedRows`. Off by default.
   */
  dropInvalidRows?: boolean;
  /** Bounds that keep the loader's memory independent of the file (defaults: {@link LIMITS}). */
  limits?: Partial<LoadLimits>;
}

export interface LoadLimits {
  /** Examples kept per kind of problem (per column, and wrong field counts); all are counted. */
  examplesPerKind: number;
  /** Dropped rows listed in the audit (with `dropInvalidRows`); all are counted. */
  droppedRowsListed: number;
  /** Fields in one record: the header or a row with more is refused. */
  maxFields: number;
  /** Bytes in one record (quoted line breaks included): a longer one is refused. */
  maxRecordBytes: number;
  /**
   * Levels of one string column: a file with more is refused before any feature is built (one
   * feature per level after the first; see `MAX_LEVELS`).
   */
  maxLevels: number;
}

/**
 * The most levels one string column may have: 64. The article's bank.csv has at most 12 (job);
 * with 64, the seven one-hot columns give at most 7 × 63 + 13 = 454 features, whose Hessian
 * (455² doubles, 1.7 MB) Newton's method factors in well under a second. The 4,000 levels of a
 * hostile job column would give 4,039 features and a 130 MB Hessian per Newton step.
 */
export const MAX_LEVELS = 64;

export const LIMITS: LoadLimits = {
  examplesPerKind: 20,
  droppedRowsListed: 100,
  maxFields: 1024,
  maxRecordBytes: 64 * 1024,
  maxLevels: MAX_LEVELS,
};
