import { execFileSync } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ARTICLE_STEP, type ContractFunction } from "../contract.js";
import { pythonImplementation, pythonName } from "../python/adapter.js";
import { findPython } from "../python/find-python.js";
import { withPythonNames } from "../python/report.js";
import { PythonError, PythonProcess } from "../python/process.js";
import { Sandbox, type SandboxOptions, type Stop } from "./bridge.js";
import type { Prepared } from "./bundle.js";
import { treeCpuMs } from "./cpu-time.mjs";
import { stepWallLimitMs } from "./limits.js";
import { confinedPython } from "./python-confinement.js";
import type { Job } from "./types.js";

/**
 * A Python submission (a folder with logreg.py and no index.ts, index.js or index.mjs) in the
 * grader's OS sandbox (python-confinement.ts): one python process runs src/python/bridge.py on
 * it, and the contract's functions call it through src/python/adapter.ts, as
 * `LOGREG_IMPL=logreg.py` does (docs/python.md). It answers the checks as a TypeScript
 * submission's Sandbox (bridge.ts) does, with the same budgets per step: the CPU time of its
 * process tree (read from /proc after each call) and the wall time waited for it
 * (limits.ts); past either, it is stopped and the step's later properties are not run. A single
 * call is bounded by Python's own timer, which raises TimeoutError after the step's CPU budget
 * in wall time (LOGREG_PYTHON_CALL_SECONDS) and stops it too; the kernel's CPU limit for the
 * process's life is the backstop. Its messages' bytes are not counted. Its
 * failure messages name the article's functions (compute_cost); their counterexamples are the
 * TypeScript kit's.
 */

/** The module a Python submission's folder holds. */
const PYTHON_ENTRY = "logreg.py";

/** What the checks need of a submission's process: a TypeScript Sandbox or a PythonSandbox. */
export type SubmissionProcess = Pick<
  Sandbox,
  | "exports"
  | "stopped"
  | "calls"
  | "answeredAhead"
  | "bytes"
  | "cpuMs"
  | "beginStep"
  | "beginProperty"
  | "endProperty"
  | "call"
  | "stop"
> &
  // Absent for Python: its bridge replays a change to the arguments itself (reported-call.ts).
  Partial<Pick<Sandbox, "callReportingChanges">>;

/** Whether `folder` holds a Python submission: logreg.py, and no TypeScript or JavaScript entry. */
function isPythonSubmission(folder: string): boolean {
  const scripts = ["index.ts", "index.js", "index.mjs"];
  return (
    existsSync(join(folder, PYTHON_ENTRY)) && !scripts.some((f) => existsSync(join(folder, f)))
  );
}

/** One clock tick of /proc's CPU times, in milliseconds. */
const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
const BRIDGE = fileURLToPath(new URL("../python/bridge.py", import.meta.url));
const CONTRACT = Object.keys(ARTICLE_STEP) as ContractFunction[];
let started = 0;

class PythonSandbox implements SubmissionProcess {
  exports: [string, string][] = [];
  stopped: Stop | undefined;
  calls = 0;
  /** Calls are answered one by one: none is sent ahead (call-script.ts is the TypeScript bridge's). */
  readonly answeredAhead = 0;
  readonly bytes = { sent: 0, received: 0 };
  /** The CPU milliseconds its process tree used, read when it was stopped. */
  cpuMs = 0;
  private readonly python: PythonProcess | undefined;
  /** The step's CPU budget, the tree's CPU time when it began, and the wall time waited in it. */
  private limitMs = 0;
  private cpuAtStepMs = 0;
  private waitedMs = 0;
  private readonly functions: Record<string, (...args: unknown[]) => unknown> = {};

