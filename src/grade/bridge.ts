import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { CallScript } from "./call-script.js";
import { Reader, Writer } from "./codec.mjs";
import { confinedCommand, type ConfinementKind } from "./confinement.js";
import { treeCpuMs } from "./cpu-time.mjs";
import { stepWallLimitMs } from "./limits.js";
import { PipeReader } from "./pipe-reader.js";
import { SentArrays } from "./sent-arrays.js";
import type { ReportedCall } from "./reported-call.js";
import { writeBack } from "./write-back.js";

/**
 * A learner's submission, running in a sandbox process of its own (sandbox.mjs), called
 * synchronously from the checking process: {@link Sandbox.call} writes the call into a pipe (a
 * FIFO) and blocks in a read of the answer's pipe. The properties run here, with this process's
 * own `Math`, `Float64Array` and checks; the submission only ever supplies return values, so
 * whatever it patches or prints changes nothing but its own answers.
 *
 * The process runs in an OS sandbox (confinement.ts) under resource limits.
 *
 * Time is measured here, from outside: the CPU time of the sandbox's process tree, read from
 * /proc (cpu-time.mjs), counts against the current step's budget ({@link Sandbox.beginStep}), so
 * that a busy machine does not time out a correct submission; the wall time this process waits
 * for it counts against a wall limit (limits.ts), which ends a sandbox that sleeps; one
 * that is stopped is ended within a second. A watchdog thread (watchdog.mjs) checks both every
 * 50 ms while this thread waits and kills the sandbox at either limit; the read then ends, and
 * every later call fails with the reason. Nothing the sandbox sends says anything about time.
 */

export interface SandboxOptions {
  /** The scratch folder holding the bundle (bundle.mjs), the host (sandbox.mjs) and codec.mjs. */
  folder: string;
  /** Where the pipes and the sandbox's stderr go: the checking process's own scratch folder. */
  pipes: string;
  /** The OS sandbox it runs in. */
  confinement: ConfinementKind;
  /** V8 heap limit; the address space is limited to this plus 1 GB. */
  memoryMb: number;
  /** The kernel's CPU limit for the process's whole life (RLIMIT_CPU), a backstop. */
  cpuSeconds: number;
  /** A message from the sandbox larger than this ends it. */
  maxFrameBytes: number;
}

/** Why the sandbox stopped answering, in one line, and whether it was the time limit. */
export interface Stop {
  reason: string;
  timedOut: boolean;
}

// Message types, keep in step with sandbox.mjs: to the sandbox …
const CALL = 1;
const CALLBACK_VALUE = 2;
const CALLBACK_ERROR = 3;
const BATCH = 4;
/** In a CALL's count of arrays to forget: forget every one (after a script ended early). */
const FORGET_ALL = 0xffffffff;
// … and from it.
const READY = 1;
const LOAD_ERROR = 2;
const RESULT_SAME = 3;
const RESULT = 4;
const THREW = 5;
const CALLBACK = 6;
const EXIT = 7;

interface ErrorInfo {
  name: string;
  message: string;
}

type Reply =
  | { kind: "ready"; exports: [string, string][] }
  | { kind: "load-error"; error: ErrorInfo }
  /** `args`: the arguments as the submission left them, when it changed them. */
  | { kind: "result"; value: unknown; args: unknown[] | undefined }
  | { kind: "threw"; error: ErrorInfo }
  | { kind: "callback"; id: number; args: unknown[] }
  | { kind: "exit"; code: number };

function readError(reader: Reader): ErrorInfo {
  return { name: String(reader.value()), message: String(reader.value()) };
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error("malformed message");
  return value;
}

/** Decodes a message from the sandbox; throws on anything malformed. */
function decodeReply(body: Buffer): Reply {
  const reader = new Reader(body, undefined, true);
  const type = reader.u8();
  switch (type) {
    case READY:
      return { kind: "ready", exports: list(reader.value()) as [string, string][] };
    case LOAD_ERROR:
      return { kind: "load-error", error: readError(reader) };
    case RESULT_SAME:
      return { kind: "result", value: reader.value(), args: undefined };
    case RESULT:
      return { kind: "result", value: reader.value(), args: list(reader.value()) };
    case THREW:
      return { kind: "threw", error: readError(reader) };
    case CALLBACK:
      return { kind: "callback", id: reader.u32(), args: list(reader.value()) };
    case EXIT:
      return { kind: "exit", code: Number(reader.value()) };
    default:
      throw new Error("malformed message");
  }
}

/**
 * V8's flags for the sandbox's Node. A sandbox lives for one submission, so V8 optimises the
 * host's and the submission's hot functions anew each time, on its compiler threads: about a
 * third of the sandbox's CPU time for the shipped solution. Without inlining, optimising costs
 * less than the slower optimised code does: the sandbox's CPU time per submission fell by ~10 %
 * relative to the checking process's, measured in the same `npm run grade` runs (12 copies of
 * the solution, twice). Only speed differs: the same code computes the same numbers.
 */
