/**
 * `LOGREG_IMPL=<path> npm test` with a path that is not a file (#23 class 15): one line naming
 * the path and what was expected, exit 2, no stack trace (it was a 10-frame vite stack, exit 1).
 * Starts vitest itself, hence *.integration.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";

const directory = mkdtempSync(join(tmpdir(), "logreg-impl-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function vitestWith(custom: string) {
  const vitest = resolve("node_modules/vitest/vitest.mjs");
  return spawnSync(process.execPath, [vitest, "run", "--config", resolve("vitest.config.ts")], {
    env: { ...process.env, LOGREG_IMPL: custom, INIT_CWD: directory },
    encoding: "utf8",
    timeout: 60_000,
  });
}

test("a missing LOGREG_IMPL file: one line, exit 2, no stack", () => {
  const result = vitestWith("no-such-impl.ts");
  const path = join(directory, "no-such-impl.ts");
  expect(result.stderr).toBe(
    `LOGREG_IMPL=no-such-impl.ts: no such file: ${path} (expected the module of an implementation, e.g. LOGREG_IMPL=src/impl/index.ts)\n`,
  );
  expect(result.status).toBe(2);
});

test("a LOGREG_IMPL that is a folder is refused the same way", () => {
  const result = vitestWith(".");
  expect(result.stderr).toBe(
    `LOGREG_IMPL=.: not a file: ${directory} (expected the module of an implementation, e.g. LOGREG_IMPL=src/impl/index.ts)\n`,
  );
  expect(result.status).toBe(2);
});
