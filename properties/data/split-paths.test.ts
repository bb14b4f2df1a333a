/**
 * The loader splits records three ways (src/data/records.ts): at the delimiters when a record
 * holds no double quote, by `splitQuoted` when its quotes are well placed, by csv-parse (for its
 * error) when one is misplaced. The scanner and splitter read any generated text as csv-parse
 * reads it whole; and the same file written with every field quoted or only some loads to the
 * same table and audit, or fails with the same error — over mixed \n, \r\n and \r line ends,
 * blank lines, ragged, invalid and misquoted rows, and records cut by the 64 KiB reads.
 */
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { DataError, loadBankCsv } from "../../src/data/index.js";
import type { BankTable, DataAudit, LoadOptions } from "../../src/data/index.js";
import { splitQuoted } from "../../src/data/quoted-fields.js";
import { RecordSplitter } from "../../src/data/records.js";
import { CsvScanner } from "../../src/data/scan.js";
import { bankRow, KAGGLE_HEADER, runs, writeTemp } from "../support/bank-csv.js";
import { expectSameTable } from "./same-table.js";

/** A cell of a row: valid values, invalid ones, and text that must be quoted. */
const cell: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) }, // the row's valid value
  fc.constantFrom("12a", "maybe", "NA", "", " 7", "é", "\uFEFFno", "x,y", 'say "hi"', "a\r\nb"),
);

/** What a line of the file is: a bank row (cells changed, maybe ragged) or a blank line. */
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      changes: fc.array(fc.tuple(fc.nat(16), cell), { maxLength: 3 }),
      label: fc.constantFrom("yes", "no"),
      ragged: fc.constantFrom(0, 0, 0, -1, 1),
      // None quoted half the time: one quote sends a record to csv-parse.
      quoteSome: fc.oneof(
        fc.constant(Array.from({ length: 18 }, () => false)),
        fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
      ),
    }),
  },
  fc.constantFrom({ blank: "" }, { blank: "  \t" }),
);
const lineEnd: fc.Arbitrary<string> = fc.constantFrom("\n", "\r\n", "\r");
const file = fc.record({
  delimiter: fc.constantFrom(",", ";"),
  bom: fc.boolean(),
  lines: fc.array(fc.tuple(line, lineEnd), { minLength: 1, maxLength: 25 }),
  headerEnd: lineEnd,
  lastEnd: fc.constantFrom("", "\n"),
});
type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