const SANDBOX_NODE_FLAGS = ["--no-turbo-inlining"];

/** The limit the watchdog killed a sandbox at. */
type Limit = "cpu" | "wall" | "stopped";
/** 1000 / CLK_TCK: /proc counts CPU time in clock ticks. */
const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
/** The sandbox's stderr: what is read of its end when it stops (its size is capped by RLIMIT_FSIZE). */
const STDERR_TAIL = 4096;

/** The watchdog thread, shared by every sandbox of this process (one runs at a time). */
class Watchdog {
  private readonly shared = new SharedArrayBuffer(32);
  private readonly ints = new Int32Array(this.shared, 0, 4);
  private readonly deadlines = new Float64Array(this.shared, 16, 2);

  constructor() {
    const worker = new Worker(new URL("./watchdog.mjs", import.meta.url), {
      execArgv: [],
      workerData: { shared: this.shared, tickMs: TICK_MS },
    });
    worker.unref();
  }

  /** Kills `pid` once the wall clock passes now + `wallMs` or its tree's CPU time `cpuMs`. */
  arm(pid: number, wallMs: number, cpuMs: number): void {
    Atomics.store(this.ints, 1, pid);
    this.deadlines[1] = cpuMs;
    this.deadlines[0] = now() + Math.max(wallMs, 0);
  }

  disarm(): void {
    this.deadlines[0] = 0;
    Atomics.store(this.ints, 1, 0);
  }

  /** Whether the watchdog killed `pid`, and at which limit. */
  killed(pid: number): Limit | undefined {
    if (Atomics.load(this.ints, 2) !== pid) return undefined;
    return (["cpu", "wall", "stopped"] as const)[Atomics.load(this.ints, 3) - 1];
  }
}

let watchdog: Watchdog | undefined;
let sandboxes = 0;

function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Opens the two ends of the FIFO at `path`, the checking side's and the sandbox's. */
function fifo(path: string, sandboxReads: boolean): { ours: number; theirs: number } {
  // Opening one end of a FIFO blocks until the other is open; a read-write descriptor held for
  // the moment avoids that, and is closed so that each side sees the end of the other.
  const holder = openSync(path, constants.O_RDWR);
  const reader = openSync(path, constants.O_RDONLY);
  const writer = openSync(path, constants.O_WRONLY);
  closeSync(holder);
  return sandboxReads ? { ours: writer, theirs: reader } : { ours: reader, theirs: writer };
}

export class Sandbox {
  /** The submission's exports: name and typeof. */
  exports: [string, string][] = [];
  /** Set once the sandbox has stopped answering. */
  stopped: Stop | undefined;
  /** Calls answered, and the bytes of the messages sent to it and received: for the benchmark. */
  calls = 0;
  /** Of those, the calls whose answers came from their property's script (call-script.ts). */
  answeredAhead = 0;
  readonly bytes = { sent: 0, received: 0 };
  /** The typed arrays sent to it (sent-arrays.ts), and whether it must forget all it holds. */
  private sent = new SentArrays();
  private forgetAll = false;
  /** The current property's calls (call-script.ts). */
  private script: CallScript | undefined;
  /** The CPU milliseconds its process tree used, read from /proc when it was stopped. */
  cpuMs = 0;

  private readonly requests: number;
  private readonly replies: number;
  private readonly reader: PipeReader;
  private readonly stderr: string;
  private pid: number | undefined;
  private limitMs = 0;
  /** The tree's CPU time when the step began, and the wall time waited for it in the step. */
  private cpuAtStepMs = 0;
  private waitedMs = 0;
  private exitCode: number | undefined;
  private readonly writer = new Writer();

