import { rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { constants as osConstants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CheckerProcess } from "./checker-process.js";
import { probeConfinement, type ConfinementKind } from "./confinement.js";
import { controlFailure } from "./control.js";
import { discoverSubmissions, submissionFolder, type Discovery } from "./discover.js";
import type { Grade } from "./grade.js";
import { autograderZipCommand, wantsAutograderZip } from "./gradescope.js";
import { stepWallLimitMs } from "./limits.js";
import { parseOptions, usage, UsageError, type Options } from "./options.js";
import { score, writeOutputs, type Settings } from "./outputs.js";
import { defaultRubric, parseRubric, RubricError, type Rubric } from "./rubric.js";
import { Lane, unchecked } from "./lane.js";
import type { Job, PropertyId, SubmissionOutcome } from "./types.js";

/**
 * `npm run grade`: grades a class. `--jobs` lanes (lane.ts) work at once, each a checking
 * process (checker-process.ts, runner.ts) that loads the property suite once and then bundles
 * (bundle.ts) and checks submission after submission, each one's code running in a fresh OS
 * sandbox (confinement.ts). The kit's src/reference is graded too, as the control (control.ts),
 * by the first lane while the others start on the submissions: if it fails, grading stops and
 * nothing is written. The submissions are found by discover.ts (names as bytes, hidden and
 * linked folders reported). Every submission gets a row, whatever its code or its checking
 * process does; the scratch folder is removed at the end.
 */

const root = resolve(import.meta.dirname, "../..");

interface Run {
  opts: Options;
  scratch: string;
  confinement: ConfinementKind;
  properties: PropertyId[];
  rubric: Rubric;
  jobTimeoutMs: number;
  lanes: Lane[];
}

/** The job of grading the submission in `folder`. */
function jobFor(run: Run, folder: string, name: string, id: string, trusted = false): Job {
  return {
    id,
    name,
    folder,
    trusted,
    seed: run.opts.seed,
    stepLimitMs: run.opts.timeoutSeconds * 1000,
    memoryMb: run.opts.memoryMb,
    confinement: run.confinement,
  };
}

/** The `index`-th submission of `discovery`, graded by `lane`; one that cannot be read gets a note. */
async function gradeSubmission(run: Run, lane: Lane, discovery: Discovery, index: number) {
  const name = discovery.submissions[index].name;
  let folder: string;
  try {
    folder = submissionFolder(discovery, index, join(run.scratch, `submission-${index}`));
  } catch (error) {
    return unchecked(run.properties, `could not be read: ${(error as Error).message}`);
  }
  return lane.grade(jobFor(run, folder, name, String(index)), run.jobTimeoutMs, run.properties);
}

/** The CPU time and bridge traffic a submission cost, for the progress line (bench-grade.ts reads it). */
function cpuShown({ cpu, bytes, answeredAhead }: SubmissionOutcome): string {
  const mb = (n: number) => (n / 2 ** 20).toFixed(2);
  const ahead = answeredAhead === undefined ? "" : ` (${answeredAhead} answered ahead)`;
  const traffic = bytes
    ? `${ahead}, ${mb(bytes.sent)} MB sent + ${mb(bytes.received)} MB received`
    : "";
  return cpu
    ? `${traffic}, CPU ${cpu.checks.toFixed(2)} s checks + ${cpu.sandbox.toFixed(2)} s sandbox`
    : traffic;
}

/** The control's verdict, graded by `lane`: undefined when it passed, else why grading stops. */
async function gradeControl(run: Run, lane: Lane): Promise<string | undefined> {
  const job = jobFor(run, join(root, "src/reference"), "control", "control", true);
  const failure = controlFailure(
    await lane.grade(job, run.jobTimeoutMs, run.properties),
    run.properties,
  );
  if (failure === undefined) {
    console.error(`control: src/reference passes all ${run.properties.length} properties`);
  }
  return failure;
}

/** Grades the control and the submissions, one lane each at a time; the grades, or a failure. */
async function gradeAll(run: Run, discovery: Discovery): Promise<Grade[] | string> {
  const names = discovery.submissions.map((submission) => submission.name);
  const grades = new Array<Grade>(names.length);
  let failure: string | undefined;
  let next = 0;
  let done = 0;
  const work = async (lane: Lane) => {
    while (failure === undefined && next < names.length) {
      const index = next++;
      const outcome = await gradeSubmission(run, lane, discovery, index);
      const grade = score(names[index], outcome, run.rubric, run.properties);
      grades[index] = grade;
      const notes = grade.notes.length > 0 ? `  (${grade.notes.join("; ")})` : "";
      console.error(
        `done ${++done}/${names.length}  ${names[index]}: ${grade.total}/${grade.max} ` +
          `(${outcome.seconds.toFixed(1)} s, ${outcome.calls} calls${cpuShown(outcome)})${notes}`,
      );
    }
  };
  const first = async (lane: Lane) => {
    failure = await gradeControl(run, lane);
    await work(lane);
  };
  await Promise.all(run.lanes.map((lane, i) => (i === 0 ? first(lane) : work(lane))));
  return failure ?? grades;
}

async function loadRubric(opts: Options, properties: PropertyId[]): Promise<Rubric> {
  if (!opts.rubric) return defaultRubric;
  try {
    return parseRubric(opts.rubric, await readFile(opts.rubric, "utf8"), properties);
  } catch (error) {
    if (error instanceof RubricError) throw error;
    throw new RubricError(`${opts.rubric}: ${String(error)}`);
  }
}

/** The sandbox to use, or why grading must not start. */
async function chooseConfinement(opts: Options, scratch: string) {
  if (opts.unsafeNoSandbox) {
    console.error(
      "grade: WARNING: --unsafe-no-sandbox: no OS sandbox, Node's permission model only (for code you trust)",
    );
    return "none";
  }
  const probe = join(scratch, "probe");
  await mkdir(probe);
  const found = probeConfinement(probe);
  if (found.kind !== undefined) return found.kind;
  throw new Error(
    `no OS sandbox works on this machine (${found.why}): a submission could reach the network and ` +
      `signal your processes. Install bubblewrap (apt-get install bubblewrap) or enable user ` +
      `namespaces; or, for code you trust, give --unsafe-no-sandbox`,
  );
}

/**
 * The job's time limit, for its checking process: every step's wall limit (limits.ts) and the
 * import's, plus the checks' own time, generous for a loaded machine.
 */
function jobTimeoutMs(opts: Options, properties: PropertyId[]): number {
  const steps = new Set(properties.map((p) => p.step)).size;
  return (steps + 1) * stepWallLimitMs(opts.timeoutSeconds * 1000) + 180_000;
}

async function gradeClass(opts: Options, scratch: string): Promise<number> {
  const confinement = await chooseConfinement(opts, scratch);
  // Names as bytes, the class folder resolved once, hidden and linked folders reported.
  const discovery = discoverSubmissions(opts.submissions);
  const names = discovery.submissions.map((submission) => submission.name);
  for (const { name, reason } of discovery.skipped) console.error(`skipped ${name}: ${reason}`);
  const first = new CheckerProcess(scratch);
  const jobs = Math.max(1, Math.min(opts.jobs, names.length));
  const lanes = [new Lane(scratch, first)];
  for (let i = 1; i < jobs; i++) lanes.push(new Lane(scratch));
  try {
    const properties = await first.ready.catch((error: Error) => {
      throw new Error(`${error.message}\n${first.lastError()}`);
    });
    const rubric = await loadRubric(opts, properties);
    const steps = [...new Set(properties.map((p) => p.step))];
    console.error(
      `grading ${names.length} submissions: ${properties.length} properties in steps ${steps.join(", ")}, ` +
        `seed ${opts.seed}, ${opts.jobs} at a time, ${opts.timeoutSeconds} s of CPU per step, ` +
        `${opts.memoryMb} MB, sandbox: ${confinement}`,
    );
    const started = performance.now();
    const timeout = jobTimeoutMs(opts, properties);
    const run: Run = {
      opts,
      scratch,
      confinement,
      properties,
      rubric,
      jobTimeoutMs: timeout,
      lanes,
    };
    const grades = await gradeAll(run, discovery);
    if (typeof grades === "string") {
      console.error(`grade: ${grades}`);
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
    await Promise.all(lanes.map((lane) => lane.close()));
  }
}

/** Runs `npm run grade` with `argv`; the exit status. */
export async function gradeCommand(argv: string[]): Promise<number> {
  if (wantsAutograderZip(argv)) return autograderZipCommand(argv); // Gradescope's zip
  let opts: Options | "help";
  try {
    opts = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof TypeError)) throw error;
    console.error(`grade: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (opts === "help") {
    console.log(usage);
    return 0;
  }
  const scratch = await mkdtemp(join(tmpdir(), "logreg-grade-"));
  const interrupted = (signal: NodeJS.Signals) => {
    CheckerProcess.killAllNow();
    rmSync(scratch, { recursive: true, force: true });
    console.error(`grade: interrupted (${signal}); nothing written`);
    process.exit(128 + osConstants.signals[signal]);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  try {
    return await gradeClass(opts, scratch);
  } catch (error) {
    console.error(`grade: ${(error as Error).message}`);
    return error instanceof RubricError ? 2 : 1;
  } finally {
    process.off("SIGINT", interrupted).off("SIGTERM", interrupted);
    await rm(scratch, { recursive: true, force: true });
  }
}
