import { createHash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { Writable } from "node:stream";
import { DataError } from "./errors.js";
import { RecordBytes } from "./record-bytes.js";
import type { RecordSplitter } from "./records.js";
import { firstInvalidUtf8, incompleteTail } from "./utf8.js";

/** Bounds on what one record may hold before the file is refused as not a bank CSV. */
export interface ScanLimits {
  /** Fields in one record (a bank file has 17 or so). */
  maxFields: number;
  /** Bytes in one record, quoted line breaks included. */
  maxRecordBytes: number;
}

/** What the scanner tells the loader about the records it withholds. */
export interface ScanEvents {
  /** A record (starting on `line`) of `fields` fields, not the header's `headerFields`. */
  ragged(line: number, fields: number, headerFields: number): void;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the end of the field, or the first of "" (an escaped quote). */
  QuoteInQuoted,
}

/**
 * The bytes of a CSV file, seen once each, in bounded memory, on their way to the
 * {@link RecordSplitter} (./records.ts). The scanner hashes them (SHA-256), counts them, and
 *
 * - checks they are UTF-8 (`isUtf8` per chunk; an invalid byte is a DataError `not-utf8` with its
 *   line and character position), so no byte is silently replaced by U+FFFD;
 * - refuses a record of more than `maxFields` fields or `maxRecordBytes` bytes, and reports a
 *   quote that is never closed at the line and position where it opened;
 * - splits records where pandas does: \r\n, \n and \r each end a line, whichever comes (mixed
 *   endings included), except inside quotes; a quote opens a quoted field only at its start, and
 *   "" inside one is a quote (other misplaced quotes are left for csv-parse to report);
 * - passes on only the header and the records with as many fields as the header, with the line
 *   each starts on, its line break left out, and whether it holds a double quote: blank lines
 *   (empty, or spaces and tabs only, which pandas' `skip_blank_lines` skips) are counted, and a
 *   record of another width is reported to `events.ragged`, so csv-parse never sees either (it
 *   would spend ~30 µs on each, building an error object before reading `relax_column_count`).
 *
 * `skip` bytes at the start (a UTF-8 byte-order mark) are neither scanned nor passed on.
 */
export class CsvScanner {
  /** Blank lines withheld. */
  blankLines = 0;
  /** Bytes hashed. */
  bytes = 0;
  private readonly hash = createHash("sha256");
  private readonly comma: number;
  private state = State.FieldStart;
  private line = 1;
  /** Characters (not bytes) before the current byte on its line, for positions in messages. */
  private column = 0;
  private afterCR = false;
  private fields = 1;
  private recordBytes = 0;
  private recordLine = 1;
  /** Whether the current record holds nothing but spaces and tabs so far. */
  private blank = true;
  private quoteLine = 0;
  private quoteColumn = 0;
  /** The header's field count (0 until the first non-blank record ends). */
  private headerFields = 0;
  /** Whether the current record holds a double quote. */
  private quoted = false;
  /**
   * Whether one of its quotes is misplaced: inside an unquoted field, or a closing quote followed
   * by anything but the delimiter or the line break (csv-parse's two quoting errors).
   */
  private misquoted = false;
  /** An incomplete UTF-8 sequence at the end of the last chunk (scanned with the next one). */
  private carry: Buffer = Buffer.alloc(0);
  private readonly record = new RecordBytes();
  /** Off while the bytes before an invalid UTF-8 byte are scanned only to locate it. */
  private passing = true;

  constructor(
    private readonly path: string,
    delimiter: string,
    private readonly limits: ScanLimits,
    private readonly events: ScanEvents,
    private readonly records: RecordSplitter,
    private skip = 0,
  ) {
    this.comma = delimiter.charCodeAt(0);
  }

  /** The stream's last stage: the file's bytes in, its records to the splitter. */
  writable(): Writable {
    return new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        try {
          this.chunk(chunk);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
      final: (done) => {
        try {
          this.end();
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    });
  }

  /** SHA-256 of the bytes scanned, hex (call once, at the end). */
  digest(): string {
    return this.hash.digest("hex");
  }

  /** Scans one chunk; passes on the records it completes. */
  chunk(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = bytes.length - incompleteTail(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) throw this.notUtf8(bytes, firstInvalidUtf8(bytes, cut));
    const from = Math.min(this.skip, cut);
    this.record.begin(bytes, from);
    this.scan(bytes, from, cut);
    this.skip = 0;
    this.carry = Buffer.from(bytes.subarray(cut));
    this.record.endChunk(cut);
    this.records.flush();
  }

  /** The end of the file: passes on the last record, if it has no line break. */
  end(): void {
    if (this.carry.length > 0) throw this.notUtf8(this.carry, 0);
    if (this.state === State.Quoted) throw this.unclosed("");
    this.record.begin(Buffer.alloc(0), 0);
    if (this.recordBytes > 0 && this.decide()) this.pass(0);
    this.records.flush();
  }

  /** Advances the state over bytes[from, to); throws a DataError when a limit is passed. */
  private scan(bytes: Buffer, from: number, to: number) {
    for (let i = from; i < to; i++) {
      if (!this.blank && (this.state === State.Unquoted || this.state === State.Quoted)) {
        i = this.skipPlain(bytes, i, to);
        if (i === to) break;
      }
      const b = bytes[i];
      if (b === LF && this.afterCR) {
        this.afterCR = false;
        if (this.state !== State.Quoted) {
          this.record.restart(i + 1);
          continue;
        }
      } else if (b === LF || b === CR) {
        this.line++;
        this.afterCR = b === CR;
        this.column = 0;
        if (this.state !== State.Quoted) {
          this.endRecord(i);
          continue;
        }
      } else {
        this.afterCR = false;
        if ((b & 0xc0) !== 0x80) this.column++;
        if (this.blank && b !== SPACE && b !== TAB) this.blank = false;
        this.advance(b);
      }
      if (++this.recordBytes > this.limits.maxRecordBytes) throw this.tooLong();
    }
  }

  /**
   * Skips, from `i`, the bytes inside a field that change no state — not a line break, a quote
   * or (outside quotes) the delimiter — counting them; returns the offset of the first that does
   * (or `to`). The common case, in a tighter loop than `scan`'s.
   */
  private skipPlain(bytes: Buffer, i: number, to: number): number {
    const quoted = this.state === State.Quoted;
    const comma = this.comma;
    const start = i;
    let column = this.column;
    for (; i < to; i++) {
      const b = bytes[i];
      if (b === LF || b === CR || b === QUOTE || (b === comma && !quoted)) break;
      if ((b & 0xc0) !== 0x80) column++;
    }
    if (i > start) this.afterCR = false;
    this.column = column;
    this.recordBytes += i - start;
    if (this.recordBytes > this.limits.maxRecordBytes) throw this.tooLong();
    return i;
  }

  /** The quote state machine over one byte that is not a line break outside quotes. */
  private advance(b: number) {
    if (b === QUOTE) this.quoted = true;
    if (this.state === State.Quoted) {
      if (b === QUOTE) this.state = State.QuoteInQuoted;
    } else if (b === this.comma) {
      this.state = State.FieldStart;
      if (++this.fields > this.limits.maxFields) {
        throw this.malformed(
          this.recordLine,
          `more than ${this.limits.maxFields} fields in one record (a bank file has 17 or so)`,
        );
      }
    } else if (this.state === State.FieldStart) {
      if (b === QUOTE) {
        this.state = State.Quoted;
        this.quoteLine = this.line;
        this.quoteColumn = this.column;
      } else this.state = State.Unquoted;
    } else if (this.state === State.QuoteInQuoted) {
      this.state = b === QUOTE ? State.Quoted : State.Unquoted;
      if (b !== QUOTE) this.misquoted = true;
    } else if (b === QUOTE) this.misquoted = true; // a quote inside an unquoted field
  }

  /** A record ends with the line break at `i`: pass it on or withhold it; start the next. */
  private endRecord(i: number) {
    if (this.decide()) this.pass(i);
    this.record.restart(i + 1);
    this.quoted = false;
    this.misquoted = false;
    this.state = State.FieldStart;
    this.fields = 1;
    this.recordBytes = 0;
    this.recordLine = this.line;
    this.blank = true;
  }

  /** Whether the record that just ended goes to csv-parse; counts or reports it if not. */
  private decide(): boolean {
    if (this.blank) {
      this.blankLines++;
      return false;
    }
    if (this.headerFields === 0) this.headerFields = this.fields;
    else if (this.fields !== this.headerFields) {
      this.events.ragged(this.recordLine, this.fields, this.headerFields);
      return false;
    }
    return true;
  }

  /** Passes on the record that just ended, before offset `end` of the chunk. */
  private pass(end: number) {
    if (!this.passing) return;
    if (this.misquoted || this.records.gathering) {
      this.records.gather(this.record.take(end), this.recordLine);
    } else if (this.quoted) this.records.quoted(this.record.text(end), this.recordLine);
    else this.records.plain(this.record.text(end), this.recordLine);
  }

  private malformed(at: number, reason: string) {
    return new DataError("malformed-csv", this.path, `not valid CSV at line ${at}: ${reason}`);
  }

  private unclosed(suffix: string) {
    return this.malformed(
      this.quoteLine,
      `Quote Not Closed: the quote opened at line ${this.quoteLine}, column ${this.quoteColumn} is never closed${suffix}`,
    );
  }

  private tooLong() {
    const limit = this.limits.maxRecordBytes;
    if (this.state === State.Quoted) {
      return this.unclosed(` (the record runs on for more than ${limit} bytes)`);
    }
    return this.malformed(this.recordLine, `a record of more than ${limit} bytes (not a bank row)`);
  }

  /** The DataError for the first invalid UTF-8 sequence of `bytes`, at offset `at`. */
  private notUtf8(bytes: Buffer, at: number) {
    this.passing = false;
    this.scan(bytes, Math.min(this.skip, at), at);
    const byte = `0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")}`;
    return new DataError(
      "not-utf8",
      this.path,
      `not UTF-8 text: line ${this.line}, column ${this.column + 1}: byte ${byte} — expected UTF-8 (is the file Latin-1 or Windows-1252? save it as UTF-8)`,
    );
  }
}
