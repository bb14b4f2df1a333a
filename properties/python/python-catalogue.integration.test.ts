import { expect, test } from "vitest";
import { NO_PYTHON } from "../../src/python/find-python.js";
import { python, pythonBugs, runPythonSuite, SUITE_TIMEOUT_MS } from "./python-suite.js";

/**
 * Each catalogued numpy mistake (properties/catalogue/python/*.py: the fixture's solution with
 * one function rewritten) fails the model properties, and the first failure in the article's
 * step order blames the Python function it breaks (its BREAKS line).
 */
const bugs = pythonBugs();

test("the Python catalogue holds the six mistakes of issue 22, each describing itself", () => {
  expect(bugs.map((bug) => bug.name)).toEqual([
    "cost-clip",
    "dot-orientation",
    "float32-arrays",
    "gradient-not-averaged",
    "inplace-w-update",
    "integer-labels",
  ]);
  for (const bug of bugs) {
    expect(bug.description).toMatch(/^\S[^\n]*$/);
    expect(bug.breaks).toMatch(/^[a-z_0-9]+$/);
  }
});

test.for(bugs)(
  "$name: the first failure blames $breaks",
  { timeout: SUITE_TIMEOUT_MS },
  async ({ path, breaks }, { skip }) => {
    if (python === undefined) return skip(NO_PYTHON);
    const outcome = await runPythonSuite(path);
    expect(outcome.error).toBeUndefined();
    expect(outcome.failed).toBeGreaterThan(0);
    expect(outcome.blame?.functions).toContain(breaks);
  },
);
