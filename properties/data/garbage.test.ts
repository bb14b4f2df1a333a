import fc from "fast-check";
import { expect, test } from "vitest";
import { DataError, loadBankCsv } from "../../src/data/index.js";
import { KAGGLE_HEADER, runs, writeTemp } from "../support/bank-csv.js";

/**
 * Loading either succeeds or throws a DataError; anything else fails: another error (a crash),
 * or no answer within 5 s (a hang; a load of these few kilobytes takes milliseconds).
 */
async function loadsOrDataError(bytes: string | Uint8Array) {
  const hang = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("loadBankCsv hung for 5 s")), 5000).unref(),
  );
  await Promise.race([loadOnce(bytes), hang]);
}

async function loadOnce(bytes: string | Uint8Array) {
  try {
    const { table, audit } = await loadBankCsv(writeTemp(bytes));
    expect(audit.rowsUsed).toBe(table.rows);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

/** Tokens that make CSV interesting: delimiters, quotes, line breaks, BOM, header names, values. */
const token = fc.constantFrom(
  '"', ",", ";", "\n", "\r\n", "\r", "\uFEFF", " ", "yes", "no", "12", "-1", "1e999", "NA",
  ...KAGGLE_HEADER,
); // prettier-ignore

test("arbitrary bytes give a DataError or a table, never a crash or a hang", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 4096 }).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
      loadsOrDataError,
    ),
    {
      numRuns: runs,
    },
  );
}, 60_000);

test("malformed CSV — a valid header, then random tokens — gives a DataError, never a crash", async () => {
  const text = fc
    .integer({ min: 0, max: 300 })
    .chain((n) => fc.array(token, { minLength: n, maxLength: n }))
    .map((tokens) => `${KAGGLE_HEADER.join(",")}\n${tokens.join("")}`);
  await fc.assert(fc.asyncProperty(text, loadsOrDataError), { numRuns: runs * 2 });
}, 60_000);
