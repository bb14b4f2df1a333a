import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { catalogueSeed } from "../../src/catalogue/catalogue-doc.js";
import { runSuite, type SuiteOutcome } from "../../src/catalogue/run-suite.js";
import { findPython, NO_PYTHON, noNumpyLine } from "../../src/python/find-python.js";

/**
 * What the Python integration tests share: the project root, whether a python with numpy is
 * there (they skip, saying so in their note and in one printed line, when not), the catalogued Python mistakes, and one run of the
 * model properties against a .py module (src/catalogue/run-suite.ts, the catalogue's seed).
 */
export const root = resolve(import.meta.dirname, "..", "..");

/** The python with numpy the kit would use, or undefined. */
export const python = findPython();

// vitest's default reporter does not print a skipped test's note: say it where it shows.
if (python === undefined) console.warn(`${NO_PYTHON}: ${noNumpyLine()}`);

/** A whole model suite's run, 2 at a time on 2 cores: 10 minutes is 15 times what it took at load 6. */
export const SUITE_TIMEOUT_MS = 600_000;

/** One catalogued Python mistake: its file, its docstring's line, and the function it breaks. */
export interface PythonBug {
  path: string;
  name: string;
  description: string;
  breaks: string;
}

const folder = join(root, "properties", "catalogue", "python");

/** properties/catalogue/python/*.py, each read for its docstring and its BREAKS line. */
export function pythonBugs(): PythonBug[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".py"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(folder, file), "utf8");
      const description = /^"""(.+?)"""/.exec(text)?.[1] ?? "";
      const breaks = /^BREAKS = "(\w+)"$/m.exec(text)?.[1] ?? "";
      return { path: join(folder, file), name: file.replace(/\.py$/, ""), description, breaks };
    });
}

/** The model properties against the Python module at `modulePath`. */
export function runPythonSuite(modulePath: string): Promise<SuiteOutcome> {
  return runSuite(modulePath, {
    root,
    maxWorkers: availableParallelism(),
    timeoutMs: SUITE_TIMEOUT_MS,
    seed: catalogueSeed,
  });
}