  constructor(
    private readonly options: SandboxOptions,
    startupMs: number,
  ) {
    watchdog ??= new Watchdog();
    const n = sandboxes++;
    const paths = ["requests", "replies"].map((kind) =>
      join(options.pipes, `${kind}-${process.pid}-${n}`),
    );
    execFileSync("mkfifo", ["-m", "600", ...paths]);
    const requests = fifo(paths[0], true);
    const replies = fifo(paths[1], false);
    for (const path of paths) unlinkSync(path); // open on both sides: the names are not needed
    this.requests = requests.ours;
    this.replies = replies.ours;
    this.reader = new PipeReader(this.replies);
    this.stderr = join(options.pipes, `stderr-${process.pid}-${n}`);
    const stderr = openSync(this.stderr, "w");
    const { file, args } = confinedCommand(
      options.confinement,
      { memoryMb: options.memoryMb, cpuSeconds: options.cpuSeconds },
      options.folder,
      SANDBOX_NODE_FLAGS,
      ["sandbox.mjs", "bundle.mjs"],
    );
    const child = spawn(file, args, {
      cwd: options.folder,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
      stdio: ["ignore", "ignore", stderr, requests.theirs, replies.theirs],
    });
    child.on("error", () => {});
    child.unref();
    closeSync(stderr);
    closeSync(requests.theirs);
    closeSync(replies.theirs);
    this.pid = child.pid;
    if (this.pid === undefined) {
      this.stop({ reason: "could not be started" });
      return;
    }
    this.beginStep(startupMs);
    const reply = this.receive();
    if (reply?.kind === "ready") this.exports = reply.exports;
    else if (reply?.kind === "load-error") {
      this.stop({ reason: `threw at import: ${reply.error.name}: ${reply.error.message}` });
    }
  }

  /** Starts a step: the sandbox may use `limitMs` of CPU time in all for the step's calls. */
  beginStep(limitMs: number): void {
    this.limitMs = limitMs;
    this.cpuAtStepMs = this.pid === undefined ? 0 : treeCpuMs(this.pid, TICK_MS);
    this.waitedMs = 0;
  }

  /**
   * Starts property `key` (its file and name): its script's calls, if it has one, are sent
   * ahead in one message (call-script.ts).
   */
  beginProperty(key: string): void {
    this.script = new CallScript(key);
    // Every property starts with an empty table of arrays, so that its calls do not depend on
    // what the properties before it sent.
    this.sent = new SentArrays();
    this.forgetAll = true;
    const ahead = this.script.sentAhead();
    if (ahead === undefined || this.stopped) return;
    const w = this.writer;
    w.reset();
    w.u8(BATCH);
    w.u32(ahead.length);
    for (const message of ahead) w.bytes(message);
    this.write(w.finish());
  }

  /** Ends the current property; a passed one's calls become its script. */
  endProperty(passed: boolean): void {
    if (this.script === undefined) return;
    this.dropUnanswered();
    if (passed && !this.stopped) this.script.keep();
    this.script = undefined;
  }

  /** Calls the submission's function `name`; throws what it throws, or why it cannot answer. */
  call(name: string, args: unknown[]): unknown {
    const { value, replayChange } = this.callReportingChanges(name, args);
    replayChange?.();
    return value;
  }

  /**
   * Calls the submission's function `name` as {@link call} does, but returns what it did to the
   * arguments as a function that replays it (reported-call.ts) instead of replaying it.
   */
  callReportingChanges(name: string, args: unknown[]): ReportedCall {
    if (this.stopped) throw stoppedError(this.stopped);
    const callbacks: ((...a: unknown[]) => unknown)[] = [];
    let message = this.encodeCall(name, args, callbacks);
    const followed = this.script?.follows(message) ?? false;
    if (!followed && this.dropUnanswered()) {
      callbacks.length = 0;
      message = this.encodeCall(name, args, callbacks); // against the emptied table
    }
    if (followed) this.answeredAhead++;
    else {
      this.script?.record(message, callbacks.length > 0);
      this.write(message);
    }
    for (;;) {
      const reply = this.receive();
      if (reply === undefined) throw stoppedError(this.stopped!);
      if (reply.kind === "result") {
        this.calls++;
        const changed = reply.args;
        if (changed === undefined) return { value: reply.value };
        return { value: reply.value, replayChange: () => writeBack(args, changed) };
      }
      if (reply.kind === "threw") {
        this.calls++;
        const error = new Error(reply.error.message);
        error.name = reply.error.name;
        throw error;
      }
      if (reply.kind === "callback") this.answerCallback(callbacks[reply.id], reply.args);
    }
  }

  /** The message of a call of `name`, each function argument added to `callbacks`. */
  private encodeCall(name: string, args: unknown[], callbacks: unknown[]): Uint8Array {
    const w = this.writer;
    w.reset();
    w.callbacks = callbacks as ((...a: unknown[]) => unknown)[]; // each becomes a callback marker
    w.u8(CALL);
    const forgotten = this.sent.takeForgotten();
    w.u32(this.forgetAll ? FORGET_ALL : forgotten.length);
    if (!this.forgetAll) for (const id of forgotten) w.u32(id);
    this.forgetAll = false;
    w.value(name);
    w.handles = this.sent; // typed arrays the sandbox holds, unchanged, go as references
    w.value(args);
    return w.finish();
  }

