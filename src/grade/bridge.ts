import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  constants,
  openSync,
  readFileSync,
  readSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { Reader, Writer } from "./codec.mjs";

/**
 * A learner's submission, running in a sandbox process of its own (sandbox.mjs), called
 * synchronously from the checking process: {@link Sandbox.call} writes the call into a pipe (a
 * FIFO) and blocks in a read of the answer's pipe. The properties run here, with this process's
 * own `Math`, `Float64Array` and checks; the submission only ever supplies return values, so
 * whatever it patches or prints changes nothing but its own answers.
 *
 * Time: the time the submission takes to answer counts against the current step's budget
 * ({@link Sandbox.beginStep}); the checks' own time does not, nor does the pipes' latency (each
 * answer says how long the submission computed: a busy machine does not time out a correct
 * submission). A watchdog thread (watchdog.mjs) kills the sandbox (SIGKILL) when a wait outlasts
 * what is left of the budget, plus a grace for that latency; the read then ends, and every later
 * call fails with the reason. A submission whose answers add up to more than the budget is
 * stopped the same way.
 */

export interface SandboxOptions {
  /** The submission's bundle (one ES module) and the scratch folder it may read. */
  bundle: string;
  folder: string;
  /** The sandbox host, sandbox.mjs, copied into `folder` (the only other file it may read). */
  host: string;
  /** Where the pipes and the sandbox's stderr go: the checking process's own scratch folder. */
  pipes: string;
  /** V8 heap limit; the address space is limited to this plus 1 GB (`ulimit -v`). */
  memoryMb: number;
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

type Reply = { ms: number } & (
  | { kind: "ready"; exports: [string, string][] }
  | { kind: "load-error"; error: ErrorInfo }
  /** `args`: the arguments as the submission left them, when it changed them. */
  | { kind: "result"; value: unknown; args: unknown[] | undefined }
  | { kind: "threw"; error: ErrorInfo }
  | { kind: "callback"; id: number; args: unknown[] }
  | { kind: "exit"; code: number }
);

/** Decodes a message from the sandbox; throws on anything malformed. */
function decodeReply(body: Buffer): Reply {
  const reader = new Reader(body);
  const ms = reader.f64();
  const type = reader.u8();
  const error = (): ErrorInfo => ({
    name: String(reader.value()),
    message: String(reader.value()),
  });
  const list = (value: unknown): unknown[] => {
    if (!Array.isArray(value)) throw new Error("malformed message");
    return value;
  };
  switch (type) {
    case READY:
      return { ms, kind: "ready", exports: list(reader.value()) as [string, string][] };
    case LOAD_ERROR:
      return { ms, kind: "load-error", error: error() };
    case RESULT_SAME:
      return { ms, kind: "result", value: reader.value(), args: undefined };
    case RESULT:
      return { ms, kind: "result", value: reader.value(), args: list(reader.value()) };
    case THREW:
      return { ms, kind: "threw", error: error() };
    case CALLBACK:
      return { ms, kind: "callback", id: reader.u32(), args: list(reader.value()) };
    case EXIT:
      return { ms, kind: "exit", code: Number(reader.value()) };
    default:
      throw new Error("malformed message");
  }
}

/** The latency a wait may add to what is left of the budget before the watchdog ends it. */
const GRACE_MS = 2000;

/** The watchdog thread, shared by every sandbox of this process (one runs at a time). */
class Watchdog {
  private readonly shared = new SharedArrayBuffer(24);
  private readonly ints = new Int32Array(this.shared, 0, 4);
  private readonly deadline = new Float64Array(this.shared, 16, 1);

  constructor() {
    const worker = new Worker(new URL("./watchdog.mjs", import.meta.url), {
      execArgv: [],
      workerData: { shared: this.shared },
    });
    worker.unref();
  }

  arm(pid: number, inMs: number): void {
    Atomics.store(this.ints, 1, pid);
    this.deadline[0] = now() + Math.max(inMs, 0);
  }

  disarm(): void {
    this.deadline[0] = 0;
    Atomics.store(this.ints, 1, 0);
  }

