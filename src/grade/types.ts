/** What the grader (scripts/grade.ts) and its runners (runner.ts) pass each other. */

/** One submission, ready to run: its bundle, or why there is none. */
export interface Job {
  id: string;
  /** The submission's folder name. */
  name: string;
  /** The bundle made by bundle.ts, in a scratch folder of its own; undefined if it could not be made. */
  bundle?: string;
  /** How failure messages name the submission's module, e.g. "alice/index.ts". */
  displayPath: string;
  /** One-line notes from preparing it (a compile error, imports of the kit's implementations). */
  notes: string[];
  seed: number;
  /** The wall-clock limit for the submission's own time in each step. */
  stepLimitMs: number;
  memoryMb: number;
}

/** A property of the suite: its file, the article step (the file's number) and its test name. */
export interface PropertyId {
  file: string;
  step: number;
  name: string;
}

export interface PropertyOutcome extends PropertyId {
  passed: boolean;
  /** The suite's failure message (the teaching report), when it failed. */
  message?: string;
}

export interface SubmissionOutcome {
  /** One line per thing that went wrong outside the properties (timeouts, exits, kit imports …). */
  notes: string[];
  properties: PropertyOutcome[];
  /** Calls answered by the submission, and the time its grading took (for the benchmark). */
  calls: number;
  seconds: number;
}
