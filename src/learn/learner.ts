import { join, relative } from "node:path";
import { createVitest, type TestSpecification, type Vitest } from "vitest/node";
import { stepFingerprints } from "./fingerprint.js";
import {
  failuresOf,
  laterStepLine,
  listOf,
  renderStep,
  type Failure,
  type NotRun,
} from "./report.js";
import { planRun, type RunPlan } from "./schedule.js";
import { stepsOf, type Step } from "./steps.js";
import { isStubMessage } from "./stubs.js";
import { pythonWorkspace, typescriptWorkspace, type Workspace } from "./workspace.js";

/**
 * The engine of `npm run learn`: one vitest instance for the project of the learner's code
 * (workspace.ts: src/impl, or a Python module), kept up between runs, and a run that answers for the step the learner is on first. A step that passed is not
 * run again until a file it depends on changes (fingerprint.ts); the order of a run is
 * schedule.ts's.
 */

/**
 * A text for the learner, and how long after the start of its run it was ready. A run's first
 * report may be replaced by a later one of the same run; its last is its result.
 */
export interface Report {
  text: string;
  milliseconds: number;
}

/** The final report of a run: the first unfinished step, or every step passing. */
export interface LearnResult extends Report {
  /** Steps that pass, before the first unfinished one. */
  done: number;
  total: number;
}

/**
 * Where the project is: its properties/model, against src/impl or `python`, are the learner's
 * loop. Run from there: vitest.config.ts resolves src/impl from the working directory.
 */
export interface LearnerOptions {
  root: string;
  /** The absolute path of a Python module to check instead of src/impl (docs/python.md). */
  python?: string;
}

/**
 * The first report of a run whose first step is not its last, as soon as that step has run: its
 * failures, with a note that the earlier steps whose files changed are being checked again, or
 * that it passes and which step is checked next. A later report of the same run replaces it.
 */
function provisional(plan: RunPlan, first: LearnResult | undefined, milliseconds: number): Report {
  if (first) {
    const which = plan.earlier.length === 1 ? "step" : "steps";
    const again = `checking ${which} ${listOf(plan.earlier)} again (changed since they passed)…`;
    return { text: `${first.text}\n${again}`, milliseconds };
  }
  const next = plan.earlier[0] ?? plan.later[0];
  return {
    text: `step ${plan.current}: every test passes — checking step ${next}…`,
    milliseconds,
  };
}

/** What one run of a step found: its failures, and what it left unrun after the first real one. */
interface StepOutcome {
  failures: Failure[];
  notRun: NotRun | undefined;
}

/** Starts vitest on the project at `root` and returns the runner of the learner's loop. */
export async function startLearner({ root, python }: LearnerOptions): Promise<Learner> {
  const workspace = python ? pythonWorkspace(root, python) : typescriptWorkspace(root);
  // The learner's code runs under the watchdog (src/watchdog): a loop is reported, not a hang.
  process.env.LOGREG_WATCHDOG = "1";
  // vitest.config.ts makes the one project `LOGREG_IMPL` of the module this names.
  if (python) process.env.LOGREG_IMPL = python;
  const vitest = await createVitest(
    "test",
    // Worker threads start a test file faster than forked processes (about 0.3 s a file).
    {
      root,
      project: [workspace.project],
      watch: false,
      reporters: [{}],
      fileParallelism: false,
      pool: "threads",
    },
    { logLevel: "silent" },
  );
  // Each file stops at its first real failure (first-failure-runner.ts): vitest sends a project's
  // resolved config to its workers at every run, and no command-line option names a runner.
  const learners = vitest.projects.find((project) => project.name === workspace.project);
  if (learners) learners.config.runner = join(import.meta.dirname, "first-failure-runner.ts");
  const modelFolder = join(root, "properties", "model");
  const specifications = (await vitest.globTestSpecifications()).filter(
    (spec) => spec.project.name === workspace.project,
  );
  const byFile = new Map<string, TestSpecification>(
    specifications.map((spec) => [relative(modelFolder, spec.moduleId), spec]),
  );
  return new Learner(vitest, root, workspace, byFile);
}

/** The learner's loop on one vitest instance: runs, what passed, and where the learner is. */
export class Learner {
  private readonly steps: Step[];
  private readonly numbers: number[];
  /** The fingerprint each step last passed with. */
  private readonly passed = new Map<number, string>();
  /** The step the last run reported unfinished. */
  private previous: number | undefined;

