/**
 * The records the scanner keeps, split into fields: by the loader itself where csv-parse would
 * split them the same way, by csv-parse where a quote is misplaced (its error is the message).
 */
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { DataError } from "./errors.js";
import { splitQuoted } from "./quoted-fields.js";

/** Where the records of a file go, in file order, with the line each starts on. */
export type RecordSink = (fields: string[], line: number) => void;

/**
 * Splits the records the scanner (./scan.ts) keeps into fields, in file order. A record without
 * a double quote is split at its delimiters (as csv-parse would split it: no trimming, an empty
 * field for each pair of adjacent delimiters), one whose quotes are well placed by
 * `splitQuoted`; from the first record with a misplaced quote in a chunk on, the records are
 * gathered, one line feed after each, and parsed by csv-parse together (`flush`, at the chunk's
 * end), so every quoting error is csv-parse's. Splitting is native string work, where csv-parse
 * runs its state machine byte by byte: `npm run bench:data` measures the difference.
 */
export class RecordSplitter {
  private batch: Buffer[] = [];
  private lines: number[] = [];
  private readonly options;

  constructor(
    private readonly path: string,
    private readonly delimiter: string,
    maxRecordBytes: number,
    private readonly sink: RecordSink,
  ) {
    // bom: false — the scanner skips the file's byte-order mark; another one is content.
    this.options = {
      delimiter,
      bom: false,
      record_delimiter: "\n",
      // A backstop: the scanner refuses longer records first, with the line they start on.
      max_record_size: maxRecordBytes + 1,
    };
  }

  /** Whether records are being gathered for csv-parse: then every record is, until `flush`. */
  get gathering(): boolean {
    return this.lines.length > 0;
  }

  /** A record holding no double quote, starting on `line`, split now (when not `gathering`). */
  plain(text: string, line: number): void {
    this.sink(text.split(this.delimiter), line);
  }

  /** A record whose quotes are well placed (./quoted-fields.ts), split now (when not `gathering`). */
  quoted(text: string, line: number): void {
    this.sink(splitQuoted(text, this.delimiter), line);
  }

  /**
   * A record for csv-parse: one with a misplaced quote, or any record after one in the same read
   * (so that there is one csv-parse call per read at most, and the records stay in order).
   * `bytes` may be a view of the chunk: flush before the next.
   */
  gather(bytes: Buffer, line: number): void {
    this.batch.push(bytes, LINE_FEED);
    this.lines.push(line);
  }

  /** Parses the records gathered so far with csv-parse; a quoting error is a DataError. */
  flush(): void {
    if (this.batch.length === 0) return;
    const [batch, lines] = [Buffer.concat(this.batch), this.lines];
    this.batch = [];
    this.lines = [];
    let records: string[][];
    try {
      records = parse(batch, this.options) as string[][];
    } catch (error) {
      throw malformed(this.path, error, lines);
    }
    for (let k = 0; k < records.length; k++) this.sink(records[k], lines[k]);
  }
}

const LINE_FEED = Buffer.from("\n");

/** csv-parse's error as a DataError `malformed-csv`, at the line of the record it was in. */
function malformed(path: string, error: unknown, lines: readonly number[]): unknown {
  if (!(error instanceof CsvError)) return error;
  const { records, index } = error as CsvError & { records?: number; index?: number };
  const line = records === undefined ? undefined : lines[records];
  const where = line === undefined ? "" : ` at line ${line}`;
  const message = error.message
    .replace(/ (at|on) line \d+/g, "")
    .replace(/on field \d+/, `in field ${(index ?? 0) + 1}`);
  return new DataError("malformed-csv", path, `not valid CSV${where}: ${message}`);
}
