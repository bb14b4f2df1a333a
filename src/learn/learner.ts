import { join, relative } from "node:path";
import { createVitest, type TestSpecification, type Vitest } from "vitest/node";
import { stepFingerprints } from "./fingerprint.js";
import { failuresOf, laterStepLine, renderStep, type Failure } from "./report.js";
import { planRun, type RunPlan } from "./schedule.js";
import { stepsOf, type Step } from "./steps.js";
import { stubsByStep } from "./stubs.js";

/**
 * The engine of `npm run learn`: one vitest instance for the `impl` project, kept up between
 * runs, and a run that answers for the step the learner is on first. A step that passed is not
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
 * Where the project is: its src/impl and properties/model are the learner's loop. Run from
 * there: vitest.config.ts resolves src/impl from the working directory.
 */
export interface LearnerOptions {
  root: string;
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

/** "1", "1 and 2", "1, 2 and 4". */
function listOf(items: readonly number[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Starts vitest on the project at `root` and returns the runner of the learner's loop. */
export async function startLearner({ root }: LearnerOptions): Promise<Learner> {
  // The learner's code runs under the watchdog (src/watchdog): a loop is reported, not a hang.
  process.env.LOGREG_WATCHDOG = "1";
  const vitest = await createVitest(
    "test",
    // Worker threads start a test file faster than forked processes (about 0.3 s a file).
    {
      root,
      project: ["impl"],
      watch: false,
      reporters: [{}],
      fileParallelism: false,
      pool: "threads",
    },
    { logLevel: "silent" },
  );
  const modelFolder = join(root, "properties", "model");
  const specifications = (await vitest.globTestSpecifications()).filter(
    (spec) => spec.project.name === "impl",
  );
  const byFile = new Map<string, TestSpecification>(
    specifications.map((spec) => [relative(modelFolder, spec.moduleId), spec]),
  );
  return new Learner(vitest, root, byFile);
}

/** The learner's loop on one vitest instance: runs, what passed, and where the learner is. */
export class Learner {
  private readonly implFolder: string;
  private readonly steps: Step[];
  private readonly numbers: number[];
  /** The fingerprint each step last passed with. */
  private readonly passed = new Map<number, string>();
  /** The step the last run reported unfinished. */
  private previous: number | undefined;

  constructor(
    private readonly vitest: Vitest,
    private readonly root: string,
    private readonly byFile: ReadonlyMap<string, TestSpecification>,
  ) {
    this.implFolder = join(root, "src", "impl");
    this.steps = stepsOf([...byFile.keys()]);
    this.numbers = this.steps.map(({ step }) => step);
  }

  /** Runs the steps a save may have changed and calls `onReport` with each report, the last final. */
  async run(onReport: (report: Report) => void = () => {}): Promise<LearnResult> {
    const started = performance.now();
    const since = () => performance.now() - started;
    const fingerprints = stepFingerprints(this.implFolder, this.numbers);
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
    const failures = await this.failuresOfStep(step);
    if (failures.length === 0) {
      this.passed.set(step, fingerprint);
      return undefined;
    }
    this.passed.delete(step);
    return this.stepReport(step, failures, since());
  }

  private async failuresOfStep(step: number): Promise<Failure[]> {
    const files = this.steps.find((s) => s.step === step)?.files ?? [];
    const specs = files.map((file) => this.byFile.get(file)).filter((s) => s !== undefined);
    const { testModules } = await this.vitest.runTestSpecifications(specs);
    // The result can carry modules of earlier runs too: keep this step's own.
    const ids = new Set(specs.map((spec) => spec.moduleId));
    const own = testModules.filter((module) => ids.has(module.moduleId));
    return failuresOf(own, this.root);
  }

  /** The report of a failing step: its failures, the later steps and "steps done". */
  private stepReport(step: number, failures: Failure[], milliseconds: number): LearnResult {
    const stubs = stubsByStep(this.implFolder);
    const index = this.numbers.indexOf(step);
    const total = this.numbers.length;
    const lines = renderStep(step, failures, stubs.get(step) ?? []);
    const later = this.numbers.slice(index + 1).map((n) => laterStepLine(n, stubs.get(n) ?? []));
    if (later.length > 0) lines.push("", ...later);
    lines.push("", `steps done: ${index} of ${total}`);
    return { text: lines.join("\n"), milliseconds, done: index, total };
  }
}
