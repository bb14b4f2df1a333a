import { open } from "node:fs/promises";
import { InputError } from "./input-error.js";

/** The largest report.json `--verify` reads: 64 MiB (a report of the real data is under 1 MiB). */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** The deepest nesting `--verify` accepts: 64 (a report nests 5 levels deep at most). */
export const MAX_REPORT_DEPTH = 64;

/**
 * The text of the report at `path`, refused (an {@link InputError}, exit 3, naming the file and
 * the limit) when it is larger than {@link MAX_REPORT_BYTES} — checked by fstat before reading,
 * and again by reading at most one byte more — or nested deeper than {@link MAX_REPORT_DEPTH}:
 * nothing is parsed, compared or re-run beyond those bounds.
 */
export async function readBoundedReport(path: string): Promise<string> {
  const tooLarge = (size: string) =>
    new InputError(
      `${path}: ${size} bytes, more than --verify reads (64 MiB, ${MAX_REPORT_BYTES} bytes; a report is well under 1 MiB)`,
    );
  let text: string;
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      if (size > MAX_REPORT_BYTES) throw tooLarge(String(size));
      const buffer = Buffer.allocUnsafe(MAX_REPORT_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_REPORT_BYTES) throw tooLarge("more than " + String(MAX_REPORT_BYTES));
      text = buffer.toString("utf8", 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read it (${(error as Error).message})`);
  }
  const deep = tooDeepAt(text);
  if (deep !== null) {
    throw new InputError(
      `${path}: nested more than ${MAX_REPORT_DEPTH} levels deep (at character ${deep + 1}), more than any report (--verify reads at most ${MAX_REPORT_DEPTH})`,
    );
  }
  return text;
}

/**
 * The index of the first `[` or `{` outside a string that opens level MAX_REPORT_DEPTH + 1, or
 * null: one pass over the text, strings (with their escapes) skipped.
 */
function tooDeepAt(text: string): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_REPORT_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
