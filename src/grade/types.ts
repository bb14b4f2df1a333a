/** What the grader (scripts/grade.ts) and its runners (runner.ts) pass each other. */
import type { ConfinementKind } from "./confinement.js";

/** One submission to grade: its folder, bundled by the checking process itself (bundle.ts). */
export interface Job {
  id: string;
  /** The submission's folder name. */
  name: string;
  /** The submission's folder. */
  folder: string;
  /** The kit's own code (the control): its imports of the kit are not flagged. */
  trusted: boolean;
  seed: number;
  /** The limit on the CPU time of the submission's sandbox in each step. */
  stepLimitMs: number;
  memoryMb: number;
  /** The OS sandbox its code runs in. */
  confinement: ConfinementKind;
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
  /** Of those, the calls answered ahead (call-script.ts), for the benchmark. */
  answeredAhead?: number;
  seconds: number;
  /**
   * CPU seconds, for the benchmark: of its sandboxes (read from /proc before the grader ended
   * each; a sandbox that a limit or its own exit ended first is not counted: a lower bound),
   * and of the checking process while it bundled and checked it (the properties, the oracle,
   * the bridge; not esbuild's own process). 0 when nothing ran.
   */
  cpu?: { sandbox: number; checks: number };
  /** The bytes of the messages sent to its sandboxes and received from them (the benchmark). */
  bytes?: { sent: number; received: number };
}
