import { pipeline } from "node:stream/promises";
import { buildAudit } from "./audit-builder.js";
import type { DataAudit } from "./audit.js";
import { changeWhileRead, openDataFile, versionOf } from "./data-file.js";
import type { OpenedFile } from "./data-file.js";
import { DataError } from "./errors.js";
import { locateColumns } from "./header.js";
import type { ColumnPositions } from "./header.js";
import { LIMITS } from "./load-options.js";
import type { LoadLimits, LoadOptions } from "./load-options.js";
import { ProblemLog } from "./problem-log.js";
import { RecordSplitter } from "./records.js";
import { RowCollector } from "./row-collector.js";
import { CsvScanner } from "./scan.js";
import { sniff } from "./sniff.js";
import type { Sniffed } from "./sniff.js";
import type { BankTable } from "./table.js";

export { MAX_LEVELS } from "./load-options.js";
export type { LoadOptions } from "./load-options.js";

const DROP_HINT =
  "Fix the file, or drop the invalid rows with the loader's dropInvalidRows option " +
  "(train script: --drop-invalid-rows); the dropped rows are then counted, and the first listed, in the data audit.";

/** What reading the records of a file gave. */
interface Read {
  scanner: CsvScanner;
  log: ProblemLog;
  header?: string[];
  columns?: ColumnPositions;
  rows?: RowCollector;
}

/**
 * Loads a Bank Marketing CSV — the article's Kaggle variant (`,`, label `deposit`) or the UCI
 * files (`;`, quoted, label `y`); delimiter detected, BOM tolerated, \r\n, \n and \r line ends
 * alike, blank lines skipped — into a columnar {@link BankTable}, streaming: the scanner
 * (./scan.ts) checks every byte, the records it passes on are split into fields (./records.ts:
 * csv-parse for those with a quote), and their values go straight into typed arrays. Returns
 * the table and the file's {@link DataAudit}.
 *
 * Throws a {@link DataError} for an unreadable, empty, header-only or non-CSV file, missing or
 * duplicate columns, a string column of too many levels, a single class, a file that changed
 * while it was read, and — unless `dropInvalidRows` — for rows with the wrong number of fields
 * or invalid values, listing the first offending cells of each kind.
 */
export async function loadBankCsv(
  path: string,
  options: LoadOptions = {},
): Promise<{ table: BankTable; audit: DataAudit }> {
  const limits = { ...LIMITS, ...options.limits };
  const file = await openDataFile(path);
  try {
    const format = checkHead(path, file);
    const read = await readRecords(path, file, format, limits, options.dropInvalidRows ?? false);
    const change = changeWhileRead(file.version, read.scanner.bytes, await versionOf(file.handle));
    if (change !== undefined) throw new DataError("changed-while-read", path, change);
    return finish(path, file.version.size, format, read, options.dropInvalidRows ?? false);
  } finally {
    await file.handle.close();
  }
}

/**
 * The byte-order marks of the encodings that are not UTF-8, longest first: UTF-32 LE's mark
 * begins with UTF-16 LE's (FF FE), so it is tried first.
 */
const FOREIGN_MARKS = [
  { encoding: "UTF-32 LE", bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: "UTF-32 BE", bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: "UTF-16 LE", bytes: [0xff, 0xfe] },
  { encoding: "UTF-16 BE", bytes: [0xfe, 0xff] },
];

/** The format the head of the file shows; refuses UTF-16, UTF-32 and empty files. */
function checkHead(path: string, { head, version }: OpenedFile): Sniffed {
  const foreign = FOREIGN_MARKS.find(({ bytes }) => bytes.every((byte, k) => head[k] === byte));
  if (foreign !== undefined) {
    const mark = foreign.bytes.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
    throw new DataError(
      "not-utf8",
      path,
      `not UTF-8 text: the file starts with a ${foreign.encoding} byte-order mark (${mark}): it is ${foreign.encoding.slice(0, 6)}; save it as UTF-8`,
    );
  }
  const format = sniff(head);
  if (format.blank) {
    const what = version.size === 0 ? "the file is empty" : "the file holds only blank lines";
    throw new DataError("empty", path, `${what}: expected a header line naming the columns`);
  }
  return format;
}

