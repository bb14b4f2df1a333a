import { createHash } from "node:crypto";
import { appendFileSync, readFileSync, truncateSync } from "node:fs";
import { expect, test } from "vitest";
import { DataError, FIXTURE_PATH, loadBankCsv } from "../../src/data/index.js";
import { writeTemp } from "../support/bank-csv.js";

/*
 * Issue #23, class 8: a data file truncated or appended to while it was read gave exit 0 and a
 * report that contradicted itself (its byte count from the first fstat, its hash and rows from
 * what was streamed). The loader now compares the bytes it hashed and a second fstat with the
 * first fstat, and refuses the file if they differ.
 */

/** The fixture's rows, without its header. */
const FIXTURE_ROWS = readFileSync(FIXTURE_PATH, "utf8").replace(/^.*\n/, "");

/** The fixture repeated to a file of a few MB: long enough to be changed while it is read. */
function bigCopy(): { path: string; text: string } {
  const [header, ...rows] = readFileSync(FIXTURE_PATH, "utf8").trimEnd().split("\n");
  const body = rows.join("\n");
  const text = `${header}\n${Array.from({ length: 12 }, () => body).join("\n")}\n`;
  return { path: writeTemp(text), text };
}

/**
 * Loads a big copy of the fixture while `change` modifies it from a timer set at a third of the
 * time an unchanged load of it takes (measured first), so that the change lands mid-read on a
 * quiet or a loaded machine alike. The outcome must never contradict itself: either the refusal,
 * or (when the change came before the file was opened or after it was read) what loading the
 * file as it is now gives: the same table and an audit with its bytes and hash.
 */
async function loadWhileChanging(change: (path: string) => void) {
  const { path } = bigCopy();
  const started = performance.now();
  await loadBankCsv(path);
  const timer = setTimeout(() => change(path), (performance.now() - started) / 3);
  const outcome = await loadBankCsv(path).catch((e: unknown) => e);
  clearTimeout(timer);
  if (outcome instanceof DataError && outcome.kind === "changed-while-read") return outcome;
  expect(outcome).toHaveProperty("audit");
  const { audit } = outcome as Awaited<ReturnType<typeof loadBankCsv>>;
  const now = readFileSync(path);
  expect([audit.bytes, audit.sha256]).toEqual([
    now.length,
    createHash("sha256").update(now).digest("hex"),
  ]);
  return undefined;
}

for (const [what, change] of [
  ["appended to", (path: string) => appendFileSync(path, FIXTURE_ROWS.repeat(2))],
  [
    "truncated",
    (path: string) => truncateSync(path, readFileSync(path).indexOf("\n", 100_000) + 1),
  ],
] as const) {
  test(`a file ${what} while it is read is refused (exit 3), never reported as read`, async () => {
    let refusal: DataError | undefined;
    // A change that lands before the open or after the read is legitimate: try again.
    for (let attempt = 0; attempt < 5 && refusal === undefined; attempt++) {
      refusal = await loadWhileChanging(change);
    }
    expect(refusal?.kind).toBe("changed-while-read");
    expect(refusal?.message).toMatch(
      /: the file changed while it was read \(it had \d+ bytes when opened; /,
    );
  }, 120_000);
}
