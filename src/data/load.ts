import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { buildAudit } from "./audit-builder.js";
import type { DataAudit, DroppedRow } from "./audit.js";
import { PANDAS_NA_VALUES, parseNumber, parseYesNo } from "./cells.js";
import { DataError, describeFinding } from "./errors.js";
import type { DataProblem } from "./errors.js";
import { GrowingColumn } from "./growing.js";
import { locateColumns } from "./header.js";
import type { ColumnPositions } from "./header.js";
import { CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, YES_NO_COLUMNS } from "./schema.js";
import type { CategoricalColumn, NumericColumn, YesNoColumn } from "./schema.js";
import { scanner } from "./scan.js";
import { sniff } from "./sniff.js";
import type { BankTable } from "./table.js";

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
}

export const LIMITS: LoadLimits = {
  examplesPerKind: 20,
  droppedRowsListed: 100,
  maxFields: 1024,
  maxRecordBytes: 64 * 1024,
};

/** Bytes read to detect the BOM, the delimiter and the line ending. */
const SNIFF_BYTES = 64 * 1024;

const DROP_HINT =
  "Fix the file, or drop the invalid rows with the loader's dropInvalidRows option " +
  "(train script: --drop-invalid-rows); the dropped rows are then counted, and the first listed, in the data audit.";

/** Line breaks (\r\n, \n or \r) inside the fields of a record (quoted fields may hold them). */
function lineBreaksIn(record: string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.includes("\n") || field.includes("\r"))
      breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

async function readHead(path: string): Promise<{ head: Buffer; bytes: number }> {
  let handle;
  try {
    handle = await open(path, "r");
    const stats = await handle.stat();
    if (!stats.isFile()) throw new DataError("unreadable", path, "not a file (a directory?)");
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, stats.size));
    await handle.read(head, 0, head.length, 0);
    return { head, bytes: stats.size };
  } catch (error) {
    if (error instanceof DataError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError("unreadable", path, `cannot read the file (${reason})`);
  } finally {
    await handle?.close();
  }
}

function byColumn<K extends string, T>(names: readonly K[], make: (name: K) => T): Record<K, T> {
  return Object.fromEntries(names.map((name) => [name, make(name)])) as Record<K, T>;
}

/**
 * Loads a Bank Marketing CSV — the article's Kaggle variant (`,`, label `deposit`) or the UCI
 * files (`;`, quoted, label `y`); delimiter detected, BOM and CRLF tolerated — into a columnar
 * {@link BankTable}, streaming: csv-parse yields one record at a time and its values go straight
 * into typed arrays. Returns the table and the file's {@link DataAudit}.
 *
 * Throws a {@link DataError} for an unreadable, empty, header-only or non-CSV file, missing or
 * duplicate columns, a single class, and — unless `dropInvalidRows` — for rows with the wrong
 * number of fields or invalid values, listing every offending cell.
 */