const needsQuotes = (text: string, delimiter: string) =>
  /["\r\n]/.test(text) || text.includes(delimiter) || text.startsWith("\uFEFF");
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A value written as is in both versions: a quote where CSV allows none. */
interface Raw {
  row: number;
  column: number;
  text: string;
}

/**
 * The file's text — every field quoted (`all`), or only those `quoteSome` picks and those that
 * must be — and the line on which the data row `raw.row` starts (its `raw.column` written as is).
 */
function write(f: File, all: boolean, raw?: Raw): { text: string; rawLine: number } {
  const field = (text: string, pick: boolean) =>
    all || pick || needsQuotes(text, f.delimiter) ? quote(text) : text;
  let text = (f.bom ? "\uFEFF" : "") + KAGGLE_HEADER.map((n) => field(n, false)).join(f.delimiter);
  text += f.headerEnd;
  let [row, rawLine] = [0, 0];
  f.lines.forEach(([l, end], k) => {
    if ("blank" in l) text += l.blank;
    else {
      const values = bankRow({ deposit: l.label });
      for (const [column, value] of l.changes) if (value !== undefined) values[column] = value;
      if (l.ragged < 0) values.pop();
      if (l.ragged > 0) values.push("extra");
      const fields = values.map((v, c) => field(v, l.quoteSome[c]));
      if (raw?.row === row) {
        fields[raw.column] = raw.text;
        rawLine = text.split(/\r\n|\r|\n/).length;
      }
      text += fields.join(f.delimiter);
      row++;
    }
    text += k === f.lines.length - 1 ? f.lastEnd || end : end;
  });
  return { text, rawLine };
}

/** What loading gave: the table and audit (file facts blanked), or the error and its message. */
type Outcome =
  | { table: BankTable; audit: DataAudit; error?: undefined; message?: undefined }
  | {
      table?: undefined;
      error: Pick<DataError, "kind" | "problems" | "problemCount" | "invalidRows">;
      message: string;
    };

/** Loads `text`; the message without the path, which differs from file to file. */
async function outcome(text: string, options: LoadOptions): Promise<Outcome> {
  const path = writeTemp(text);
  try {
    const { table, audit } = await loadBankCsv(path, options);
    return { table, audit: { ...audit, file: "", sha256: "", bytes: 0 } };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const { kind, problems, problemCount, invalidRows } = error;
    return {
      error: { kind, problems, problemCount, invalidRows },
      message: error.message.slice(path.length),
    };
  }
}

describe("a file loads the same whichever way its records are split", () => {
  test("the same file, every field quoted or only some: same table, audit or error", async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.boolean(), async (f, dropInvalidRows) => {
        const some = await outcome(write(f, false).text, { dropInvalidRows });
        const all = await outcome(write(f, true).text, { dropInvalidRows });
        if (all.table !== undefined && some.table !== undefined) {
          expectSameTable(all.table, some.table);
          expect(some.table.lines).toEqual(all.table.lines);
          // The line ending the audit names is the header's; quoting does not change it.
          expect(some.audit).toEqual(all.audit);
        } else expect(some).toEqual(all);
      }),
      { numRuns: runs * 2 },
    );
  }, 60_000);

  test("a file of 250 KB, records cut by the 64 KiB reads anywhere, mixed paths: same table", async () => {
    // A deterministic file: rows of varying length (multi-byte characters, quoted line breaks)
    // so that the stream's 64 KiB chunks end inside records, quoted and not, at many offsets.
    const [f] = fc.sample(file, { seed: 23, numRuns: 1 });
    const values = ["é", "\u{1F600}x", "a\r\nb", 'say "hi"', "tech", "x,y"];
    f.lines = Array.from({ length: 3000 }, (_, k) => [
      {
        changes: [[1, values[k % values.length] + "z".repeat(k % 10)]],
        label: k % 2 ? "yes" : "no",
        ragged: k % 101 === 0 ? 1 : 0,
        quoteSome: Array.from({ length: 18 }, (_, c) => k % 3 === 0 && c === k % 18),
      },
      ["\n", "\r\n", "\r"][k % 3],
    ]);
    const some = await outcome(write(f, false).text, { dropInvalidRows: true });
    const all = await outcome(write(f, true).text, { dropInvalidRows: true });
    expect(write(f, false).text.length).toBeGreaterThan(3 * 65536);
    if (some.table === undefined || all.table === undefined)
      throw new Error(`expected both to load: ${some.message}`);
    expect(some.table.rows).toBe(3000 - 30); // rows 0, 101, …, 2929 are ragged, dropped
    const kept = f.lines.flatMap((_, k) => (k % 101 === 0 ? [] : [k]));
    const { codes, levels } = some.table.categorical.job;
    expect(Array.from(codes, (code) => levels[code])).toEqual(
      kept.map((k) => values[k % values.length] + "z".repeat(k % 10)),
    );
    expectSameTable(all.table, some.table);
    expect(some.table.lines).toEqual(all.table.lines);
    expect(some.audit).toEqual(all.audit);
  });

  test("a misplaced quote is refused at its line, the same way, whatever the records around it", async () => {
    const misplaced = fc.constantFrom('ab"c', '"ab"c', '"a" ', 'a"');
    await fc.assert(
      fc.asyncProperty(file, misplaced, fc.nat(16), fc.nat(), async (f, text, column, at) => {
        const rows = f.lines.flatMap(([l]) => ("blank" in l ? [] : [l]));
        fc.pre(rows.length > 0);
        const row = at % rows.length;
        rows[row].ragged = 0; // a ragged record is withheld before any quote is read
        const raw = { row, column, text };
        const some = write(f, false, raw);
        const all = write(f, true, raw);
        const [fromSome, fromAll] = [await outcome(some.text, {}), await outcome(all.text, {})];
        expect(fromSome).toEqual(fromAll);
        expect(fromSome.error?.kind).toBe("malformed-csv");
        expect(fromSome.message).toMatch(new RegExp(`^: not valid CSV at line ${some.rawLine}: `));
      }),
      { numRuns: runs },
    );
  }, 60_000);
});