  constructor(
    private readonly vitest: Vitest,
    private readonly root: string,
    readonly workspace: Workspace,
    private readonly byFile: ReadonlyMap<string, TestSpecification>,
  ) {
    this.steps = stepsOf([...byFile.keys()]);
    this.numbers = this.steps.map(({ step }) => step);
  }

  /** Runs the steps a save may have changed and calls `onReport` with each report, the last final. */
  async run(onReport: (report: Report) => void = () => {}): Promise<LearnResult> {
    const started = performance.now();
    const since = () => performance.now() - started;
    const fingerprints = stepFingerprints(
      this.workspace.folder,
      this.numbers,
      this.workspace.sources(),
    );
    const stale = new Set(this.numbers.filter((n) => this.passed.get(n) !== fingerprints.get(n)));
    const plan = planRun(this.numbers, stale, this.previous);
    const check = (step: number) => this.check(step, fingerprints.get(step) ?? "", since);
    const finish = (result: LearnResult) => {
      this.previous = result.done < this.numbers.length ? this.numbers[result.done] : undefined;
      onReport(result);
      return result;
    };
    if (plan) {
      const first = await check(plan.current);
      if (first && plan.earlier.length === 0) return finish(first);
      if (plan.earlier.length + plan.later.length > 0) onReport(provisional(plan, first, since()));
      for (const step of plan.earlier) {
        const failed = await check(step);
        if (failed) return finish(failed);
      }
      if (first) return finish({ ...first, milliseconds: since() });
      for (const step of plan.later) {
        const failed = await check(step);
        if (failed) return finish(failed);
      }
    }
    const total = this.numbers.length;
    const text = `every step passes.\n\nsteps done: ${total} of ${total}`;
    return finish({ text, milliseconds: since(), done: total, total });
  }

  /** Drops the cached transforms of a changed file, so the next run imports it afresh. */
  invalidate(path: string): void {
    this.vitest.invalidateFile(path);
  }

  close(): Promise<void> {
    return this.vitest.close();
  }

  /** Runs a step and records its pass (with `fingerprint`); its report when it fails. */
  private async check(
    step: number,
    fingerprint: string,
    since: () => number,
  ): Promise<LearnResult | undefined> {
    const outcome = await this.runStep(step);
    if (outcome.failures.length === 0) {
      this.passed.set(step, fingerprint);
      return undefined;
    }
    this.passed.delete(step);
    return this.stepReport(step, outcome, since());
  }

  /**
   * Runs a step's files one at a time, in order, up to the first that fails for a reason other
   * than a stub: that file stops at its first such failure (first-failure-runner.ts), and the
   * step's later files are not run.
   */
  private async runStep(step: number): Promise<StepOutcome> {
    const files = this.steps.find((s) => s.step === step)?.files ?? [];
    const failures: Failure[] = [];
    for (const [index, file] of files.entries()) {
      const spec = this.byFile.get(file);
      if (!spec) continue;
      const { testModules } = await this.vitest.runTestSpecifications([spec]);
      // The result can carry modules of earlier runs too: keep this file's own.
      const own = testModules.filter((module) => module.moduleId === spec.moduleId);
      failures.push(...failuresOf(own, this.root));
      if (failures.some((failure) => !isStubMessage(failure.message))) {
        const notRun = own
          .flatMap((module) => [...module.children.allTests()])
          .filter((test) => {
            const { state } = test.result();
            return state !== "passed" && state !== "failed";
          });
        return { failures, notRun: { tests: notRun.length, files: files.slice(index + 1) } };
      }
    }
    return { failures, notRun: undefined };
  }

  /** The report of a failing step: its failures, the later steps and "steps done". */
  private stepReport(step: number, outcome: StepOutcome, milliseconds: number): LearnResult {
    const stubs = this.workspace.stubs();
    const index = this.numbers.indexOf(step);
    const total = this.numbers.length;
    const lines = renderStep(step, outcome.failures, stubs.get(step) ?? [], outcome.notRun);
    const later = this.numbers.slice(index + 1).map((n) => laterStepLine(n, stubs.get(n) ?? []));
    if (later.length > 0) lines.push("", ...later);
    lines.push("", `steps done: ${index} of ${total}`);
    return { text: lines.join("\n"), milliseconds, done: index, total };
  }
}
