/**
 * `npm run docs -- --check` as CI runs it (tsx, a process of its own), on a scratch repository
 * whose README names a made-up path and a made-up npm script: exit 1, each named with its line,
 * no stack trace; a usage error exits 2.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const tsx = join(root, "node_modules/.bin/tsx");
const script = join(root, "scripts/docs.ts");
/** tsx starts in about a second; a loaded machine takes several times that. */
const TIMEOUT_MS = 60_000;

const scratch = mkdtempSync(join(tmpdir(), "docs-check-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function docs(args: string[]) {
  return spawnSync(tsx, [script, ...args], { cwd: scratch, encoding: "utf8", timeout: TIMEOUT_MS });
}

test(
  "--check fails on a made-up path and a made-up command, naming each with its line",
  () => {
    writeFileSync(join(scratch, "package.json"), JSON.stringify({ scripts: { test: "vitest" } }));
    mkdirSync(join(scratch, "src"));
    writeFileSync(join(scratch, "src/real.ts"), "export {};\n");
    writeFileSync(
      join(scratch, "README.md"),
      "# Scratch\n\n`src/real.ts` and `src/made-up.ts`\n\n```sh\nnpm test\nnpm run made-up\n```\n",
    );
    execFileSync("git", ["init", "-q"], { cwd: scratch });
    const result = docs(["--check"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("README.md:3: no such file or folder: src/made-up.ts");
    expect(result.stderr).toContain(
      'README.md:7: no script "made-up" in package.json (npm run made-up)',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  },
  TIMEOUT_MS * 2,
);

test(
  "an unknown option is a usage error (exit 2) with the usage, no stack trace",
  () => {
    const result = docs(["--nonesuch"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: npm run docs");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  },
  TIMEOUT_MS,
);
