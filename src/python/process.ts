import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Reader, Writer } from "../grade/codec.mjs";
import { PipeReader } from "../grade/pipe-reader.js";

/**
 * A learner's Python module, imported by one long-lived python process (bridge.py) and called
 * synchronously over two FIFOs in the grader's codec: {@link PythonProcess.call} writes the call
 * and blocks in a read of the answer, answering the callbacks Python makes on the way (a
 * JavaScript function passed as an argument). The process ends when this one does (it reads the
 * end of its pipe). Its stdout and stderr are this process's, so a print shows with the test.
 */

// Messages to Python, keep in step with bridge.py …
const CALL = 1;
const CALLBACK_VALUE = 2;
const CALLBACK_ERROR = 3;
// … and from it.
const READY = 1;
const LOAD_ERROR = 2;
const RESULT = 4;
const THREW = 5;
const CALLBACK = 6;

/** Where an array of a result came from, as bridge.py says: an argument, an earlier result, or new. */
export type Origin = ["argument", number] | ["seen" | "new", number];

/** What one call answered. */
export interface PythonResult {
  value: unknown;
  /** One per 1-D array of `value`, in the order they appear in it. */
  origins: Origin[];
  /** The arguments the function changed in place: [position or keyword, contents after the call]. */
  changed: [number | string, unknown][];
}

/** A Python exception, with the lines of the learner's module in its traceback. */
export class PythonError extends Error {
  constructor(
    readonly pythonType: string,
    readonly pythonMessage: string,
    readonly frames: string[],
  ) {
    super(`${pythonType}: ${pythonMessage}`);
  }
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Opens both ends of the FIFO at `path` without blocking (see src/grade/bridge.ts). */
function fifo(path: string): { read: number; write: number } {
  const holder = openSync(path, constants.O_RDWR);
  const read = openSync(path, constants.O_RDONLY);
  const write = openSync(path, constants.O_WRONLY);
  closeSync(holder);
  return { read, write };
}

/** How the python process is started, when not as `python bridge module` with this process's output. */
export interface StartOptions {
  /** The command that runs bridge.py on the module in its place, e.g. in a sandbox. */
  command?: { file: string; args: string[] };
  /** Where its stdout and stderr go: this process's (the default), or a file's descriptor. */
  output?: "inherit" | number;
}

export class PythonProcess {
  /** The callable names the module defines (not starting with _). */
  readonly names: string[] = [];
  /** Why the process cannot answer, once it cannot. */
  stopped: string | undefined;
  /** The process started (python, or the command that runs it), while it has a pid. */
  readonly pid: number | undefined;
  private readonly requests: number;
  private readonly replies: number;
  private readonly reader: PipeReader;
  private readonly writer = new Writer();

  constructor(python: string, bridge: string, modulePath: string, options: StartOptions = {}) {
    const folder = mkdtempSync(join(tmpdir(), "logreg-py-"));
    const paths = [join(folder, "requests"), join(folder, "replies")];
    execFileSync("mkfifo", ["-m", "600", ...paths]);
    const requests = fifo(paths[0]);
    const replies = fifo(paths[1]);
    rmSync(folder, { recursive: true });
    const { file, args } = options.command ?? { file: python, args: [bridge, modulePath] };
    const output = options.output ?? "inherit";
    const child = spawn(file, args, {
      stdio: ["ignore", output, output, requests.read, replies.write],
    });
    this.pid = child.pid;
    child.on("error", () => {});
    child.unref();
    closeSync(requests.read);
    closeSync(replies.write);
    this.requests = requests.write;
    this.replies = replies.read;
    this.reader = new PipeReader(this.replies);
    const reader = this.receive();
    if (reader === undefined) return;
    const kind = reader.u8();
    if (kind === READY) this.names = reader.value() as string[];
    else if (kind === LOAD_ERROR) {
      this.stop(
        `could not import ${modulePath}: ${String(reader.value())}: ${String(reader.value())}`,
      );
    }
  }

  /** Calls the module's function `name`; throws a PythonError, or why the process cannot answer. */
  call(name: string, args: unknown[], keywords: Record<string, unknown>): PythonResult {
    if (this.stopped) throw new Error(this.stopped);
    const callbacks: AnyFunction[] = [];
    const w = this.writer;
    w.reset();
    w.callbacks = callbacks;
    w.u8(CALL);
    w.value(name);
    w.value(args);
    w.value(keywords);
    this.write(w.finish());
    for (;;) {
      const reader = this.receive();
      if (reader === undefined) throw new Error(this.stopped);
      const kind = reader.u8();
      if (kind === RESULT) {
        const value = reader.value();
        const origins = reader.value() as Origin[];
        const changed = reader.value() as [number | string, unknown][];
        return { value, origins, changed };
      }
      if (kind === THREW) {
        const [type, message, frames] = [reader.value(), reader.value(), reader.value()];
        throw new PythonError(String(type), String(message), frames as string[]);
      }
      if (kind === CALLBACK) this.answer(callbacks[reader.u32()], reader.value() as unknown[]);
    }
  }

  /** Ends the process: it reads the end of its requests' pipe and exits. */
  stop(reason = "the Python process was stopped"): void {
    if (this.stopped) return;
    this.stopped = reason;
    closeSync(this.requests);
    closeSync(this.replies);
  }

  private answer(callback: AnyFunction | undefined, args: unknown[]): void {
    const w = this.writer;
    try {
      if (!callback) throw new Error("no such callback");
      const value = callback(...args);
      w.reset();
      w.u8(CALLBACK_VALUE);
      w.value(value);
    } catch (error) {
      w.reset();
      w.u8(CALLBACK_ERROR);
      w.value(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    this.write(w.finish());
  }

  private write(frame: Uint8Array): void {
    try {
      let offset = 0;
      while (offset < frame.length) offset += writeSync(this.requests, frame, offset);
    } catch {
      // Python is gone (EPIPE): the next read sees the end of its pipe and says so.
    }
  }

  /** A reader of Python's next message; undefined (and stopped) once the process has ended. */
  private receive(): Reader | undefined {
    if (this.stopped) return undefined;
    const header = this.reader.take(4);
    const body = header === undefined ? undefined : this.reader.take(header.readUInt32LE(0));
    if (body === undefined) {
      this.stop("the Python process ended (its error, if any, is printed above)");
      return undefined;
    }
    return new Reader(body);
  }
}
