/**
 * Write errors on stdout or stderr (#23 class 11): `npm run train > /dev/full` and
 * `--alpha 50 2> /dev/full`. Exit 4 with one line on the stream that still works, no stack
 * trace, the fresh output folder removed; a diverged run whose report was written still exits 5.
 * The script runs as a process, its stream opened on /dev/full (skipped where there is none).
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const directory = mkdtempSync(join(tmpdir(), "logreg-write-errors-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const haveDevFull = existsSync("/dev/full");

/** Runs the train script on the fixture with `full` ("stdout" or "stderr") writing to /dev/full. */
async function trainInto(full: "stdout" | "stderr", args: string[]) {
  const fd = openSync("/dev/full", "w");
  const script = ["--import", "tsx", "scripts/train.ts", "--epochs", "20", ...args];
  const child = spawn(process.execPath, script, {
    stdio: ["ignore", full === "stdout" ? fd : "pipe", full === "stderr" ? fd : "pipe"],
  });
  closeSync(fd);
  let text = "";
  (full === "stdout" ? child.stderr : child.stdout)?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.on("close", done));
  return { code, text };
}

describe.skipIf(!haveDevFull)("write errors on stdout or stderr", () => {
  test("> /dev/full: exit 4, one line on stderr naming stdout, no stack, no folder left", async () => {
    const parent = mkdtempSync(join(directory, "stdout-"));
    const { code, text } = await trainInto("stdout", ["--out", join(parent, "latest")]);
    expect(text).toMatch(/^error: could not write to stdout \(ENOSPC[^\n]*\n$/);
    expect(text).toContain("no report was published");
    expect(code).toBe(4);
    expect(readdirSync(parent)).toEqual([]);
  }, 60_000);

  test("--alpha 50 2> /dev/full: the report is written and it exits 5, one line on stdout", async () => {
    const parent = mkdtempSync(join(directory, "stderr-"));
    const out = join(parent, "latest");
    const { code, text } = await trainInto("stderr", ["--alpha", "50", "--out", out]);
    expect(code).toBe(5);
    expect(readdirSync(out).sort()).toEqual(["loss-curve.svg", "report.json", "report.md"]);
    const errors = text.split("\n").filter((line) => line.startsWith("error:"));
    expect(errors).toEqual([
      expect.stringMatching(/^error: could not write to stderr \(ENOSPC.*\): /),
    ]);
    expect(text).not.toMatch(/^\s+at /m);
  }, 60_000);
});

test.runIf(!haveDevFull)("write errors: SKIPPED, this system has no /dev/full", () => {});

test.skipIf(process.platform === "win32")(
  "#23.15 a report file that cannot be written is named (EFBIG under ulimit -f, as for ENOSPC)",
  async () => {
    const parent = mkdtempSync(join(directory, "fsize-"));
    const out = join(parent, "latest");
    // 8 blocks of 512 bytes: the probe file fits, not every report file does (report.md, > 4 kB).
    const shell = `ulimit -f 8 && exec "$0" --import tsx scripts/train.ts --epochs 5 --quiet --out "$1"`;
    const child = spawn("sh", ["-c", shell, process.execPath, out], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toMatch(
      /^error: cannot write .*\/\.latest\.[^/]+\/(loss-curve\.svg|report\.md|report\.json) \(EFBIG: file too large, write\)\n$/,
    );
    expect(code).toBe(4);
    expect(readdirSync(parent)).toEqual([]);
  },
  60_000,
);
