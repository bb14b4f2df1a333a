import { CheckerProcess } from "./checker-process.js";
import type { Job, PropertyId, SubmissionOutcome } from "./types.js";

/**
 * One lane of `npm run grade --jobs N`: a checking process (checker-process.ts, runner.ts) that
 * grades submission after submission, each in a fresh sandbox against fresh instances of the
 * property files, so that it starts and loads the suite once, not once per submission. A
 * checking process that fails a job in any way (ends, is killed or stopped, does not answer in
 * time) costs that submission only: the submission gets a row saying why, the process is
 * killed and the lane starts a new one, which loads while the row is written.
 *
 * A checking process is also replaced after {@link JOBS_PER_CHECKER} submissions: each one's
 * instances of the property files stay loaded (an ES module cannot be unloaded), and the
 * process's resident memory grows by ~8 MB a submission (measured on the shipped solution:
 * 182 MB after the first, 237 MB after the eighth). The replacement is started while the last
 * submission is checked; starting and warming one costs ~1 s of CPU (it is ready after ~1 s of
 * CPU; its first submission is slower), so 40 keeps that under 3 % of a submission's CPU time
 * while bounding a lane to ~500 MB.
 */

/** Submissions a checking process grades before the lane replaces it (see above). */
const JOBS_PER_CHECKER = 40;

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
  /** The next checking process, started while the current one grades its last submission. */
  private successor: CheckerProcess | undefined;
  /** Submissions the current checking process has been sent. */
  private sent = 0;

  /**
   * A lane whose checking processes use `scratch`; `first`, when given, is its first one; each
   * grades at most `jobsPerChecker` submissions.
   */
  constructor(
    private readonly scratch: string,
    first?: CheckerProcess,
    private readonly jobsPerChecker = JOBS_PER_CHECKER,
  ) {
    this.checker = first ?? new CheckerProcess(scratch);
  }

  /** Grades `job` within `timeoutMs`; a failure of the checking process becomes its row. */
  async grade(job: Job, timeoutMs: number, properties: PropertyId[]): Promise<SubmissionOutcome> {
    if (this.sent >= this.jobsPerChecker) await this.replace();
    if (++this.sent >= this.jobsPerChecker) this.successor ??= new CheckerProcess(this.scratch);
    try {
      await this.checker.ready;
      return await this.checker.grade(job, timeoutMs);
    } catch (error) {
      await this.replace();
      const reason = `the grader could not finish checking it: ${(error as Error).message}`;
      return unchecked(properties, reason);
    }
  }

  /** Ends the lane's checking processes and removes what they left in the scratch folder. */
  async close(): Promise<void> {
    await retire(this.checker);
    if (this.successor) await retire(this.successor);
  }

  /** Retires the current checking process for its successor (or a new one). */
  private async replace(): Promise<void> {
    const old = this.checker;
    this.checker = this.successor ?? new CheckerProcess(this.scratch);
    this.successor = undefined;
    this.sent = 0;
    await retire(old);
  }
}

async function retire(checker: CheckerProcess): Promise<void> {
  await checker.kill();
  await checker.removeScratch();
}
