/**
 * npm run learn — the learner's loop, rustlings-style: runs the model properties
 * (properties/model) against src/impl one article step at a time, in order, and stops at the
 * first step that fails. It prints that step's failures only — each function still a stub as one
 * line — then one line per later step, and a progress line "steps done: k of N". It then watches
 * src/impl and runs again after every save (`--run`: once, exit status 0 when every step passes).
 *
 * The steps are the numeric prefixes of the property files' names (1-model, 2-cost,
 * 3b-metamorphic → steps 1, 2, 3), so a new step's property file joins the loop by its name.
 * One vitest instance stays up between runs (its programmatic API, vitest/node): a save
 * invalidates the changed files and reruns, without vitest's start-up cost.
 */
import { readFileSync, readdirSync, watch } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createVitest, type TestModule, type TestSpecification } from "vitest/node";

const root = resolve(import.meta.dirname, "..");
const modelDirectory = join(root, "properties", "model");
const implDirectory = join(root, "src", "impl");

const usage = `Usage: npm run learn [-- --run]

Runs the model properties against src/impl one article step at a time and stops at the first
step that fails: its failures, one line per function not written yet, one line per later step,
and "steps done: k of N". Then watches src/impl and runs again after every save.

  --run        run once and exit (status 0 when every step passes, 1 otherwise)
  -h, --help   print this help`;

/** The article step of a property file, from its name's numeric prefix ("3b-metamorphic" → 3). */
export function stepOfFile(file: string): number | undefined {
  const match = /^(\d+)[a-z]*-[^/\\]*\.test\.ts$/.exec(file);
  return match ? Number(match[1]) : undefined;
}

/** The steps that have property files, in order, each with its files (in step order). */
export function stepsOf(files: readonly string[]): { step: number; files: string[] }[] {
  const steps = new Map<number, string[]>();
  for (const file of [...files].sort((a, b) => a.localeCompare(b, "en", { numeric: true }))) {
    const step = stepOfFile(file);
    if (step === undefined) continue;
    steps.set(step, [...(steps.get(step) ?? []), file]);
  }
  return [...steps.entries()].sort(([a], [b]) => a - b).map(([step, f]) => ({ step, files: f }));
}

/**
 * The functions of src/impl that are still stubs, by step: read from the stubs' own message,
 * `throw new Error("not implemented yet: computeCost (article step 2)")`, in the source.
 */
function stubsByStep(): Map<number, string[]> {
  const stubs = new Map<number, string[]>();
  for (const file of readdirSync(implDirectory).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(join(implDirectory, file), "utf8");
    for (const [, name, step] of text.matchAll(
      /not implemented yet: ([\w$]+) \(article step (\d+)\)/g,
    )) {
      stubs.set(Number(step), [...(stubs.get(Number(step)) ?? []), name]);
    }
  }
  return stubs;
}

interface Failure {
  test: string;
  message: string;
}

/** The failures of a step's test modules: one per failing test, or per file that failed to load. */
function failuresOf(modules: readonly TestModule[]): Failure[] {
  const failures: Failure[] = [];
  for (const module of modules) {
    const file = relative(root, module.moduleId);
    for (const error of module.errors()) {
      failures.push({ test: `${file} (the file failed to load)`, message: error.message });
    }
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state !== "failed") continue;
      const message = result.errors?.map((error) => error.message).join("\n") ?? "failed";
      failures.push({ test: `${file} > ${test.name}`, message });
    }
  }
  return failures;
}

const NOT_IMPLEMENTED = /^not implemented yet: ([\w$]+) \(article step (\d+)\)/;

