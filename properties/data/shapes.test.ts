import { describe, expect, test } from "vitest";
import { DataError, loadBankCsv } from "../../src/data/index.js";
import type { LoadOptions } from "../../src/data/index.js";
import { bankRow, KAGGLE_HEADER, writeTemp } from "../support/bank-csv.js";

/*
 * Issue #23, classes 1 and 7: hostile shapes — ragged records, blank lines, mixed line endings —
 * are read or refused in a few µs per record, with the lines and counts that are in the file.
 */

/** Records in the large shapes below: enough that 30 µs per record (the old cost) shows. */
const MANY = 100_000;

/**
 * The time bound of a load of {@link MANY} records: 20 µs per record. The scanner and loader
 * need about 1 µs per record on this 2-core machine; the bound leaves 20× for a loaded machine.
 * Before #23 a ragged record cost about 33 µs (a CsvError built per record), a blank line 30 µs.
 */
const BOUND_MS = (MANY * 20) / 1000;

async function timed<T>(load: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await load();
  return { value, ms: performance.now() - start };
}

/** The DataError that loading `path` throws, and its message's lines after the path. */
async function refusal(path: string, options: LoadOptions = {}) {
  const error = await loadBankCsv(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  const dataError = error as DataError;
  return Object.assign(dataError, { lines: dataError.message.slice(path.length + 2).split("\n") });
}

const row = (changes: Record<string, string> = {}) => bankRow(changes).join(",");
const header = KAGGLE_HEADER.join(",");

describe("#23.1 ragged records and blank lines cost a few µs each", () => {
  test(`${MANY} one-field records are refused within ${BOUND_MS} ms, each counted with its line`, async () => {
    const text = `${header}\n${row()}\n${"x\n".repeat(MANY)}${row({ deposit: "no" })}\n`;
    const path = writeTemp(text);
    const { value: error, ms } = await timed(() => refusal(path));
    expect(error.kind).toBe("invalid-rows");
    expect(error.invalidRows).toBe(MANY);
    expect(error.lines.slice(0, 2)).toEqual([
      `${MANY} invalid rows of ${MANY + 2} (${MANY} with the wrong number of fields):`,
      "  line 3: 1 field — expected 17 fields, as in the header",
    ]);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 30_000);

  test(`${MANY} blank lines are skipped and counted within ${BOUND_MS} ms`, async () => {
    const text = `${header}\n${row()}\n${"\n".repeat(MANY)}${row({ deposit: "no" })}\n`;
    const { value, ms } = await timed(() => loadBankCsv(writeTemp(text)));
    expect(value.audit.emptyLines).toBe(MANY);
    expect(Array.from(value.table.lines)).toEqual([2, MANY + 3]);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 30_000);

  test("lines of spaces and tabs are blank, as pandas' skip_blank_lines has them", async () => {
    const text = `${header}\n  \n${row()}\n\t \r\n${row({ deposit: "no" })}\n`;
    const { table, audit } = await loadBankCsv(writeTemp(text));
    expect(audit.emptyLines).toBe(2);
    expect(Array.from(table.lines)).toEqual([3, 5]);
  });

  test("ragged and invalid rows are listed in file order, counted by kind", async () => {
    const rows = [
      row({ age: "old" }),
      "a,b",
      row({ balance: "x" }),
      "",
      "c",
      row(),
      row({ deposit: "no" }),
    ];
    const path = writeTemp(`${header}\n${rows.join("\n")}\n`);
    const error = await refusal(path);
    expect(error.problems.map((p) => p.line)).toEqual([2, 3, 4, 6]);
    expect(error.lines.slice(0, 1)).toEqual([
      "4 invalid rows of 6 (invalid values per column: age 1, balance 1; 2 with the wrong number of fields):",
    ]);
    const { audit } = await loadBankCsv(path, { dropInvalidRows: true });
    expect(audit.droppedRows.map((r) => r.line)).toEqual([2, 3, 4, 6]);
    expect(audit.droppedRows[1].reasons).toEqual([
      "2 fields — expected 17 fields, as in the header",
    ]);
    expect(audit).toMatchObject({ rowsRead: 6, rowsUsed: 2, emptyLines: 1, fieldCountErrors: 2 });
  });

  test("a ragged record with a quoted line break is one record, on the line it starts", async () => {
    const text = `${header}\n${row()}\n"two\nlines",x\n${row({ deposit: "no" })}\n${row({ age: "y" })}\n`;
    const error = await refusal(writeTemp(text));
    expect(error.problems.map((p) => [p.line, p.value ?? p.column])).toEqual([
      [3, "2 fields"],
      [6, "y"],
    ]);
  });
});

describe("#23.7 CRLF, LF and CR are each a line ending, per line, as pandas reads them", () => {
  const rows = [row(), row({ deposit: "no" }), row({ job: "admin." }), row({ age: "30" })];
  const endings = ["\r\n", "\n", "\r"];

  test("a CRLF header then LF rows reads the same table as an all-LF file", async () => {
    const lf = await loadBankCsv(writeTemp(`${header}\n${rows.join("\n")}\n`));
    const mixed = await loadBankCsv(writeTemp(`${header}\r\n${rows.join("\n")}\n`));
    const crFirst = await loadBankCsv(writeTemp(`${header}\r${rows.join("\n")}\n`));
    expect(crFirst.table).toEqual(lf.table);
    expect(mixed.table).toEqual(lf.table);
    expect(mixed.audit.format.lineEnding).toBe("CRLF");
  });

  test("rows alternating \\n, \\r\\n and \\r keep their lines", async () => {
    const text =
      header +
      endings[0] +
      rows.map((r, k) => r + endings[k % 3]).join("") +
      row({ balance: "bad" }) +
      endings[1];
    const error = await refusal(writeTemp(text));
    expect(error.lines).toEqual([
      "1 invalid row of 5 (invalid values per column: balance 1):",
      '  line 6, column 6 (balance): "bad" — expected a number',
      expect.stringMatching(/^Fix the file/),
    ]);
  });

  test("CR then LF split across read chunks is one line ending", async () => {
    // createReadStream reads 64 KiB chunks: a padded row puts a \r as the first chunk's last byte.
    let text = `${header}\r\n`;
    while (text.length < 64_000) text += `${row()}\r\n`;
    text += `${row({ job: "j".repeat(65_535 - text.length - row().length + "technician".length) })}\r\n`;
    expect(text.indexOf("\r", 64_900)).toBe(65_535);
    text += `${row({ deposit: "no" })}\n`;
    const { table, audit } = await loadBankCsv(writeTemp(text));
    expect(audit.emptyLines).toBe(0);
    expect(table.lines[table.rows - 1]).toBe(table.rows + 1);
  });
});
