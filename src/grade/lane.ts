import { CheckerProcess } from "./checker-process.js";
import type { Job, PropertyId, SubmissionOutcome } from "./types.js";

/**
 * One lane of `npm run grade --jobs N`: a checking process (checker-process.ts, runner.ts) that
 * grades submission after submission, each in a fresh sandbox against fresh instances of the
 * property files, so that it starts and loads the suite once, not once per submission. A
 * checking process that fails a job in any way (ends, is killed or stopped, does not answer in
 * time) costs that submission only: the submission gets a row saying why, the process is
 * killed and the lane starts a new one, which loads while the row is written.
 */

/** The row of a submission whose checking failed: every property failed with the reason. */
export function unchecked(properties: PropertyId[], reason: string): SubmissionOutcome {
  return {
    notes: [reason],
    properties: properties.map((p) => ({ ...p, passed: false, message: reason })),
    calls: 0,
    seconds: 0,
  };
}

export class Lane {
  private checker: CheckerProcess;

  /** A lane whose checking processes use `scratch`; `first`, when given, is its first one. */
  constructor(
    private readonly scratch: string,
    first?: CheckerProcess,
  ) {
    this.checker = first ?? new CheckerProcess(scratch);
  }

  /** Grades `job` within `timeoutMs`; a failure of the checking process becomes its row. */
  async grade(job: Job, timeoutMs: number, properties: PropertyId[]): Promise<SubmissionOutcome> {
    try {
      await this.checker.ready;
      return await this.checker.grade(job, timeoutMs);
    } catch (error) {
      const failed = this.checker;
      this.checker = new CheckerProcess(this.scratch);
      await retire(failed);
      const reason = `the grader could not finish checking it: ${(error as Error).message}`;
      return unchecked(properties, reason);
    }
  }

  /** Ends the lane's checking process and removes what it left in the scratch folder. */
  async close(): Promise<void> {
    await retire(this.checker);
  }
}

async function retire(checker: CheckerProcess): Promise<void> {
  await checker.kill();
  await checker.removeScratch();
}