/** The report of the first unfinished step: real failures in full, each stub as one line. */
function renderStep(step: number, failures: Failure[]): string[] {
  const stubs = new Map<string, number>();
  const real: Failure[] = [];
  for (const failure of failures) {
    const stub = NOT_IMPLEMENTED.exec(failure.message);
    if (stub) stubs.set(`${stub[1]} (article step ${stub[2]})`, (stubs.get(stub[0]) ?? 0) + 1);
    else real.push(failure);
  }
  const lines = [
    `step ${step}: ${failures.length} failing test${failures.length === 1 ? "" : "s"}`,
  ];
  for (const failure of real) {
    lines.push("", `✗ ${failure.test}`, failure.message.replace(/\n\s+at .*$/gs, ""));
  }
  if (stubs.size > 0) lines.push("");
  for (const name of stubs.keys()) {
    lines.push(
      `not implemented yet: ${name} — write it in src/impl (its doc comment has the formula)`,
    );
  }
  return lines;
}

function laterStepLine(step: number, stubs: Map<number, string[]>): string {
  const missing = stubs.get(step) ?? [];
  if (missing.length === 0) return `step ${step}: not checked yet`;
  const count = missing.length === 1 ? "1 function" : `${missing.length} functions`;
  return `step ${step}: ${count} not written yet (${missing.join(", ")})`;
}

export interface LearnResult {
  done: number;
  total: number;
  /** Milliseconds from the start of the run to the report of its first unfinished step. */
  milliseconds: number;
  text: string;
}

/** One vitest instance for the impl project, and a function that runs the steps in order. */
export async function startLearner() {
  const vitest = await createVitest(
    "test",
    { project: ["impl"], watch: false, reporters: [{}], fileParallelism: false },
    { logLevel: "silent" },
  );
  const specifications = (await vitest.globTestSpecifications()).filter(
    (spec) => spec.project.name === "impl",
  );
  const byFile = new Map<string, TestSpecification>(
    specifications.map((spec) => [relative(modelDirectory, spec.moduleId), spec]),
  );
  const steps = stepsOf([...byFile.keys()]);

  async function runSteps(): Promise<LearnResult> {
    const started = performance.now();
    const stubs = stubsByStep();
    for (const [index, { step, files }] of steps.entries()) {
      const specs = files.map((file) => byFile.get(file)).filter((s) => s !== undefined);
      const { testModules } = await vitest.runTestSpecifications(specs);
      // The result can carry modules of earlier runs too: keep this step's own.
      const ids = new Set(specs.map((spec) => spec.moduleId));
      const failures = failuresOf(testModules.filter((module) => ids.has(module.moduleId)));
      if (failures.length === 0) continue;
      const lines = renderStep(step, failures);
      const later = steps.slice(index + 1).map((s) => laterStepLine(s.step, stubs));
      if (later.length > 0) lines.push("", ...later);
      lines.push("", `steps done: ${index} of ${steps.length}`);
      return {
        done: index,
        total: steps.length,
        milliseconds: performance.now() - started,
        text: lines.join("\n"),
      };
    }
    return {
      done: steps.length,
      total: steps.length,
      milliseconds: performance.now() - started,
      text: `every step passes.\n\nsteps done: ${steps.length} of ${steps.length}`,
    };
  }

  /** Drops the cached transforms of a changed file, so the next run imports it afresh. */
  function invalidate(path: string) {
    vitest.invalidateFile(path);
  }

  return { runSteps, invalidate, close: () => vitest.close() };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        run: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`learn: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  const learner = await startLearner();
  const report = async () => {
    const result = await learner.runSteps();
    console.log(`${result.text}  (${(result.milliseconds / 1000).toFixed(1)} s)`);
    return result;
  };
  if (args.values.run) {
    const result = await report();
    await learner.close();
    return result.done === result.total ? 0 : 1;
  }
  let running: Promise<unknown> = report();
  await running;
  console.log("\nwatching src/impl: save a file to check again (Ctrl-C to stop)");
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  watch(implDirectory, { recursive: true }, (_event, file) => {
    if (file) changed.add(join(implDirectory, file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        for (const path of changed) learner.invalidate(path);
        changed.clear();
        console.clear();
        await report();
        console.log("\nwatching src/impl: save a file to check again (Ctrl-C to stop)");
      });
    }, 50);
  });
  return new Promise(() => {}); // watch until interrupted
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