/** Streams the file through the scanner and the record splitter into a {@link RowCollector}. */
async function readRecords(
  path: string,
  file: OpenedFile,
  format: Sniffed,
  limits: LoadLimits,
  dropInvalidRows: boolean,
): Promise<Read> {
  const log = new ProblemLog(limits, dropInvalidRows);
  const events = { ragged: log.ragged.bind(log) };
  const read: Omit<Read, "scanner"> = { log };
  const sink = (record: string[], line: number) => {
    if (read.rows !== undefined) read.rows.row(record, line);
    else read.rows = headerRead(path, record, line, read, limits, file.version.size);
  };
  const splitter = new RecordSplitter(path, format.delimiter, limits.maxRecordBytes, sink);
  const skip = format.bom ? 3 : 0;
  const scanner = new CsvScanner(path, format.delimiter, limits, events, splitter, skip);
  const stream = file.handle.createReadStream({ start: 0, autoClose: false });
  try {
    await pipeline(stream, scanner.writable());
  } catch (error) {
    throw readFailure(path, error);
  }
  return { ...read, scanner };
}

/** The header record: its columns located, and the collector of the rows that follow. */
function headerRead(
  path: string,
  header: string[],
  line: number,
  read: Omit<Read, "scanner">,
  limits: LoadLimits,
  bytes: number,
): RowCollector {
  read.header = header;
  read.columns = locateColumns(path, header, line);
  return new RowCollector(path, header, read.columns, limits, read.log, Math.ceil(bytes / 64));
}

/** What a failed read throws: the DataError, or an `unreadable` one for an I/O error. */
function readFailure(path: string, error: unknown): DataError {
  if (error instanceof DataError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DataError("unreadable", path, `cannot read the file (${reason})`);
}

/** The table and audit of a file read to its end, or the DataError that refuses it. */
function finish(
  path: string,
  bytes: number,
  format: Sniffed,
  read: Read,
  dropInvalidRows: boolean,
): { table: BankTable; audit: DataAudit } {
  const { header, columns, rows, log, scanner } = read;
  if (header === undefined || columns === undefined || rows === undefined) {
    throw new DataError("empty", path, "no header line: expected a line naming the columns");
  }
  const rowsRead = rows.rowsRead + log.fieldCountErrors;
  if (rowsRead === 0) {
    throw new DataError("header-only", path, "the file has a header but no data rows");
  }
  const counts = { problemCount: log.problemCount, invalidRows: log.invalidRows };
  if (log.invalidRows > 0 && !dropInvalidRows) {
    const perColumn = Object.entries(log.invalidCells).map(([name, n]) => `${name} ${n}`);
    const parts = [
      ...(perColumn.length > 0 ? [`invalid values per column: ${perColumn.join(", ")}`] : []),
      ...(log.fieldCountErrors > 0
        ? [`${log.fieldCountErrors} with the wrong number of fields`]
        : []),
    ];
    const headline = `${log.invalidRows} invalid ${log.invalidRows === 1 ? "row" : "rows"} of ${rowsRead} (${parts.join("; ")}):`;
    throw new DataError("invalid-rows", path, headline, log.problems(), [DROP_HINT], counts);
  }
  const table = rows.table(columns.labelColumn);
  if (table.rows === 0) {
    const headline = `all ${rowsRead} rows are invalid and were dropped: no data left`;
    throw new DataError("no-valid-rows", path, headline, log.problems(), [], counts);
  }
  checkBothClasses(path, table);
  const audit = buildAudit(table, {
    file: path,
    sha256: scanner.digest(),
    bytes,
    format: {
      variant: variantOf(format.delimiter, columns.labelColumn),
      delimiter: format.delimiter,
      labelColumn: columns.labelColumn,
      bom: format.bom,
      lineEnding: format.lineEnding,
    },
    header,
    extraColumns: columns.extraColumns,
    rowsRead,
    emptyLines: scanner.blankLines,
    rowsDropped: log.invalidRows,
    droppedRows: log.droppedRows(),
    invalidCells: log.invalidCells,
    fieldCountErrors: log.fieldCountErrors,
  });
  return { table, audit };
}

function checkBothClasses(path: string, table: BankTable) {
  const positives = table.label.reduce((sum, v) => sum + v, 0);
  if (positives === 0 || positives === table.rows) {
    const value = positives === 0 ? "no" : "yes";
    const headline = `all ${table.rows} rows have ${table.labelColumn} = "${value}": a classifier needs both classes (yes and no)`;
    throw new DataError("single-class", path, headline);
  }
}

function variantOf(delimiter: string, label: string): "kaggle" | "uci" | "other" {
  if (delimiter === "," && label === "deposit") return "kaggle";
  return delimiter === ";" && label === "y" ? "uci" : "other";
}