  /** Starts python on `options.folder`'s logreg.py; each call may take `limitMs` of wall time. */
  constructor(options: SandboxOptions, limitMs: number) {
    const python = findPython();
    if (python === undefined) {
      this.stopped = { reason: "could not be started: no python with numpy", timedOut: false };
      return;
    }
    const limits = { memoryMb: options.memoryMb, cpuSeconds: options.cpuSeconds };
    // LOGREG_PYTHON_CONFINED: bridge.py refuses to start or signal processes (its audit hook).
    const env = { LOGREG_PYTHON_CALL_SECONDS: String(limitMs / 1000), LOGREG_PYTHON_CONFINED: "1" };
    let command: { file: string; args: string[] };
    try {
      const python3 = [python, BRIDGE, PYTHON_ENTRY];
      command = confinedPython(options.confinement, limits, options.folder, python3, env);
    } catch (error) {
      this.stopped = {
        reason: `could not be started: ${(error as Error).message}`,
        timedOut: false,
      };
      return;
    }
    const stderr = openSync(join(options.pipes, `stderr-${process.pid}-py${started++}`), "w");
    try {
      this.python = new PythonProcess(python, BRIDGE, PYTHON_ENTRY, { command, output: stderr });
    } finally {
      closeSync(stderr);
    }
    if (this.python.stopped) {
      this.stopped = {
        reason: this.python.stopped.replace(/^could not import/, "threw at import:"),
        timedOut: false,
      };
      return;
    }
    const implementation = pythonImplementation(this.python, PYTHON_ENTRY);
    for (const name of CONTRACT) {
      if (!this.python.names.includes(pythonName(name))) continue;
      this.functions[name] = implementation[name] as (...args: unknown[]) => unknown;
      this.exports.push([name, "function"]);
    }
  }

  /** Starts a step: its calls may use `limitMs` of CPU time in all. */
  /** A property starts and ends: nothing to do, as no call is sent ahead. */
  beginProperty(): void {}
  endProperty(): void {}

  beginStep(limitMs: number): void {
    this.limitMs = limitMs;
    this.cpuAtStepMs = this.treeCpuMs();
    this.waitedMs = 0;
  }

  call(name: string, args: unknown[]): unknown {
    if (this.stopped) throw new Error(`your code ${this.stopped.reason}`);
    const f = this.functions[name];
    if (f === undefined) throw new Error(`${PYTHON_ENTRY} does not define ${name}`);
    const called = performance.now();
    try {
      return f(...args);
    } catch (error) {
      const cause = (error as Error).cause;
      if (cause instanceof PythonError && cause.pythonType === "TimeoutError") {
        this.stop({
          reason: `ran past the time limit in ${pythonName(name as ContractFunction)}`,
          timedOut: true,
        });
      } else if (this.python?.stopped) {
        this.stop({ reason: "ended (the Python process exited or was killed)" });
      }
      throw error;
    } finally {
      this.calls++;
      this.waitedMs += performance.now() - called;
      this.checkBudget();
    }
  }

  /** Stops it, as timed out, once the step has used its CPU budget or its wall time. */
  private checkBudget(): void {
    if (this.stopped) return;
    const seconds = Number((this.limitMs / 1000).toPrecision(3));
    if (this.treeCpuMs() - this.cpuAtStepMs > this.limitMs) {
      this.stop({ reason: `timed out after ${seconds} s`, timedOut: true });
    } else if (this.waitedMs > stepWallLimitMs(this.limitMs)) {
      const wall = stepWallLimitMs(this.limitMs) / 1000;
      this.stop({ reason: `did not answer within ${wall} s of wall time`, timedOut: true });
    }
  }

  private treeCpuMs(): number {
    return this.python?.pid === undefined ? 0 : treeCpuMs(this.python.pid, TICK_MS);
  }

  stop(why: { reason: string; timedOut?: boolean } = { reason: "was stopped" }): void {
    if (this.stopped) return;
    this.stopped = { timedOut: false, ...why };
    this.cpuMs = this.treeCpuMs();
    this.python?.stop();
    // bwrap, killed, takes its sandbox with it (--die-with-parent, its PID namespace).
    if (this.python?.pid !== undefined) {
      try {
        process.kill(this.python.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

/**
 * What the checks know of a Python submission in place of a bundle: its folder's logreg.py,
 * which its sandbox runs where it is; undefined for any other submission.
 */
export function pythonPrepared(job: Job): Prepared | undefined {
  if (!isPythonSubmission(job.folder)) return undefined;
  return {
    bundle: join(job.folder, PYTHON_ENTRY),
    displayPath: `${job.name}/${PYTHON_ENTRY}`,
    notes: [],
  };
}

/** A fresh process for the submission of `job`: python's for a Python submission, else node's. */
export function startSandbox(options: SandboxOptions, job: Job): SubmissionProcess {
  return isPythonSubmission(job.folder)
    ? new PythonSandbox(options, job.stepLimitMs)
    : new Sandbox(options, job.stepLimitMs);
}

/** A failure message as the submission's author reads it: a Python one's in the article's names. */
export function inItsNames(prepared: Prepared, message: string): string {
  return prepared.displayPath.endsWith(`/${PYTHON_ENTRY}`) ? withPythonNames(message) : message;
}
