import { TestRunner, type RunnerTask } from "vitest";
import { isStubMessage } from "./stubs.js";

/**
 * The test runner `npm run learn` gives the learner's project (`impl`, or `LOGREG_IMPL` for a
 * Python module; src/learn/learner.ts): vitest's own, except that once a test of a file has
 * failed for a reason other than a stub, the file's later tests are skipped. The learner is shown
 * the first failure only, so the time of finding and shrinking the counterexamples of the others
 * (seconds, at step 3) is not spent; a stub fails at once and without shrinking, so stubs do not
 * stop the file and every stub's test is still seen.
 */
export default class FirstFailureRunner extends TestRunner {
  override onAfterRunTask(task: RunnerTask): void {
    super.onAfterRunTask(task);
    if (task.type === "test" && task.result?.state === "fail" && !failedAsStub(task)) {
      this.cancel("test-failure");
    }
  }
}

/** True when every error of a failed test is a stub's "not implemented yet: …". */
function failedAsStub(task: RunnerTask): boolean {
  const errors = task.result?.errors ?? [];
  return errors.length > 0 && errors.every((error) => isStubMessage(error.message));
}
