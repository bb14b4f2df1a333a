import { describe, expect, test } from "vitest";
import { DataError, loadBankCsv } from "../../src/data/index.js";
import type { DataErrorKind, LoadOptions } from "../../src/data/index.js";
import { bankRow, KAGGLE_HEADER, smallCsv, writeTemp } from "../support/bank-csv.js";

/** The DataError that loading `content` throws (its kind checked); its message without the path. */
async function failure(
  content: string | Uint8Array,
  kind: DataErrorKind,
  options: LoadOptions = {},
) {
  const path = writeTemp(content);
  const error = (await loadBankCsv(path, options).then(
    () => undefined,
    (e: unknown) => e,
  )) as DataError;
  expect(error).toBeInstanceOf(DataError);
  expect(error.kind).toBe(kind);
  return { error, text: error.message.slice(path.length + 2) };
}

/** A control character other than the line breaks that separate a message's lines. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe("#14.3 memory is bounded: counts, and the first examples of each kind", () => {
  test("an invalid-rows error keeps the first N examples per kind and counts them all", async () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => bankRow({ pdays: `x${i}` })),
      ...Array.from({ length: 7 }, () => bankRow().slice(1)),
      bankRow({ deposit: "no" }),
    ];
    const { error, text } = await failure(smallCsv(rows), "invalid-rows", {
      limits: { examplesPerKind: 4 },
    });
    expect(error.problemCount).toBe(37);
    expect(error.invalidRows).toBe(37);
    expect(error.problems).toHaveLength(8); // 4 of pdays, 4 of the field count
    expect(error.problems.filter((p) => p.column === "pdays").map((p) => p.value)).toEqual([
      "x0",
      "x1",
      "x2",
      "x3",
    ]);
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "37 invalid rows of 38 (invalid values per column: pdays 30; 7 with the wrong number of fields):",
    );
    expect(lines[9]).toBe("  … and 29 more");
  });

  test("--drop-invalid-rows lists the first N dropped rows and counts them all", async () => {
    const rows = [
      ...Array.from({ length: 10 }, () => bankRow({ age: "old" })),
      bankRow(),
      bankRow({ deposit: "no" }),
    ];
    const path = writeTemp(smallCsv(rows));
    const { audit } = await loadBankCsv(path, {
      dropInvalidRows: true,
      limits: { droppedRowsListed: 3 },
    });
    expect(audit.rowsDropped).toBe(10);
    expect(audit.droppedRows.map((row) => row.line)).toEqual([2, 3, 4]);
  });

  test("a header of more fields than any bank file is refused at once, naming the line", async () => {
    const { text } = await failure(`${",".repeat(200_000)}\n`, "malformed-csv");
    expect(text).toBe(
      "not valid CSV at line 1: more than 1024 fields in one record (a bank file has 17 or so)",
    );
  });

  test("a record longer than the limit is refused with the line it starts on", async () => {
    const text = `${smallCsv()}${"9".repeat(5000)}\n`;
    const { text: message } = await failure(text, "malformed-csv", {
      limits: { maxRecordBytes: 4096 },
    });
    expect(message).toBe(
      "not valid CSV at line 4: a record of more than 4096 bytes (not a bank row)",
    );
  });
});

describe("#14.5 text must be UTF-8; file content is never printed raw", () => {
  test("Latin-1 bytes are an error naming the line, the column and the byte", async () => {
    const csv = smallCsv([bankRow(), bankRow({ job: "t\u00e9cnico", deposit: "no" })]);
    const { text } = await failure(latin1(csv), "not-utf8");
    expect(text).toBe(
      "not UTF-8 text: line 3, column 5: byte 0xE9 — expected UTF-8 (is the file Latin-1 or Windows-1252? save it as UTF-8)",
    );
  });

  test("invalid UTF-8 split across read chunks is still found, at the right line", async () => {
    const filler = Array.from({ length: 3000 }, () => bankRow()).concat([
      bankRow({ job: "x\u00ff", deposit: "no" }),
    ]);
    const { text } = await failure(latin1(smallCsv(filler)), "not-utf8");
    expect(text).toMatch(/^not UTF-8 text: line 3002, column 5: byte 0xFF — /);
  });

  test("a UTF-16 byte-order mark is refused, saying which", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(smallCsv(), "utf16le")]);
    const { text } = await failure(utf16, "not-utf8");
    expect(text).toBe(
      "not UTF-8 text: the file starts with a UTF-16 LE byte-order mark (FF FE): it is UTF-16; save it as UTF-8",
    );
  });

  test.each([
    ["LE", [0xff, 0xfe, 0, 0], "FF FE 00 00"],
    ["BE", [0, 0, 0xfe, 0xff], "00 00 FE FF"],
  ])("a UTF-32 %s byte-order mark is refused as UTF-32, saying which", async (order, mark, hex) => {
    const units = [...smallCsv()].map((c) => c.codePointAt(0) ?? 0);
    const body = Buffer.alloc(units.length * 4);
    units.forEach((u, k) =>
      order === "LE" ? body.writeUInt32LE(u, 4 * k) : body.writeUInt32BE(u, 4 * k),
    );
    const { text } = await failure(Buffer.concat([Buffer.from(mark), body]), "not-utf8");
    expect(text).toBe(
      `not UTF-8 text: the file starts with a UTF-32 ${order} byte-order mark (${hex}): it is UTF-32; save it as UTF-8`,
    );
  });

  test("control characters from the file are escaped in every message", async () => {
    const header = KAGGLE_HEADER.map((name) =>
      name === "deposit" ? "dep\u001b[31mosit\u0007" : name,
    );
    const { error } = await failure(smallCsv().replace(/^.*/, header.join(",")), "missing-columns");
    expect(error.message).not.toMatch(CONTROL);
    expect(error.message).toContain("dep\\u001b[31mosit\\u0007");
    const { error: cell } = await failure(
      smallCsv([bankRow({ balance: "1\u001b]0;pwned\u0007" }), bankRow({ deposit: "no" })]),
      "invalid-rows",
    );
    expect(cell.message).not.toMatch(CONTROL);
    expect(cell.message).toContain('"1\\u001b]0;pwned\\u0007"');
  });
});

describe("#14.6 an unclosed quote is reported where it opened", () => {
  test("in a long file, the line of the opening quote, not where the record overflowed", async () => {
    const rows = Array.from({ length: 9 }, () => bankRow());
    rows.push(bankRow({ job: '"technician', deposit: "no" }));
    const tail = Array.from({ length: 1000 }, () => bankRow().join(",")).join("\n");
    const { text } = await failure(`${smallCsv(rows)}${tail}\n`, "malformed-csv");
    expect(text).toBe(
      "not valid CSV at line 11: Quote Not Closed: the quote opened at line 11, column 4 is never closed (the record runs on for more than 65536 bytes)",
    );
  });

  test("at the end of the file too", async () => {
    const { text } = await failure(`${smallCsv()}41,"technician,married\n`, "malformed-csv");
    expect(text).toBe(
      "not valid CSV at line 4: Quote Not Closed: the quote opened at line 4, column 4 is never closed",
    );
  });
});
