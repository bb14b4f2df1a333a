/**
 * npm run grade -- <submissions-dir> [--out <dir>] [--rubric <file>] [--jobs N] [--timeout <s>]
 *                   [--seed <n>] [--memory <MB>]
 *
 * Grades a class: each direct sub-folder of <submissions-dir> is one submission, an index.ts
 * (or .js, .mjs) exporting the contract's functions. Each is bundled (src/grade/bundle.ts)
 * and run in a sandbox process of its own under Node's permission model (sandbox.mjs), called
 * from a checking process (runner.ts) that runs the property suite of properties/model against
 * it. Outputs: grades.csv, grades.json, feedback/<submission>.md, gradescope/<submission>/results.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { prepare } from "../src/grade/bundle.js";
import { discoverSubmissions, prepareSubmission } from "../src/grade/discover.js";
import { autograderZipCommand, wantsAutograderZip } from "../src/grade/gradescope.js";
import type { Grade } from "../src/grade/grade.js";
import { score, writeOutputs, type Settings } from "../src/grade/outputs.js";
import { defaultRubric, parseRubric, RubricError, type Rubric } from "../src/grade/rubric.js";
import type { Job, PropertyId, SubmissionOutcome } from "../src/grade/types.js";

const usage = `Usage: npm run grade -- <submissions-dir> [options]

Grades each direct sub-folder of <submissions-dir> (one submission: an index.ts, index.js or
index.mjs exporting the contract's functions) with the model property suite, each in a sandbox.

  --out <dir>      where the grades go (default grades/): grades.csv, grades.json,
                   feedback/<submission>.md, gradescope/<submission>/results.json
  --rubric <file>  points per step or property, hidden properties (docs/instructors.md)
  --jobs N         submissions graded at the same time (default 2)
  --timeout <s>    wall-clock limit on a submission's own time in each step (default 10)
  --memory <MB>    memory limit of a submission's process (default 512)
  --seed <n>       the properties' seed, PROPERTY_SEED (default 42); recorded in grades.json
  -h, --help       print this help

  --gradescope-autograder OUT.zip   instead of grading, build Gradescope's autograder zip
                   (with --rubric, --timeout, --memory, --seed for the grading there)

Before the submissions, the kit's own src/reference is graded the same way, as a control: if it
does not pass every property, the grader is broken and nothing is written.

Exit status: 0 when every submission was graded; 1 when the suite could not run or the control
failed; 2 on a usage or rubric error.`;

const root = resolve(import.meta.dirname, "..");
const runnerScript = join(import.meta.dirname, "..", "src", "grade", "runner.ts");

class UsageError extends Error {}

function number(name: string, text: string, check: (n: number) => boolean, what: string) {
  const value = Number(text);
  if (text.trim() === "" || !check(value)) {
    throw new UsageError(`--${name} must be ${what}, got "${text}"`);
  }
  return value;
}

interface Options {
  submissions: string;
  out: string;
  rubric?: string;
  jobs: number;
  timeoutSeconds: number;
  memoryMb: number;
  seed: number;
}

function options(argv: string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "grades" },
      rubric: { type: "string" },
      jobs: { type: "string", short: "j", default: "2" },
      timeout: { type: "string", default: "10" },
      memory: { type: "string", default: "512" },
      seed: { type: "string", default: "42" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (positionals.length !== 1) throw new UsageError("give exactly one <submissions-dir>");
  const submissions = resolve(positionals[0]);
  if (!existsSync(submissions) || !statSync(submissions).isDirectory()) {
    throw new UsageError(`no such folder: ${submissions}`);
  }
  return {
    submissions,
    out: resolve(values.out),
    rubric: values.rubric,
    jobs: number("jobs", values.jobs, (n) => Number.isInteger(n) && n >= 1, "a whole number ≥ 1"),
    timeoutSeconds: number("timeout", values.timeout, (n) => n > 0 && n <= 3600, "seconds > 0"),
    memoryMb: number("memory", values.memory, (n) => Number.isInteger(n) && n >= 64, "≥ 64"),
    seed: number(
      "seed",
      values.seed,
      (n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
      "a 32-bit integer",
    ),
  };
}

type RunnerMessage =
  | { kind: "ready"; properties: PropertyId[] }
  | { kind: "fatal"; message: string }
  | { kind: "done"; id: string; result: SubmissionOutcome };

/** One checking process (runner.ts) and the job it is on. */
class Runner {
  readonly child: ChildProcess;
  readonly ready: Promise<PropertyId[]>;
  private stderr = "";
  private pending: ((message: RunnerMessage | Error) => void) | undefined;

