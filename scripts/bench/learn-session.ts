import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { shippedSnapshot } from "../../src/exercise/shipped.js";
import { stepOfSource } from "../../src/learn/steps.js";

/**
 * `npm run learn` in watch mode, in a scratch copy of the project, driven as a learner drives it:
 * save a file, wait for the report. Used by `npm run bench:learn` and learn's integration test.
 */

/** What one save brought: the first report, the last report of the run, and when each came. */
export interface SaveResult {
  /** Seconds from the save to the first report on screen. */
  firstSeconds: number;
  /** Seconds from the save to the end of the run ("watching src/impl" again). */
  doneSeconds: number;
  first: string;
  /** Every report of the run, in order; the last one is final. */
  reports: string[];
}

/**
 * A scratch copy of the project at `root` (node_modules linked) in a new mkdtemp folder, with
 * src/impl as a learner has it at step `step`: the shipped solution (git's HEAD) for the files of
 * earlier steps, the stubs for the rest.
 */
export function scratchProject(root: string, step: number): string {
  const dir = mkdtempSync(join(tmpdir(), "logreg-learn-"));
  for (const entry of ["src", "properties", "scripts", "vitest.config.ts", "package.json"]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  cpSync(join(root, "tsconfig.json"), join(dir, "tsconfig.json"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  rmSync(join(dir, "src", "impl"), { recursive: true });
  cpSync(join(root, "src", "impl-stubs"), join(dir, "src", "impl"), { recursive: true });
  for (const [file, entry] of shippedSnapshot(root, "src/impl", "HEAD")) {
    const fileStep = stepOfSource(file);
    if ("sha256" in entry && fileStep !== undefined && fileStep < step) {
      writeFileSync(join(dir, "src", "impl", file), entry.bytes());
    }
  }
  return dir;
}

/** The end of a printed report: its time, "  (1.2 s)", at the end of a line. */
const REPORT_END = / {2}\(\d+\.\d s\)\n/;

/** How a session is started: learn's options, and the folder its saves go to. */
export interface SessionOptions {
  /** learn's arguments, e.g. ["--python", "/tmp/x/logreg.py"]. */
  args?: string[];
  /** The folder the learner saves in, absolute or relative to `dir`: src/impl by default. */
  folder?: string;
  /** Added to learn's environment. */
  env?: NodeJS.ProcessEnv;
}

/** `npm run learn` started in `dir`, with the reports it prints, one save at a time. */
export class LearnSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly folder: string;
  /** The start of the line learn prints when a run has ended and it watches `folder`. */
  private readonly watching: string;
  private output = "";
  private listener: (() => void) | undefined;
  private exited = false;

  constructor(
    readonly dir: string,
    { args = [], folder = join("src", "impl"), env = {} }: SessionOptions = {},
  ) {
    this.folder = resolve(dir, folder);
    const shown = relative(dir, this.folder);
    this.watching = `watching ${shown.startsWith("..") ? this.folder : shown}`;
    this.child = spawn(process.execPath, ["--import", "tsx", "scripts/learn.ts", ...args], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: "0", ...env },
    });
    this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      this.output += chunk;
      this.listener?.();
    });
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      this.output += chunk;
    });
    this.child.on("exit", () => {
      this.exited = true;
      this.listener?.();
    });
  }

  /** Waits for the first run's end and returns its reports and how long it took. */
  async started(): Promise<SaveResult> {
    return this.nextRun(performance.now());
  }

  /** Saves `text` as `file` of the learner's folder and waits for the run it starts. */
  async save(file: string, text: string): Promise<SaveResult> {
    const saved = performance.now();
    writeFileSync(join(this.folder, file), text);
    return this.nextRun(saved);
  }

  /** The current text of `file` of the learner's folder. */
  read(file: string): string {
    return readFileSync(join(this.folder, file), "utf8");
  }

  private nextRun(since: number): Promise<SaveResult> {
    let first: { text: string; seconds: number } | undefined;
    const reports: string[] = [];
    return new Promise((resolve, reject) => {
      this.listener = () => {
        for (let end = REPORT_END.exec(this.output); end; end = REPORT_END.exec(this.output)) {
          const text = this.output.slice(0, end.index + end[0].length);
          this.output = this.output.slice(end.index + end[0].length);
          reports.push(text.trim());
          first ??= { text: text.trim(), seconds: (performance.now() - since) / 1000 };
        }
        const watching = this.output.indexOf(this.watching);
        if (watching >= 0 && first) {
          this.output = this.output.slice(this.output.indexOf("\n", watching) + 1);
          this.listener = undefined;
          const doneSeconds = (performance.now() - since) / 1000;
          resolve({ firstSeconds: first.seconds, doneSeconds, first: first.text, reports });
        } else if (this.exited) reject(new Error(`learn exited:\n${this.output}`));
      };
      this.listener();
    });
  }

  /** Stops learn and waits for it to exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill();
    await exit;
  }
}
