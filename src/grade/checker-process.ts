import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { isStopped } from "./cpu-time.mjs";
import type { Job, PropertyId, SubmissionOutcome } from "./types.js";

/**
 * One checking process (runner.ts) of a lane (lane.ts), seen from the grader: it is started
 * ahead (loading the property files takes a while), then sent one job at a time, each answered
 * before the next is sent. Whatever happens to it costs the job it is doing only: an exit, a
 * kill, a stop (SIGSTOP: state T in /proc, noticed within a second) or no answer within the
 * job's time all end in an Error for that job, and the lane kills its process group. Its stderr is kept to the last {@link STDERR_KEEP} bytes, the rest
 * counted.
 */

const root = resolve(import.meta.dirname, "../..");
const runnerScript = join(import.meta.dirname, "runner.ts");
const STDERR_KEEP = 2 ** 20;
/** How long a checking process may stay stopped before it is killed. */
const STOPPED_MS = 1000;
/**
 * Its V8 heap. (Not an address-space limit: WebAssembly, which tsx uses, reserves far more
 * address space than it uses. The bundler it starts reads only files checked beforehand:
 * regular, at most 1 MiB each, confined-files.ts.)
 */
const HEAP_MB = 2048;

type RunnerMessage =
  | { kind: "ready"; properties: PropertyId[] }
  | { kind: "fatal"; message: string }
  | { kind: "done"; id: string; result: SubmissionOutcome };

export class CheckerProcess {
  /** The checking processes not yet ended, for {@link CheckerProcess.killAllNow}. */
  private static readonly live = new Set<CheckerProcess>();
  readonly child: ChildProcess;
  readonly ready: Promise<PropertyId[]>;
  private stderr = "";
  private stderrDropped = 0;
  private pending: ((message: RunnerMessage | Error) => void) | undefined;
  private exited = false;
  readonly ended: Promise<void>;

  constructor(private readonly scratch: string) {
    const args = [`--max-old-space-size=${HEAP_MB}`, "--import", "tsx", runnerScript];
    this.child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, LOGREG_GRADE_SCRATCH: scratch },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      detached: true, // its own process group: the sandboxes it starts end with it
    });
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => this.keep(chunk));
    this.child.on("message", (message: RunnerMessage) => this.pending?.(message));
    this.child.on("error", (error) => this.pending?.(error));
    CheckerProcess.live.add(this);
    this.ended = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => {
        this.exited = true;
        CheckerProcess.live.delete(this);
        this.pending?.(new Error(`its checking process ended (${signal ?? `exit ${code}`})`));
        resolve();
      }),
    );
    this.ready = this.next(120_000).then((message) => {
      if (message.kind === "ready") return message.properties;
      throw new Error(message.kind === "fatal" ? message.message : "unexpected message");
    });
    this.ready.catch(() => this.kill());
  }

  private keep(chunk: string): void {
    this.stderr += chunk;
    if (this.stderr.length > STDERR_KEEP) {
      this.stderrDropped += this.stderr.length - STDERR_KEEP;
      this.stderr = this.stderr.slice(-STDERR_KEEP);
    }
  }

  private next(timeoutMs: number): Promise<RunnerMessage> {
    return new Promise((resolve, reject) => {
      const settle = (message: RunnerMessage | Error) => {
        clearTimeout(timer);
        clearInterval(stopWatch);
        this.pending = undefined;
        if (message instanceof Error) reject(message);
        else resolve(message);
      };
      const timer = setTimeout(
        () => settle(new Error(`its checking did not finish within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      let stoppedSince: number | undefined;
      const stopWatch = setInterval(() => {
        if (this.child.pid === undefined || !isStopped(this.child.pid)) stoppedSince = undefined;
        else if ((stoppedSince ??= performance.now()) + STOPPED_MS <= performance.now()) {
          settle(new Error("its checking process was stopped (SIGSTOP)"));
        }
      }, 250);
      this.pending = settle;
      if (this.exited) settle(new Error("its checking process ended"));
    });
  }

  /** Grades `job`; rejects when the checking process fails it in any way (see above). */
  async grade(job: Job, timeoutMs: number): Promise<SubmissionOutcome> {
    const answer = this.next(timeoutMs);
    this.child.send({ kind: "job", job }, (error) => error && this.pending?.(error));
    const message = await answer;
    if (message.kind !== "done" || message.id !== job.id) throw new Error("unexpected answer");
    return message.result;
  }

  /** Kills the process group (the sandboxes die with their parent) and waits for the exit. */
  async kill(): Promise<void> {
    this.killNow();
    await this.ended;
  }

  private killNow(): void {
    try {
      process.kill(-this.child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }

  /** Kills every checking process still running, at once (the grader is interrupted). */
  static killAllNow(): void {
    for (const checker of CheckerProcess.live) checker.killNow();
  }

  /** Removes what it left in the scratch folder (its bundle, its pipes' folder). */
  async removeScratch(): Promise<void> {
    for (const kind of ["bundle", "checks"]) {
      await rm(join(this.scratch, `${kind}-${this.child.pid}`), { recursive: true, force: true });
    }
  }

  /** The last lines it wrote to stderr, and how many characters were not kept. */
  lastError(): string {
    const lines = this.stderr.trim().split("\n").slice(-3).join(" | ");
    return this.stderrDropped > 0
      ? `${lines} (${this.stderrDropped} earlier characters dropped)`
      : lines;
  }
}
