import { join } from "node:path";
import { expect, test } from "vitest";
import { NO_PYTHON } from "../../src/python/find-python.js";
import { python, root, runPythonSuite, SUITE_TIMEOUT_MS } from "./python-suite.js";

/**
 * fixtures/python/logreg.py, the kit's correct numpy solution, passes every model property
 * (`LOGREG_IMPL=fixtures/python/logreg.py npm test`), each run its default number of times.
 */
test(
  "the numpy solution fixtures/python/logreg.py passes every model property",
  async ({ skip }) => {
    if (python === undefined) return skip(NO_PYTHON);
    const outcome = await runPythonSuite(join(root, "fixtures", "python", "logreg.py"));
    expect(outcome.error).toBeUndefined();
    expect(outcome.firstFailure).toBeNull();
    expect(outcome.failed).toBe(0);
    expect(outcome.total).toBeGreaterThanOrEqual(61);
  },
  SUITE_TIMEOUT_MS,
);