describe("the scanner and splitter read records as csv-parse reads the whole text", () => {
  const text = fc.string({
    maxLength: 8,
    unit: fc.constantFrom("a", " ", "\t", ",", ";", '"', "\r", "\n", "é", "\u{1F600}", "\uFEFF"),
  });
  const misquote = fc.constantFrom('a"b', '"a"b', '"a" ', 'a"');
  /** A field as written: quoted (with "" escapes), raw (when safe), or misquoted. */
  const field = (delimiter: string) =>
    fc.oneof(
      { weight: 10, arbitrary: text.map(quote) },
      {
        weight: 10,
        arbitrary: text.filter(
          (t) => t !== "" && !needsQuotes(t, delimiter) && !/^[ \t]*$/.test(t),
        ),
      },
      { weight: 1, arbitrary: misquote }, // about half the files hold one
    );
  /** Rows of the header's width (any quoting), blank lines, and unquoted ragged rows. */
  const csv = fc
    .tuple(fc.constantFrom(",", ";"), fc.integer({ min: 2, max: 4 }))
    .chain(([delimiter, width]) => {
      const line = fc.oneof(
        {
          weight: 6,
          arbitrary: fc.array(field(delimiter), { minLength: width, maxLength: width }),
        },
        fc.constantFrom(
          [""],
          [" \t"],
          ["x"],
          Array.from({ length: width + 1 }, () => "x"),
        ),
      );
      const records = fc.array(fc.tuple(line, lineEnd), { minLength: 1, maxLength: 8 });
      return fc.record({ delimiter: fc.constant(delimiter), width: fc.constant(width), records });
    });

  test("the same records (header-wide, blank lines withheld) or a malformed-CSV error", () => {
    fc.assert(
      fc.property(csv, ({ delimiter, width, records }) => {
        const header = Array.from({ length: width }, (_, k) => `c${k}`).join(delimiter);
        const body = records.map(([fields, end]) => fields.join(delimiter) + end).join("");
        const bytes = Buffer.from(`${header}\n${body}`);
        let expected: string[][] | "error";
        try {
          const all = parse(bytes, {
            delimiter,
            record_delimiter: ["\r\n", "\n", "\r"],
            relax_column_count: true,
          });
          expected = (all as string[][]).filter((r) => r.length === width);
        } catch {
          expected = "error";
        }
        const got: string[][] = [];
        const limits = { maxFields: 1024, maxRecordBytes: 65536 };
        const splitter = new RecordSplitter("x.csv", delimiter, limits.maxRecordBytes, (f) => {
          got.push(f);
        });
        const scanner = new CsvScanner("x.csv", delimiter, limits, { ragged() {} }, splitter);
        try {
          scanner.chunk(bytes);
          scanner.end();
        } catch (error) {
          expect((error as DataError).kind).toBe("malformed-csv");
          expect(expected).toBe("error");
          return;
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: runs * 10 },
    );
  });
});

describe("RecordSplitter splits an unquoted record as csv-parse does", () => {
  const unquoted = fc.string({
    maxLength: 40,
    unit: fc.constantFrom("a", "1", ",", ";", " ", "\t", "é", "\u{1F600}", "\uFEFF", "'", "\\"),
  });
  test("the fields of any record without a quote, line break or leading blank line", () => {
    fc.assert(
      fc.property(unquoted, fc.constantFrom(",", ";"), (text, delimiter) => {
        fc.pre(text.trim() !== "");
        const got: string[][] = [];
        const splitter = new RecordSplitter("x.csv", delimiter, 65536, (fields) => {
          got.push(fields);
        });
        splitter.plain(text, 1);
        expect(got).toEqual(parse(Buffer.from(text), { delimiter, bom: false }));
      }),
      { numRuns: runs * 10 },
    );
  });
});

test("splitQuoted refuses a quote that is never closed instead of looping", () => {
  expect(() => splitQuoted('a,"b""c', ",")).toThrow(
    "splitQuoted: a quote opened at 2 is never closed",
  );
  expect(splitQuoted('a,"b""c"', ",")).toEqual(["a", 'b"c']);
});