export async function loadBankCsv(
  path: string,
  options: LoadOptions = {},
): Promise<{ table: BankTable; audit: DataAudit }> {
  const limits = { ...LIMITS, ...options.limits };
  const { head, bytes } = await readHead(path);
  const utf16 =
    head[0] === 0xff && head[1] === 0xfe ? "LE" : head[0] === 0xfe && head[1] === 0xff ? "BE" : "";
  if (utf16 !== "") {
    const mark = utf16 === "LE" ? "FF FE" : "FE FF";
    throw new DataError(
      "not-utf8",
      path,
      `not UTF-8 text: the file starts with a UTF-16 ${utf16} byte-order mark (${mark}): it is UTF-16; save it as UTF-8`,
    );
  }
  const format = sniff(head);
  if (format.blank) {
    const what = bytes === 0 ? "the file is empty" : "the file holds only blank lines";
    throw new DataError("empty", path, `${what}: expected a header line naming the columns`);
  }
  const capacity = Math.ceil(bytes / 64);
  const numeric = NUMERIC_COLUMNS.map(
    () => new GrowingColumn((n) => new Float64Array(n), capacity),
  );
  const yesNo = YES_NO_COLUMNS.map(() => new GrowingColumn((n) => new Uint8Array(n), capacity));
  const codes = CATEGORICAL_COLUMNS.map(
    () => new GrowingColumn((n) => new Uint32Array(n), capacity),
  );
  const levels = CATEGORICAL_COLUMNS.map(() => new Map<string, number>());
  const label = new GrowingColumn((n) => new Float64Array(n), capacity);
  const lines = new GrowingColumn((n) => new Uint32Array(n), capacity);
  /** The first examples of each kind of problem (a column name, or "" for the field count). */
  const problems: DataProblem[] = [];
  const examples = new Map<string, number>();
  let problemCount = 0;
  let invalidRows = 0;
  const droppedRows: DroppedRow[] = [];
  const invalidCells: Record<string, number> = {};
  let fieldCountErrors = 0;
  let emptyLines = 0;
  let rowsRead = 0;
  let header: string[] | undefined;
  let columns: ColumnPositions | undefined;
  const parser = parse({
    delimiter: format.delimiter,
    bom: true,
    relax_column_count: true,
    // A backstop: the scanner refuses longer records first, with the line they start on.
    max_record_size: limits.maxRecordBytes + 1,
  });
  const scan = scanner(path, format.delimiter, limits);
  const numbers = new Float64Array(NUMERIC_COLUMNS.length);
  const flags = new Int8Array(YES_NO_COLUMNS.length);
  const rowProblems: DataProblem[] = [];

  async function consume(records: AsyncIterable<string[]>) {
    try {
      await readRecords(records);
    } catch (error) {
      // pipeline() rejects with an AbortError, not with what the last stage threw: keep it.
      failure = error;
      throw error;
    }
  }

  function invalidCell(record: string[], line: number, index: number, expected: string) {
    const column = (header as string[])[index];
    rowProblems.push({ line, column, columnNumber: index + 1, value: record[index], expected });
    invalidCells[column] = (invalidCells[column] ?? 0) + 1;
  }

  /** Validates one data record; appends its values to the columns, or records its problems. */
  function readRow(record: string[], line: number, at: ColumnPositions) {
    rowsRead++;
    rowProblems.length = 0;
    const fieldCount = (header as string[]).length;
    if (record.length !== fieldCount) {
      fieldCountErrors++;
      const value = `${record.length} ${record.length === 1 ? "field" : "fields"}`;
      rowProblems.push({ line, value, expected: `${fieldCount} fields, as in the header` });
    } else {
      for (let k = 0; k < at.numeric.length; k++) {
        numbers[k] = parseNumber(record[at.numeric[k]]);
        if (Number.isNaN(numbers[k])) invalidCell(record, line, at.numeric[k], "a number");
      }
      for (let k = 0; k < at.yesNo.length; k++) {
        flags[k] = parseYesNo(record[at.yesNo[k]]);
        if (flags[k] < 0) invalidCell(record, line, at.yesNo[k], '"yes" or "no"');
      }
      for (const index of at.categorical) {
        if (PANDAS_NA_VALUES.has(record[index])) {
          invalidCell(record, line, index, "a category (pandas reads this value as missing)");
        }
      }
      if (parseYesNo(record[at.label]) < 0) invalidCell(record, line, at.label, '"yes" or "no"');
    }
    if (rowProblems.length > 0) {
      invalidRows++;
      problemCount += rowProblems.length;
      for (const problem of rowProblems) {
        const kind = problem.column ?? "";
        const kept = examples.get(kind) ?? 0;
        if (kept < limits.examplesPerKind) {
          examples.set(kind, kept + 1);
          problems.push(problem);
        }
      }
      if (options.dropInvalidRows && droppedRows.length < limits.droppedRowsListed) {
        droppedRows.push({ line, reasons: rowProblems.map(describeFinding) });
      }
      return;
    }
    for (let k = 0; k < numbers.length; k++) numeric[k].push(numbers[k]);
    for (let k = 0; k < flags.length; k++) yesNo[k].push(flags[k]);
    for (let k = 0; k < at.categorical.length; k++) {
      const value = record[at.categorical[k]];
      let code = levels[k].get(value);
      if (code === undefined) levels[k].set(value, (code = levels[k].size));
      codes[k].push(code);
    }
    label.push(parseYesNo(record[at.label]));
    lines.push(line);
  }

  /**
   * Numbers the records by line as they come (cheaper than csv-parse's per-record `info`
   * snapshot): a record starts on the line after the previous one ended and spans the line
   * breaks inside its quoted fields. An empty line comes as [""]: skipped and counted, as pandas
   * skips blank lines.
   */
  async function readRecords(records: AsyncIterable<string[]>) {
    let line = 0;
    for await (const record of records) {
      const start = line + 1;
      line = start + lineBreaksIn(record);
      if (record.length === 1 && record[0] === "") emptyLines++;
      else if (columns === undefined) {
        header = record;
        columns = locateColumns(path, header, start);
      } else readRow(record, start, columns);
    }
  }

  let failure: unknown;
  try {
    await pipeline(createReadStream(path), scan.transform, parser, consume);
  } catch (caught) {
    const error = failure ?? caught;
    if (error instanceof DataError) throw error;
    if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines;
      const where = at === undefined ? "" : ` at line ${at}`;
      throw new DataError("malformed-csv", path, `not valid CSV${where}: ${error.message}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError("unreadable", path, `cannot read the file (${reason})`);
  }
  if (columns === undefined || header === undefined) {
    throw new DataError("empty", path, "no header line: expected a line naming the columns");
  }
  if (rowsRead === 0) {
    throw new DataError("header-only", path, "the file has a header but no data rows");
  }
  const counts = { problemCount, invalidRows };
  if (invalidRows > 0 && !options.dropInvalidRows) {
    const perColumn = Object.entries(invalidCells).map(([name, n]) => `${name} ${n}`);
    const parts = [
      ...(perColumn.length > 0 ? [`invalid values per column: ${perColumn.join(", ")}`] : []),
      ...(fieldCountErrors > 0 ? [`${fieldCountErrors} with the wrong number of fields`] : []),
    ];
    const headline = `${invalidRows} invalid ${invalidRows === 1 ? "row" : "rows"} of ${rowsRead} (${parts.join("; ")}):`;
    throw new DataError("invalid-rows", path, headline, problems, [DROP_HINT], counts);
  }
  if (label.length === 0) {
    const headline = `all ${rowsRead} rows are invalid and were dropped: no data left`;
    throw new DataError("no-valid-rows", path, headline, problems, [], counts);
  }
  const table: BankTable = {
    rows: label.length,
    numeric: byColumn(NUMERIC_COLUMNS, (name: NumericColumn) =>
      numeric[NUMERIC_COLUMNS.indexOf(name)].values(),
    ),
    yesNo: byColumn(YES_NO_COLUMNS, (name: YesNoColumn) =>
      yesNo[YES_NO_COLUMNS.indexOf(name)].values(),
    ),
    categorical: byColumn(CATEGORICAL_COLUMNS, (name: CategoricalColumn) => {
      const k = CATEGORICAL_COLUMNS.indexOf(name);
      return { codes: codes[k].values(), levels: [...levels[k].keys()] };
    }),
    label: label.values(),
    labelColumn: columns.labelColumn,
    lines: lines.values(),
  };
  const positives = table.label.reduce((sum, v) => sum + v, 0);
  if (positives === 0 || positives === table.rows) {
    const value = positives === 0 ? "no" : "yes";
    const headline = `all ${table.rows} rows have ${table.labelColumn} = "${value}": a classifier needs both classes (yes and no)`;
    throw new DataError("single-class", path, headline);
  }
  const audit = buildAudit(table, {
    file: path,
    sha256: scan.digest(),
    bytes,
    format: {
      variant:
        format.delimiter === "," && columns.labelColumn === "deposit"
          ? "kaggle"
          : format.delimiter === ";" && columns.labelColumn === "y"
            ? "uci"
            : "other",
      delimiter: format.delimiter,
      labelColumn: columns.labelColumn,
      bom: format.bom,
      lineEnding: format.lineEnding,
    },
    header,
    extraColumns: columns.extraColumns,
    rowsRead,
    emptyLines,
    rowsDropped: invalidRows,
    droppedRows,
    invalidCells,
    fieldCountErrors,
  });
  return { table, audit };
}
