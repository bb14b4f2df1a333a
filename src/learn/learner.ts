import { join, relative } from "node:path";
import { createVitest, type TestSpecification } from "vitest/node";
import { stepFingerprints } from "./fingerprint.js";
import { failuresOf, laterStepLine, renderStep, type Failure } from "./report.js";
import { planRun, type RunPlan } from "./schedule.js";
import { stepsOf } from "./steps.js";
import { stubsByStep } from "./stubs.js";

/**
 * The engine of `npm run learn`: one vitest instance for the `impl` project, kept up between
 * runs, and a run that answers for the step the learner is on first. A step that passed is not
 * run again until a file it depends on changes (fingerprint.ts); the order of a run is
 * schedule.ts's.
 */

/** A text for the learner, and how long after the start of its run it was ready. */
export interface Report {
  text: string;
  milliseconds: number;
  /** False for a report that a later one of the same run may replace. */
  final: boolean;
}

/** The final report of a run: the first unfinished step, or every step passing. */
export interface LearnResult extends Report {
  /** Steps that pass, before the first unfinished one. */
  done: number;
  total: number;
}

/** Where the project is: its src/impl and properties/model are the learner's loop. */
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
    return { text: `${first.text}\n${again}`, milliseconds, final: false };
  }
  const next = plan.earlier[0] ?? plan.later[0];
  return {
    text: `step ${plan.current}: every test passes — checking step ${next}…`,
    milliseconds,
    final: false,
  };
}

/** "1", "1 and 2", "1, 2 and 4". */
function listOf(items: readonly number[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Starts vitest on the project at `root` and returns the runner of the learner's loop. */
export async function startLearner({ root }: LearnerOptions) {
  const implFolder = join(root, "src", "impl");
  const modelFolder = join(root, "properties", "model");
  const vitest = await createVitest(
    "test",
    { root, project: ["impl"], watch: false, reporters: [{}], fileParallelism: false },
    { logLevel: "silent" },
  );
  const specifications = (await vitest.globTestSpecifications()).filter(
    (spec) => spec.project.name === "impl",
  );
  const byFile = new Map<string, TestSpecification>(
    specifications.map((spec) => [relative(modelFolder, spec.moduleId), spec]),
  );
  const steps = stepsOf([...byFile.keys()]);
  const numbers = steps.map(({ step }) => step);
  /** The fingerprint each step last passed with. */
  const passed = new Map<number, string>();
  let previous: number | undefined;

  async function failuresOfStep(step: number): Promise<Failure[]> {
    const files = steps.find((s) => s.step === step)?.files ?? [];
    const specs = files.map((file) => byFile.get(file)).filter((s) => s !== undefined);
    const { testModules } = await vitest.runTestSpecifications(specs);
    // The result can carry modules of earlier runs too: keep this step's own.
    const ids = new Set(specs.map((spec) => spec.moduleId));
    return failuresOf(
      testModules.filter((module) => ids.has(module.moduleId)),
      root,
    );
  }

  /** The report of a failing step: its failures, the later steps and "steps done". */
  function stepReport(step: number, failures: Failure[], milliseconds: number): LearnResult {
    const stubs = stubsByStep(implFolder);
    const index = numbers.indexOf(step);
    const lines = renderStep(step, failures, stubs.get(step) ?? []);
    const later = numbers.slice(index + 1).map((n) => laterStepLine(n, stubs.get(n) ?? []));
    if (later.length > 0) lines.push("", ...later);
    lines.push("", `steps done: ${index} of ${numbers.length}`);
    const text = lines.join("\n");
    return { text, milliseconds, final: true, done: index, total: numbers.length };
  }

  /** Runs the steps a save may have changed and calls `onReport` with each report, the last final. */
  async function run(onReport: (report: Report) => void = () => {}): Promise<LearnResult> {
    const started = performance.now();
    const fingerprints = stepFingerprints(implFolder, numbers);
    const stale = new Set(numbers.filter((n) => passed.get(n) !== fingerprints.get(n)));
    const plan = planRun(numbers, stale, previous);

    /** Runs a step and records its pass; its report when it fails. */
    async function check(step: number): Promise<LearnResult | undefined> {
      const failures = await failuresOfStep(step);
      if (failures.length > 0) passed.delete(step);
      else passed.set(step, fingerprints.get(step) ?? "");
      if (failures.length === 0) return undefined;
      return stepReport(step, failures, performance.now() - started);
    }
    const finish = (result: LearnResult) => {
      previous = result.done < numbers.length ? numbers[result.done] : undefined;
      onReport(result);
      return result;
    };

    if (plan) {
      const first = await check(plan.current);
      if (first && plan.earlier.length === 0) return finish(first);
      const others = plan.earlier.length + plan.later.length;
      if (others > 0) onReport(provisional(plan, first, performance.now() - started));
      for (const step of plan.earlier) {
        const failed = await check(step);
        if (failed) return finish(failed);
      }
      if (first) return finish({ ...first, milliseconds: performance.now() - started });
      for (const step of plan.later) {
        const failed = await check(step);
        if (failed) return finish(failed);
      }
    }
    const total = numbers.length;
    const text = `every step passes.\n\nsteps done: ${total} of ${total}`;
    const milliseconds = performance.now() - started;
    return finish({ text, milliseconds, final: true, done: total, total });
  }

  /** Drops the cached transforms of a changed file, so the next run imports it afresh. */
  function invalidate(path: string) {
    vitest.invalidateFile(path);
  }

  return { run, invalidate, close: () => vitest.close() };
}
