import { expect, test } from "vitest";
import { DataError, loadBankCsv } from "../../src/data/index.js";
import { KAGGLE_HEADER, smallCsv, writeTemp } from "../support/bank-csv.js";

/*
 * Issue #23, class 6: a second byte-order mark or a zero-width space in a header name gave
 * `found "age": a typo?`, two names that look identical. The message now shows the invisible
 * character by its code point and says what it is.
 */

async function headerLines(header: string[], bom = "") {
  const path = writeTemp(bom + smallCsv().replace(/^.*/, header.join(",")));
  const error = (await loadBankCsv(path).catch((e: unknown) => e)) as DataError;
  expect(error).toBeInstanceOf(DataError);
  expect(error.kind).toBe("missing-columns");
  return error.message.slice(path.length + 2).split("\n");
}

test("a header name that starts with a second byte-order mark is called that", async () => {
  // The first BOM is the file's and is skipped; the second is part of the first name.
  const header = [`\ufeff${KAGGLE_HEADER[0]}`, ...KAGGLE_HEADER.slice(1)];
  const lines = await headerLines(header, "\ufeff");
  expect(lines[1]).toBe(
    '  line 1: expected a column named "age" — found "\\ufeffage": it starts with a second byte-order mark (U+FEFF); save the file with one BOM at most',
  );
});

test("a zero-width space in a name is shown and named", async () => {
  const lines = await headerLines(KAGGLE_HEADER.map((n) => (n === "age" ? "\u200bage" : n)));
  expect(lines[1]).toBe(
    '  line 1: expected a column named "age" — found "\\u200bage": it holds an invisible character (U+200B, at position 1)',
  );
});

test("a plain typo is still a typo", async () => {
  const lines = await headerLines(KAGGLE_HEADER.map((n) => (n === "age" ? "aeg" : n)));
  expect(lines[1]).toBe('  line 1: expected a column named "age" — found "aeg": a typo?');
});