  /**
   * Reads and drops the answers of the script's calls still due (a call that differed from it,
   * or a property that ended before its script did), not charging their CPU time to the step;
   * then both sides forget the arrays they hold. Whether there were any.
   */
  private dropUnanswered(): boolean {
    let due = this.script?.unanswered() ?? 0;
    if (due === 0 || this.stopped) return false;
    const cpuBefore = treeCpuMs(this.pid!, TICK_MS);
    while (due > 0 && !this.stopped) {
      const reply = this.receive();
      if (reply?.kind === "result" || reply?.kind === "threw") due--;
      else if (reply?.kind === "callback") this.answerCallback(undefined, reply.args);
    }
    if (!this.stopped) this.cpuAtStepMs += treeCpuMs(this.pid!, TICK_MS) - cpuBefore;
    this.sent = new SentArrays();
    this.forgetAll = true;
    return true;
  }

  /** Ends the sandbox (if it still runs) and closes the pipes. */
  stop(why: { reason: string; timedOut?: boolean } = { reason: "was stopped" }): void {
    if (!this.stopped) {
      this.stopped = { timedOut: false, ...why };
      if (this.pid !== undefined) {
        this.cpuMs = treeCpuMs(this.pid, TICK_MS); // a lower bound once a process of it has ended
        try {
          process.kill(this.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      closeSync(this.requests);
      closeSync(this.replies);
    }
  }

  private answerCallback(callback: ((...a: unknown[]) => unknown) | undefined, args: unknown[]) {
    const w = this.writer;
    try {
      if (!callback) throw new Error("no such callback");
      const value = callback(...args);
      w.reset();
      w.u8(CALLBACK_VALUE);
      w.value(value);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      w.reset();
      w.u8(CALLBACK_ERROR);
      w.value(name);
      w.value(message);
    }
    this.write(w.finish());
  }

  private write(frame: Uint8Array): void {
    this.bytes.sent += frame.length;
    try {
      let offset = 0;
      while (offset < frame.length) offset += writeSync(this.requests, frame, offset);
    } catch {
      // The sandbox is gone (EPIPE): the next read sees the end of its pipe and says why.
    }
  }

  /**
   * The sandbox's next message, waiting at most what is left of the step's budget; undefined
   * once it has stopped (this.stopped says why).
   */
  private receive(): Reply | undefined {
    while (!this.stopped) {
      const wallLimitMs = stepWallLimitMs(this.limitMs);
      const started = performance.now();
      watchdog!.arm(this.pid!, wallLimitMs - this.waitedMs, this.cpuAtStepMs + this.limitMs);
      let body: Buffer | undefined;
      let oversized = 0;
      const header = this.reader.take(4);
      if (header !== undefined) {
        const length = header.readUInt32LE(0);
        if (length > this.options.maxFrameBytes) oversized = length;
        else body = this.reader.take(length);
        this.bytes.received += 4 + (body?.length ?? 0);
      }
      watchdog!.disarm();
      this.waitedMs += performance.now() - started;
      if (oversized > 0) {
        const mb = (oversized / 2 ** 20).toFixed(0);
        this.stop({ reason: `sent the grader a ${mb} MB answer, more than it accepts` });
      } else if (body === undefined) {
        this.stop(this.endReason());
      } else {
        let reply: Reply;
        try {
          reply = decodeReply(body);
        } catch {
          this.stop({ reason: "sent the grader a message it cannot read" });
          break;
        }
        if (reply.kind === "exit") this.exitCode = reply.code;
        else return reply;
      }
    }
    return undefined;
  }

  private timeout(limit: Limit): { reason: string; timedOut: true } {
    const seconds = Number((this.limitMs / 1000).toPrecision(3));
    const wall = stepWallLimitMs(this.limitMs) / 1000;
    const reasons = {
      cpu: `timed out after ${seconds} s`,
      wall: `did not answer within ${wall} s of wall time (asleep or waiting)`,
      stopped: "stopped its own process (SIGSTOP)",
    };
    return { reason: reasons[limit], timedOut: true };
  }

  /** Why the replies' pipe ended. */
  private endReason(): { reason: string; timedOut?: boolean } {
    const limit = watchdog!.killed(this.pid!);
    if (limit !== undefined) return this.timeout(limit);
    if (this.exitCode !== undefined) return { reason: `called process.exit(${this.exitCode})` };
    const stderr = tail(this.stderr, STDERR_TAIL);
    if (/heap limit|out of memory|Allocation failed/i.test(stderr)) {
      return { reason: `ran out of memory (limit ${this.options.memoryMb} MB)` };
    }
    return { reason: "ended its own process" };
  }
}

function stoppedError(stop: Stop): Error {
  return new Error(`the grader stopped your code: it ${stop.reason}`);
}

/** The last `bytes` bytes of the file at `path`, as text ("" when there is none). */
function tail(path: string, bytes: number): string {
  try {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.min(size, bytes));
      readSync(fd, buffer, 0, buffer.length, size - buffer.length);
      return buffer.toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}
