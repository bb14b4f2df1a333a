/**
 * `--verify` on a hostile report.json (#23 class 9): a file over the size bound or nested deeper
 * than the depth bound is refused before anything is parsed or re-run — exit 3, naming the file
 * and the limit — in well under a second, where a 300 MB file used to crash V8 and a 200,000-deep
 * nesting overflowed the stack after training.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { main } from "../../src/train/main.js";

const directory = mkdtempSync(join(tmpdir(), "logreg-verify-bounds-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function verify(file: string) {
  const captured = { stdout: "", stderr: "" };
  const sink = (key: "stdout" | "stderr") =>
    ({ write: (text: string) => ((captured[key] += text), true) }) as NodeJS.WritableStream;
  const started = performance.now();
  const code = await main(["--verify", file, "--quiet"], {
    stdout: sink("stdout"),
    stderr: sink("stderr"),
  });
  return { code, ms: performance.now() - started, ...captured };
}

describe("--verify bounds the report before reading it", () => {
  test("a 300 MB file (sparse) is refused by its size, naming the file and the 64 MiB limit", async () => {
    const file = join(directory, "huge.json");
    writeFileSync(file, "");
    truncateSync(file, 300_000_000);
    const result = await verify(file);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `${file}: 300000000 bytes, more than --verify reads (64 MiB, 67108864 bytes; a report is well under 1 MiB)\n`,
    );
    expect(result.ms).toBeLessThan(2000);
  });

  test("200,000 levels of nesting are refused by depth, naming the limit of 64", async () => {
    const file = join(directory, "deep.json");
    writeFileSync(file, `{"a":${"[".repeat(200_000)}${"]".repeat(200_000)}}`);
    const result = await verify(file);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `${file}: nested more than 64 levels deep (at character 69), more than any report (--verify reads at most 64)\n`,
    );
  });

  test("brackets inside strings do not count; 64 levels exactly pass the depth check", async () => {
    const file = join(directory, "strings.json");
    const nested = `${"[".repeat(63)}${"]".repeat(63)}`;
    writeFileSync(file, `{"a":"${"[".repeat(1000)}\\"[","b":${nested}}`);
    const result = await verify(file);
    expect(result.code).toBe(3);
    // Past the depth check, to the shape check: the file is not a report.
    expect(result.stderr).toBe(`${file}: schemaVersion: expected 1, found nothing\n`);
  });
});
