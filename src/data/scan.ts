import { createHash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { Transform } from "node:stream";
import { DataError } from "./errors.js";

/** Bounds on what one record may hold before the file is refused as not a bank CSV. */
export interface ScanLimits {
  /** Fields in one record (a bank file has 17 or so). */
  maxFields: number;
  /** Bytes in one record, quoted line breaks included. */
  maxRecordBytes: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the end of the field, or the first of "" (an escaped quote). */
  QuoteInQuoted,
}

/**
 * The bytes of a CSV file on their way to csv-parse: hashes them (SHA-256) and checks, in one
 * pass and in bounded memory, what csv-parse cannot say well or at all:
 *
 * - the bytes are UTF-8 (`isUtf8` per chunk; an invalid byte is a DataError `not-utf8` with its
 *   line and character position), so no byte is silently replaced by U+FFFD;
 * - no record has more than `maxFields` fields (a line of commas would otherwise become one
 *   array of millions of empty strings) or more than `maxRecordBytes` bytes;
 * - a quote that is never closed is reported at the line and position where it opened (not
 *   where the record overflowed, nor at the end of the file).
 *
 * Lines are counted as csv-parse counts them: \r\n, \r or \n ends a line, inside quotes too.
 * Quotes follow csv-parse: a quote opens a quoted field only at its start; "" inside one is a
 * quote; other misplaced quotes are left for csv-parse to report.
 */
export function scanner(path: string, delimiter: string, limits: ScanLimits) {
  const hash = createHash("sha256");
  const comma = delimiter.charCodeAt(0);
  let state = State.FieldStart;
  let line = 1;
  /** Characters (not bytes) before the current byte on its line, for positions in messages. */
  let column = 0;
  let afterCR = false;
  let fields = 1;
  let recordBytes = 0;
  let recordLine = 1;
  let quoteLine = 0;
  let quoteColumn = 0;
  /** An incomplete UTF-8 sequence at the end of the last chunk (checked with the next one). */
  let carry: Buffer = Buffer.alloc(0);

  const malformed = (at: number, reason: string) =>
    new DataError("malformed-csv", path, `not valid CSV at line ${at}: ${reason}`);

  function unclosed(suffix: string) {
    return malformed(
      quoteLine,
      `Quote Not Closed: the quote opened at line ${quoteLine}, column ${quoteColumn} is never closed${suffix}`,
    );
  }

  /** Advances the state over bytes[from, to); throws a DataError when a limit is passed. */
  function scan(bytes: Buffer, from: number, to: number) {
    for (let i = from; i < to; i++) {
      const b = bytes[i];
      if (b === LF || b === CR) {
        if (!(b === LF && afterCR)) line++;
        afterCR = b === CR;
        column = 0;
        if (state !== State.Quoted) {
          state = State.FieldStart;
          fields = 1;
          recordBytes = 0;
          recordLine = line;
          continue;
        }
      } else {
        afterCR = false;
        if ((b & 0xc0) !== 0x80) column++;
        if (state === State.Quoted) {
          if (b === QUOTE) state = State.QuoteInQuoted;
        } else if (b === comma) {
          state = State.FieldStart;
          if (++fields > limits.maxFields) {
            throw malformed(
              recordLine,
              `more than ${limits.maxFields} fields in one record (a bank file has 17 or so)`,
            );
          }
        } else if (state === State.FieldStart) {
          if (b === QUOTE) {
            state = State.Quoted;
            quoteLine = line;
            quoteColumn = column;
          } else state = State.Unquoted;
        } else if (state === State.QuoteInQuoted) {
          state = b === QUOTE ? State.Quoted : State.Unquoted;
        }
      }
      if (++recordBytes > limits.maxRecordBytes) {
        if (state === State.Quoted) {
          throw unclosed(` (the record runs on for more than ${limits.maxRecordBytes} bytes)`);
        }
        throw malformed(
          recordLine,
          `a record of more than ${limits.maxRecordBytes} bytes (not a bank row)`,
        );
      }
    }
  }

  /** The DataError for the first invalid UTF-8 sequence of `bytes`, at offset `at`. */
  function notUtf8(bytes: Buffer, at: number) {
    scan(bytes, 0, at);
    const byte = `0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")}`;
    return new DataError(
      "not-utf8",
      path,
      `not UTF-8 text: line ${line}, column ${column + 1}: byte ${byte} — expected UTF-8 (is the file Latin-1 or Windows-1252? save it as UTF-8)`,
    );
  }

  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        hash.update(chunk);
        const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const cut = bytes.length - incompleteTail(bytes);
        if (!isUtf8(bytes.subarray(0, cut))) throw notUtf8(bytes, firstInvalidUtf8(bytes, cut));
        scan(bytes, 0, cut);
        carry = Buffer.from(bytes.subarray(cut));
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      if (carry.length > 0) return done(notUtf8(carry, 0));
      if (state === State.Quoted) return done(unclosed(""));
      done();
    },
  });
  return { transform, digest: () => hash.digest("hex") };
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** The offset of the first byte of `bytes[0, end)` that is not part of valid UTF-8. */
function firstInvalidUtf8(bytes: Buffer, end: number): number {
  for (let i = 0; i < end;) {
    const b = bytes[i];
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > end || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return end;
}