  constructor(scratch: string) {
    this.child = spawn(process.execPath, ["--import", "tsx", runnerScript], {
      cwd: root,
      env: { ...process.env, LOGREG_GRADE_SCRATCH: scratch },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      detached: true, // its own process group: the sandboxes it starts end with it
    });
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-2000);
    });
    this.child.on("message", (message: RunnerMessage) => this.pending?.(message));
    this.child.on("exit", (code, signal) =>
      this.pending?.(new Error(`its checking process ended (${signal ?? `exit ${code}`})`)),
    );
    this.ready = this.next(120_000).then((message) => {
      if (message.kind === "ready") return message.properties;
      throw new Error(message.kind === "fatal" ? message.message : "unexpected message");
    });
  }

  private next(timeoutMs: number): Promise<RunnerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new Error(`its checking did not finish within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending = (message) => {
        clearTimeout(timer);
        this.pending = undefined;
        if (message instanceof Error) reject(message);
        else resolve(message);
      };
    });
  }

  async grade(job: Job, timeoutMs: number): Promise<SubmissionOutcome> {
    const answer = this.next(timeoutMs);
    this.child.send({ kind: "job", job });
    const message = await answer;
    if (message.kind !== "done" || message.id !== job.id) throw new Error("unexpected answer");
    return message.result;
  }

  kill(): void {
    try {
      process.kill(-this.child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }

  lastError(): string {
    return this.stderr.trim().split("\n").slice(-3).join(" | ");
  }
}

async function main(argv: string[]): Promise<number> {
  if (wantsAutograderZip(argv)) return autograderZipCommand(argv); // Gradescope's zip: gradescope.ts
  let opts: Options | "help";
  try {
    opts = options(argv);
  } catch (error) {
    console.error(`grade: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (opts === "help") {
    console.log(usage);
    return 0;
  }
  // Names as bytes, the class folder resolved once, hidden and linked folders reported: discover.ts.
  const discovery = discoverSubmissions(opts.submissions);
  const names = discovery.submissions.map((submission) => submission.name);
  for (const { name, reason } of discovery.skipped) console.error(`skipped ${name}: ${reason}`);
  const scratch = await mkdtemp(join(tmpdir(), "logreg-grade-"));
  const runners: Runner[] = [];
  try {
    const first = new Runner(scratch);
    runners.push(first);
    let properties: PropertyId[];
    try {
      properties = await first.ready;
    } catch (error) {
      console.error(`grade: ${(error as Error).message}\n${first.lastError()}`);
      return 1;
    }
    let rubric: Rubric = defaultRubric;
    if (opts.rubric) {
      try {
        rubric = parseRubric(opts.rubric, await readFile(opts.rubric, "utf8"), properties);
      } catch (error) {
        const message =
          error instanceof RubricError ? error.message : `${opts.rubric}: ${String(error)}`;
        console.error(`grade: ${message}`);
        return 2;
      }
    }
    const steps = [...new Set(properties.map((p) => p.step))];
    const stepLimitMs = opts.timeoutSeconds * 1000;
    // Generous: the checks' own time is not in the step limit, and a loaded machine is slow.
    const jobTimeoutMs = steps.length * stepLimitMs + stepLimitMs + 300_000;
    console.error(
      `grading ${names.length} submissions: ${properties.length} properties in steps ${steps.join(", ")}, ` +
        `seed ${opts.seed}, ${opts.jobs} at a time, ${opts.timeoutSeconds} s per step, ${opts.memoryMb} MB`,
    );

    const grades = new Array<Grade>(names.length);
    let next = 0;
    let done = 0;
    const started = performance.now();
    let controlFailure: string | undefined;
    // The control: the kit's own src/reference, graded by the same machinery before the first
    // runner takes submissions. It must get every property: if it does not, the grader itself is
    // broken (a property file that needs more of vitest than vitest-shim.ts gives, a bridge that
    // garbles a value …) and every learner would lose those points too.
    const control = async (runner: Runner) => {
      // LOGREG_GRADE_CONTROL: another folder as the control, for the grader's own test.
      const folder = process.env.LOGREG_GRADE_CONTROL ?? join(root, "src/reference");
      const prepared = await prepare(folder, "control", join(scratch, "control"), {
        trusted: true,
      });
      const job: Job = {
        id: "control",
        name: "control",
        bundle: prepared.bundle,
        displayPath: "src/reference/index.ts",
        notes: prepared.notes,
        seed: opts.seed,
        stepLimitMs,
        memoryMb: opts.memoryMb,
      };
      const outcome = await runner.grade(job, jobTimeoutMs);
      const failed = outcome.properties.filter((p) => !p.passed);
      const passed = outcome.properties.length - failed.length;
      if (failed.length === 0 && outcome.notes.length === 0 && passed === properties.length) {
        console.error(`control: src/reference passes all ${passed} properties`);
        return;
      }
      next = names.length; // the lanes take no more submissions
      const first = failed[0];
      controlFailure =
        `the control, the kit's own src/reference, passes ${passed} of ${properties.length} properties: ` +
        `the grader is broken (see src/grade/vitest-shim.ts), and every submission would lose those points too` +
        (outcome.notes.length > 0 ? `\n  notes: ${outcome.notes.join("; ")}` : "") +
        (first
          ? `\n  first failure: ${first.file} > ${first.name}\n  ${(first.message ?? "").split("\n").slice(0, 6).join("\n  ")}`
          : "");
    };
    const lane = async (runner: Runner) => {
      while (next < names.length) {
        const index = next++;
        const name = names[index];
        const prepared = await prepareSubmission(
          discovery,
          index,
          join(scratch, `submission-${index}`),
        );
        const job: Job = {
          id: String(index),
          name,
          bundle: prepared.bundle,
          displayPath: prepared.displayPath,
          notes: prepared.notes,
          seed: opts.seed,
          stepLimitMs,
          memoryMb: opts.memoryMb,
        };
        let outcome: SubmissionOutcome;
        try {
          outcome = await runner.grade(job, jobTimeoutMs);
        } catch (error) {
          // The checking process itself failed (the submission cannot reach it, but a huge answer
          // could exhaust it): this submission gets no marks, the next one a fresh process.
          const reason = `the grader could not finish checking it: ${(error as Error).message}`;
          outcome = {
            notes: [...job.notes, reason],
            properties: properties.map((p) => ({ ...p, passed: false, message: reason })),
            calls: 0,
            seconds: 0,
          };
          runner.kill();
          runner = new Runner(scratch);
          runners.push(runner);
          await runner.ready;
        }
        grades[index] = score(name, outcome, rubric, properties);
        done++;
        const g = grades[index];
        console.error(
          `done ${done}/${names.length}  ${name}: ${g.total}/${g.max} (${outcome.seconds.toFixed(1)} s, ${outcome.calls} calls)` +
            (g.notes.length > 0 ? `  (${g.notes.join("; ")})` : ""),
        );
      }
    };
    const lanes = [control(first).then(() => lane(first))];
    for (let j = 1; j < Math.min(opts.jobs, names.length); j++) {
      const runner = new Runner(scratch);
      runners.push(runner);
      lanes.push(runner.ready.then(() => lane(runner)));
    }
    await Promise.all(lanes);
    if (controlFailure !== undefined) {
      console.error(`grade: ${controlFailure}`);
      return 1;
    }
    const settings: Settings = {
      seed: opts.seed,
      stepLimitSeconds: opts.timeoutSeconds,
      memoryMb: opts.memoryMb,
      rubric: opts.rubric ?? null,
      skipped: discovery.skipped,
    };
    await writeOutputs(opts.out, grades, settings);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`graded ${names.length} submissions in ${seconds} s; wrote ${opts.out}`);
    return 0;
  } finally {
    for (const runner of runners) {
      runner.child.disconnect();
      await new Promise((r) => runner.child.once("exit", r));
    }
    for (const runner of runners) runner.kill();
    await rm(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
