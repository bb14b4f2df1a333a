import { describe, expect, test } from "vitest";
import { DataError, LISTED_PROBLEMS, loadBankCsv } from "../../src/data/index.js";
import type { DataErrorKind } from "../../src/data/index.js";
import { bankRow, KAGGLE_HEADER, smallCsv, writeTemp } from "../support/bank-csv.js";

/** The DataError that loading `content` (written to a temporary file) throws. */
async function loadError(content: string | Uint8Array, kind: DataErrorKind, options = {}) {
  const path = writeTemp(content);
  const error = await loadBankCsv(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  const dataError = error as DataError;
  expect(dataError.kind).toBe(kind);
  expect(dataError.file).toBe(path);
  expect(dataError.message.startsWith(`${path}: `)).toBe(true);
  return { error: dataError, path, text: dataError.message.slice(path.length + 2) };
}

describe("missing and unreadable files", () => {
  test("a path that does not exist is an unreadable-file error naming the path", async () => {
    const path = writeTemp("x").replace(/x?$/, "-does-not-exist.csv");
    const error = (await loadBankCsv(path).catch((e: unknown) => e)) as DataError;
    expect(error).toBeInstanceOf(DataError);
    expect(error.kind).toBe("unreadable");
    expect(error.message).toMatch(/^.*-does-not-exist\.csv: cannot read the file \(ENOENT/);
  });

  test("a directory is an unreadable-file error", async () => {
    const directory = writeTemp("x").replace(/\/[^/]+$/, "");
    const error = (await loadBankCsv(directory).catch((e: unknown) => e)) as DataError;
    expect(error.kind).toBe("unreadable");
    expect(error.message).toBe(`${directory}: not a file (a directory?)`);
  });
});

describe("empty and header-only files", () => {
  test("an empty file says so", async () => {
    const { text } = await loadError("", "empty");
    expect(text).toBe("the file is empty: expected a header line naming the columns");
  });

  test("a file of blank lines (after a BOM) says so", async () => {
    const { text } = await loadError("\ufeff\n\r\n  \n", "empty");
    expect(text).toBe("the file holds only blank lines: expected a header line naming the columns");
  });

  test("a header without rows says so", async () => {
    const { text } = await loadError(`${KAGGLE_HEADER.join(",")}\n`, "header-only");
    expect(text).toBe("the file has a header but no data rows");
  });

  test("a single class says which label every row has", async () => {
    const { text } = await loadError(smallCsv([bankRow(), bankRow()]), "single-class");
    expect(text).toBe(
      'all 2 rows have deposit = "yes": a classifier needs both classes (yes and no)',
    );
  });
});

describe("the header", () => {
  test("a missing column is named, with a near match and the columns found", async () => {
    const header = KAGGLE_HEADER.map((name) => (name === "deposit" ? "Deposit" : name));
    const { error, text } = await loadError(
      smallCsv().replace(/^.*/, header.join(",")),
      "missing-columns",
    );
    expect(text.split("\n")).toEqual([
      "missing column deposit",
      '  line 1: expected a column named "deposit" (the label: "deposit", or "y" in the UCI files) — found "Deposit": a typo?',
      `Columns found (17): ${header.join(", ")}`,
    ]);
    expect(error.problems).toHaveLength(1);
  });

  test("every missing column is listed, each with its own near match when one exists", async () => {
    const header = KAGGLE_HEADER.filter((name) => name !== "age").map((name) =>
      name === "deposit" ? "deposti" : name === "balance" ? "BALANCE " : name,
    );
    const { error, text } = await loadError(`${header.join(",")}\n`, "missing-columns");
    expect(text.split("\n")[0]).toBe("missing columns age, balance, deposit");
    expect(error.problems.map((p) => p.expected)).toEqual([
      'a column named "age"',
      'a column named "balance" — found "BALANCE ": a typo?',
      'a column named "deposit" (the label: "deposit", or "y" in the UCI files) — found "deposti": a typo?',
    ]);
  });

  test("a file with one column (wrong delimiter) gets a hint about delimiters", async () => {
    const { text } = await loadError(smallCsv().replace(/,/g, "\t"), "missing-columns");
    expect(text).toContain("Only one column was found: fields must be separated by , or ;.");
  });

  test("a column named twice is an error", async () => {
    const { text } = await loadError(`${KAGGLE_HEADER.join(",")},job\n`, "duplicate-columns");
    expect(text).toBe(
      "the header names a column twice\n  line 1, column 18 (job): expected each column name once (also column 2)",
    );
  });
});

describe("invalid rows", () => {
  test("every offending cell is reported with line, column, value and what was expected", async () => {
    const rows = [
      bankRow({ balance: "12a" }),
      bankRow({ housing: "maybe", deposit: "no" }),
      bankRow({ duration: "", job: "NA", deposit: "1" }),
    ];
    const { error, text } = await loadError(smallCsv(rows), "invalid-rows");
    expect(text.split("\n")).toEqual([
      "3 invalid rows of 3 (invalid values per column: balance 1, housing 1, duration 1, job 1, deposit 1):",
      '  line 2, column 6 (balance): "12a" — expected a number',
      '  line 3, column 7 (housing): "maybe" — expected "yes" or "no"',
      '  line 4, column 12 (duration): "" — expected a number',
      '  line 4, column 2 (job): "NA" — expected a category (pandas reads this value as missing)',
      '  line 4, column 17 (deposit): "1" — expected "yes" or "no"',
      "Fix the file, or drop the invalid rows with the loader's dropInvalidRows option (train script: --drop-invalid-rows); the dropped rows are then counted, and the first listed, in the data audit.",
    ]);
    expect(error.problems).toHaveLength(5);
  });

  test("line numbers count blank lines and the line breaks inside quoted fields", async () => {
    const header = KAGGLE_HEADER.join(",");
    const multiline = bankRow({ job: '"blue\r\ncollar\nworker"' }).join(",");
    const bad = bankRow({ balance: "x", deposit: "no" }).join(",");
    const text = ["", header, multiline, "", bad, ""].join("\n");
    const { error } = await loadError(text, "invalid-rows");
    expect(error.problems.map((p) => [p.line, p.column])).toEqual([[7, "balance"]]);
  });

  test("a row with the wrong number of fields is reported with its line", async () => {
    const text = smallCsv() + bankRow().slice(1).join(",") + "\n";
    const { text: message } = await loadError(text, "invalid-rows");
    expect(message.split("\n").slice(0, 2)).toEqual([
      "1 invalid row of 3 (1 with the wrong number of fields):",
      "  line 4: 16 fields — expected 17 fields, as in the header",
    ]);
  });

  test(`the message lists ${LISTED_PROBLEMS} problems and says how many more; the error counts them all and keeps the first of each kind`, async () => {
    const rows = Array.from({ length: 30 }, (_, i) => bankRow({ pdays: `x${i}` }));
    const { error, text } = await loadError(
      smallCsv([...rows, bankRow({ deposit: "no" })]),
      "invalid-rows",
    );
    const lines = text.split("\n");
    expect(lines).toHaveLength(1 + LISTED_PROBLEMS + 2);
    expect(lines[LISTED_PROBLEMS]).toBe('  line 21, column 14 (pdays): "x19" — expected a number');
    expect(lines[LISTED_PROBLEMS + 1]).toBe("  … and 10 more");
    expect(error.problemCount).toBe(30);
    expect(error.problems).toHaveLength(20); // LIMITS.examplesPerKind of the one kind
    expect(error.problems[19]).toEqual({
      line: 21,
      column: "pdays",
      columnNumber: 14,
      value: "x19",
      expected: "a number",
    });
  });

  test("non-finite and non-decimal numbers are invalid: no silent NaN or Infinity", async () => {
    const values = ["NaN", "Infinity", "1e999", "0x10", "1_000", " 5", "--1"];
    const rows = values.map((balance) => bankRow({ balance }));
    const { error } = await loadError(
      smallCsv([...rows, bankRow({ deposit: "no" })]),
      "invalid-rows",
    );
    expect(error.problems.map((p) => p.value)).toEqual(values);
  });

  test("dropInvalidRows drops every invalid row and records each with its reasons", async () => {
    const rows = [
      bankRow({ balance: "12a", loan: "YES" }),
      bankRow({ deposit: "no" }),
      bankRow().slice(2),
      bankRow(),
    ];
    const path = writeTemp(smallCsv(rows));
    const { table, audit } = await loadBankCsv(path, { dropInvalidRows: true });
    expect(table.rows).toBe(2);
    expect(Array.from(table.lines)).toEqual([3, 5]);
    expect(audit).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsDropped: 2, fieldCountErrors: 1 });
    expect(audit.invalidCells).toEqual({ balance: 1, loan: 1 });
    expect(audit.droppedRows).toEqual([
      {
        line: 2,
        reasons: [
          'column 6 (balance): "12a" — expected a number',
          'column 8 (loan): "YES" — expected "yes" or "no"',
        ],
      },
      { line: 4, reasons: ["15 fields — expected 17 fields, as in the header"] },
    ]);
  });

  test("dropInvalidRows with no valid row left is an error", async () => {
    const rows = [bankRow({ age: "old" }), bankRow({ age: "older" })];
    const { text } = await loadError(smallCsv(rows), "no-valid-rows", { dropInvalidRows: true });
    expect(text.split("\n")[0]).toBe("all 2 rows are invalid and were dropped: no data left");
  });
});

describe("malformed CSV", () => {
  test("an unclosed quote is a malformed-CSV error with its line", async () => {
    const { text } = await loadError(`${smallCsv()}41,"technician,married\n`, "malformed-csv");
    expect(text).toMatch(/^not valid CSV at line 4: Quote Not Closed/);
  });

  test("a record longer than 65,536 characters (not a bank file) is a malformed-CSV error", async () => {
    const { text } = await loadError(`${"x".repeat(70_000)}\n`, "malformed-csv");
    expect(text).toMatch(/^not valid CSV at line 1: /);
  });

  test("a quote inside an unquoted field is a malformed-CSV error with its line", async () => {
    const { text } = await loadError(
      smallCsv().replace("technician", 'tech"nician'),
      "malformed-csv",
    );
    expect(text).toMatch(/^not valid CSV at line 2: /);
  });
});