  killed(pid: number): boolean {
    return Atomics.load(this.ints, 2) === pid;
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
  /** Calls answered, for the benchmark. */
  calls = 0;

  private readonly requests: number;
  private readonly replies: number;
  private readonly stderr: string;
  private pid: number | undefined;
  private limitMs = 0;
  private spentMs = 0;
  private exitCode: number | undefined;
  private inbox = Buffer.alloc(0);
  private readonly writer = new Writer();
  private readonly chunk = Buffer.allocUnsafe(65536);

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
    this.stderr = join(options.pipes, `stderr-${process.pid}-${n}`);
    const stderr = openSync(this.stderr, "w");
    const memory = options.memoryMb;
    const child = spawn(
      "/bin/sh",
      [
        "-c",
        `ulimit -v ${(memory + 1024) * 1024} && exec "$0" "$@"`,
        process.execPath,
        "--experimental-permission",
        `--allow-fs-read=${options.folder}`,
        `--max-old-space-size=${memory}`,
        "--no-warnings",
        options.host,
        options.bundle,
      ],
      {
        cwd: options.folder,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
        stdio: ["ignore", "ignore", stderr, requests.theirs, replies.theirs],
      },
    );
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

  /** Starts a step: the submission may take `limitMs` in all for the step's calls. */
  beginStep(limitMs: number): void {
    this.limitMs = limitMs;
    this.spentMs = 0;
  }

  /** Calls the submission's function `name`; throws what it throws, or why it cannot answer. */
  call(name: string, args: unknown[]): unknown {
    if (this.stopped) throw stoppedError(this.stopped);
    const callbacks: ((...a: unknown[]) => unknown)[] = [];
    const w = this.writer;
    w.reset();
    w.callbacks = callbacks; // each function argument becomes a callback marker
    w.u8(CALL);
    w.value(name);
    w.value(args);
    this.write(w.finish());
    for (;;) {
      const reply = this.receive();
      if (reply === undefined) throw stoppedError(this.stopped!);
      if (reply.kind === "result") {
        this.calls++;
        if (reply.args) writeBack(args, reply.args);
        return reply.value;
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

  /** Ends the sandbox (if it still runs) and closes the pipes. */
  stop(why: { reason: string; timedOut?: boolean } = { reason: "was stopped" }): void {
    if (!this.stopped) {
      this.stopped = { timedOut: false, ...why };
      if (this.pid !== undefined) {
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
    try {
      let offset = 0;
      while (offset < frame.length) offset += writeSync(this.requests, frame, offset);
    } catch {
      // The sandbox is gone (EPIPE): the next read sees the end of its pipe and says why.
    }
  }

  /** The next `length` bytes of the replies' pipe (reading ahead in 64 KB chunks); undefined at its end. */
  private take(length: number): Buffer | undefined {
    if (this.inbox.length >= length) {
      const out = this.inbox.subarray(0, length);
      this.inbox = this.inbox.subarray(length);
      return out;
    }
    const out = Buffer.allocUnsafe(length);
    let have = this.inbox.copy(out);
    this.inbox = Buffer.alloc(0);
    while (have < length) {
      const read = readSync(this.replies, this.chunk, 0, this.chunk.length, null);
      if (read === 0) return undefined;
      const used = Math.min(read, length - have);
      this.chunk.copy(out, have, 0, used);
      have += used;
      if (used < read) this.inbox = Buffer.from(this.chunk.subarray(used, read));
    }
    return out;
  }

  /**
   * The sandbox's next message, waiting at most what is left of the step's budget; undefined
   * once it has stopped (this.stopped says why).
   */
  private receive(): Reply | undefined {
    while (!this.stopped) {
      watchdog!.arm(this.pid!, this.limitMs - this.spentMs + GRACE_MS);
      let body: Buffer | undefined;
      let oversized = 0;
      const header = this.take(4);
      if (header !== undefined) {
        const length = header.readUInt32LE(0);
        if (length > this.options.maxFrameBytes) oversized = length;
        else body = this.take(length);
      }
      watchdog!.disarm();
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
        this.spentMs += Number.isFinite(reply.ms) && reply.ms >= 0 ? reply.ms : 0;
        if (reply.kind === "exit") this.exitCode = reply.code;
        else if (this.spentMs > this.limitMs) this.stop(this.timeout());
        else return reply;
      }
    }
    return undefined;
  }

  private timeout(): { reason: string; timedOut: true } {
    const seconds = Number((this.limitMs / 1000).toPrecision(3));
    return { reason: `timed out after ${seconds} s`, timedOut: true };
  }

  /** Why the replies' pipe ended. */
  private endReason(): { reason: string; timedOut?: boolean } {
    if (watchdog!.killed(this.pid!)) return this.timeout();
    if (this.exitCode !== undefined) return { reason: `called process.exit(${this.exitCode})` };
    let stderr = "";
    try {
      stderr = readFileSync(this.stderr, "utf8").slice(-4096);
    } catch {
      // no stderr
    }
    if (/heap limit|out of memory|Allocation failed/i.test(stderr)) {
      return { reason: `ran out of memory (limit ${this.options.memoryMb} MB)` };
    }
    return { reason: "ended its own process" };
  }
}

function stoppedError(stop: Stop): Error {
  return new Error(`the grader stopped your code: it ${stop.reason}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Copies what the submission did to its arguments back into the caller's: typed arrays element
 * by element, arrays and plain objects recursively (functions are left alone), so that a
 * property can see a mutated `w` or an appended `costHistory` as if the call had been local.
 */
function writeBack(original: unknown, updated: unknown): void {
  if (ArrayBuffer.isView(original) && ArrayBuffer.isView(updated)) {
    const target = original as unknown as { length: number; set(a: ArrayLike<number>): void };
    const source = updated as unknown as ArrayLike<number>;
    if (target.length === source.length) target.set(source);
    return;
  }
  if (Array.isArray(original) && Array.isArray(updated)) {
    const common = Math.min(original.length, updated.length);
    for (let i = 0; i < common; i++) {
      if (typeof original[i] === "object" && original[i] !== null)
        writeBack(original[i], updated[i]);
      else if (typeof original[i] !== "function") original[i] = updated[i];
    }
    original.length = common;
    for (let i = common; i < updated.length; i++) original.push(updated[i]);
    return;
  }
  if (isPlainObject(original) && isPlainObject(updated)) {
    for (const [key, value] of Object.entries(updated)) {
      const before = original[key];
      if (typeof before === "function") continue;
      if (typeof before === "object" && before !== null) writeBack(before, value);
      else if (!Object.is(before, value)) original[key] = value;
    }
  }
}
