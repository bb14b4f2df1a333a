/**
 * Where numpy is missing, without uninstalling it: LOGREG_PYTHON names a python3 that cannot
 * import it (the system's, run isolated from its site-packages; or, without one, a script that
 * fails as a missing python would). The Python tests skip and say so, exit 0; a run asked to
 * check a .py module (`LOGREG_IMPL=….py npm test`, `npm run learn -- --python`) ends with one
 * line saying how to install numpy, exit 2, no stack trace.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { NO_PYTHON } from "../../src/python/find-python.js";
import { root } from "./python-suite.js";

const folder = mkdtempSync(join(tmpdir(), "logreg-no-numpy-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const noNumpy = join(folder, "python3");
writeFileSync(
  noNumpy,
  '#!/bin/sh\n[ -x /usr/bin/python3 ] || exit 127\nexec /usr/bin/python3 -I -S "$@"\n',
);
chmodSync(noNumpy, 0o755);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0", LOGREG_PYTHON: noNumpy, ...env },
    encoding: "utf8",
    timeout: 110_000,
  });
}

const installLine = (prefix: string) =>
  `${prefix}: no python with numpy (tried LOGREG_PYTHON=${noNumpy}): install it with \`apt-get install python3-numpy\` (Debian, Ubuntu) or \`python3 -m pip install numpy\`, or set LOGREG_PYTHON to a python that imports numpy\n`;

test("the wrapper really is a python3 without numpy", () => {
  const result = run(noNumpy, ["-c", "import numpy"]);
  expect(result.status).not.toBe(0);
});

test("the Python tests skip, say why in one printed line, and pass (exit 0)", () => {
  const report = join(folder, "report.json");
  const result = run(process.execPath, [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--project",
    "integration",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    "properties/python/fixture-solution.integration.test.ts",
    "properties/python/bridge.integration.test.ts",
  ]);
  expect(result.stdout + result.stderr).toContain(`${NO_PYTHON}: no python with numpy`);
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    numTotalTests: number;
    numPendingTests: number;
    numFailedTests: number;
  };
  expect(json.numTotalTests).toBeGreaterThanOrEqual(4);
  expect(json.numPendingTests).toBe(json.numTotalTests);
  expect(json.numFailedTests).toBe(0);
  expect(result.status).toBe(0);
});

test("LOGREG_IMPL=….py npm test: one line saying how to install numpy, exit 2", () => {
  const result = run("npm", ["test", "--silent"], { LOGREG_IMPL: "fixtures/python/logreg.py" });
  expect(result.stderr).toBe(installLine("LOGREG_IMPL=fixtures/python/logreg.py"));
  expect(result.status).toBe(2);
});

test("npm run learn -- --python: the same line, exit 2", () => {
  const module = "fixtures/python/logreg.py";
  const result = run("npm", ["run", "--silent", "learn", "--", "--run", "--python", module]);
  expect(result.stderr).toBe(installLine(`learn: --python ${module}`));
  expect(result.stdout).toBe("");
  expect(result.status).toBe(2);
});
