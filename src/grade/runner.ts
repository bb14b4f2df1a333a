/**
 * The grade runner: a long-lived checking process, started by the grader (scripts/grade.ts)
 * with tsx, `--jobs` of them at a time. It loads the property files of properties/model once per
 * set of exported functions (hooks.mjs gives each set fresh instances of everything under
 * properties/, and "vitest" is vitest-shim.ts) with LOGREG_MODULE pointing at a proxy module whose
 * functions call the current submission in its sandbox (bridge.ts), and re-runs the registered
 * tests for each submission. The properties, the oracle and the checks run here; the submission
 * runs only in its sandbox.
 *
 * It learns the property list by loading the files once against src/reference (registering the
 * tests, not running them), so that a submission whose file fails to load still has every
 * property scored, as failed.
 *
 * Protocol (IPC with the grader): the runner sends {kind: "ready", properties} or
 * {kind: "fatal", message}; then for each {kind: "job", job} it sends {kind: "done", id, result}.
 */
import { readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { register } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { stepOrder } from "../suite/step-order.js";
import { Sandbox } from "./bridge.js";
import { readExportNotes } from "./exports.js";
import type { Job, PropertyId, PropertyOutcome, SubmissionOutcome } from "./types.js";
import { beginFile, collected, setCurrentTest, type RegisteredTest } from "./vitest-shim.js";

register(new URL("./hooks.mjs", import.meta.url));

const root = resolve(import.meta.dirname, "../..");
const modelDirectory = join(root, "properties/model");
const BRIDGE = "__logregGradeBridge__";
/** A failure message longer than this is cut (a submission can make an actual value huge). */
const MAX_MESSAGE = 6000;

interface PropertyFile {
  path: string;
  step: number;
  tests: string[];
}

/** The model property files in the article's step order; each one's step is its leading number. */
function propertyFiles(): { path: string; step: number }[] {
  return readdirSync(modelDirectory)
    .filter((file) => file.endsWith(".test.ts"))
    .sort(stepOrder)
    .map((file) => ({ path: join(modelDirectory, file), step: Number.parseInt(file, 10) }))
    .filter((file) => Number.isInteger(file.step));
}

async function loadFile(path: string, tag: string) {
  beginFile(path);
  await import(`${pathToFileURL(path).href}?grade=${tag}`);
  return collected();
}

/** Registers every property file's tests against the reference, without running them. */
async function collect(): Promise<PropertyFile[]> {
  process.env.LOGREG_MODULE = join(root, "src/reference/index.ts");
  const files: PropertyFile[] = [];
  for (const file of propertyFiles()) {
    const tests = await loadFile(file.path, "collect");
    files.push({ ...file, tests: tests.filter((t) => !t.skipped).map((t) => t.name) });
  }
  return files;
}

function relativeFile(path: string): string {
  return `properties/model/${basename(path)}`;
}

function cut(message: string): string {
  return message.length <= MAX_MESSAGE
    ? message
    : `${message.slice(0, MAX_MESSAGE)}\n  … (${message.length - MAX_MESSAGE} more characters)`;
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && name !== "default";
}

/** The sandbox the proxies' functions call: the current submission's, while it is graded. */
let activeSandbox: Sandbox | undefined;

(globalThis as Record<string, unknown>)[BRIDGE] = (name: string) =>
  function (...args: unknown[]) {
    if (!activeSandbox) throw new Error("the grader has no submission to call");
    return activeSandbox.call(name, args);
  };

/** The property files as loaded against one set of exported functions: tests, or the load error. */
interface Suite {
  proxy: string;
  tag: string;
  files: Map<string, RegisteredTest[] | Error>;
}

const suites = new Map<string, Suite>();

/**
 * The suite for submissions exporting the functions `names`: its proxy module (exporting exactly
 * those, so that a property file that requires a missing function fails to load as it would in
 * vitest) and the property files loaded against it, once (hooks.mjs gives each tag its own
 * instances of everything under properties/). Loading the files is a good part of the cost of a
 * submission; copies of one solution share one suite.
 */
async function suiteFor(names: string[], scratch: string): Promise<Suite> {
  const key = [...names].sort().join(",");
  let suite = suites.get(key);
  if (!suite) {
    const tag = `s${suites.size}`;
    const proxy = join(scratch, "checks", `proxy-${tag}.mjs`);
    const lines = names.map(
      (name) => `export const ${name} = globalThis.${BRIDGE}(${JSON.stringify(name)});`,
    );
    await writeFile(proxy, `${lines.join("\n")}\n`);
    suite = { proxy, tag, files: new Map() };
    suites.set(key, suite);
  }
  return suite;
}

/** Grades one submission: every property of every file, in step order. */
async function grade(job: Job, files: PropertyFile[], scratch: string): Promise<SubmissionOutcome> {
  const started = performance.now();
  const notes: string[] = [...job.notes];
  const outcomes: PropertyOutcome[] = [];
  const id = (file: PropertyFile, name: string): PropertyId => ({
    file: relativeFile(file.path),
    step: file.step,
    name,
  });
  const failAll = (fromFile: number, message: string) => {
    for (const file of files.slice(fromFile)) {
      for (const name of file.tests) outcomes.push({ ...id(file, name), passed: false, message });
    }
  };

  if (job.bundle === undefined) {
    failAll(0, `your code was not run: ${job.notes[0] ?? "it could not be prepared"}`);
    return { notes, properties: outcomes, calls: 0, seconds: 0 };
  }

  await mkdir(join(scratch, "checks"), { recursive: true });
  const options = {
    bundle: job.bundle,
    folder: dirname(job.bundle),
    host: join(dirname(job.bundle), "sandbox.mjs"),
    pipes: join(scratch, "checks"),
    memoryMb: job.memoryMb,
    maxFrameBytes: 16 * 2 ** 20,
  };
  let sandbox = new Sandbox(options, job.stepLimitMs);
  if (sandbox.stopped) {
    const reason = sandbox.stopped.reason.startsWith("threw at import")
      ? sandbox.stopped.reason
      : `at import: ${sandbox.stopped.reason}`;
    notes.push(reason);
    failAll(0, `your code was not run: it ${reason}`);
    return { notes, properties: outcomes, calls: 0, seconds: (performance.now() - started) / 1000 };
  }

  // The proxy module: one forwarding function per function the submission exports, to whichever
  // sandbox is active. The property files are loaded once per set of exports (suite()), and
  // their registered tests re-run for every submission with the same set.
  activeSandbox = sandbox;
  notes.push(...readExportNotes((name) => sandbox.call(name, [])));
  const exported = sandbox.exports
    .filter(([name, type]) => type === "function" && isIdentifier(name))
    .map(([name]) => name);
  const suite = await suiteFor(exported, scratch);
  const proxy = suite.proxy;
  process.env.LOGREG_MODULE = proxy;
  process.env.PROPERTY_SEED = String(job.seed);
  const display = (message: string) =>
    cut(
      message
        .replaceAll(proxy, job.displayPath)
        .replaceAll(dirname(proxy), dirname(job.displayPath)),
    );

  let calls = 0;
  let currentStep: number | undefined;
  try {
    for (const file of files) {
      if (file.step !== currentStep) {
        currentStep = file.step;
        if (sandbox.stopped) {
          // It timed out or ended itself (process.exit, out of memory …) in the last step: a
          // fresh one for this step, which loses only the marks of what broke.
          calls += sandbox.calls;
          sandbox = new Sandbox(options, job.stepLimitMs);
          activeSandbox = sandbox;
        }
        sandbox.beginStep(job.stepLimitMs);
      }
      let loaded = suite.files.get(file.path);
      if (loaded === undefined) {
        try {
          loaded = await loadFile(file.path, suite.tag);
        } catch (error) {
          loaded = error instanceof Error ? error : new Error(String(error));
        }
        suite.files.set(file.path, loaded);
      }
      const registered = loaded instanceof Error ? undefined : loaded;
      if (loaded instanceof Error) {
        const why = loaded.message;
        // One line: "step 5: does not export ageGroup (article step 5), …" (requireFunctions).
        const note = `step ${file.step}: ${display(why).replace(`${job.displayPath} does not export`, "does not export").split("\n")[0]}`;
        if (!notes.includes(note)) notes.push(note);
        for (const name of file.tests) {
          outcomes.push({
            ...id(file, name),
            passed: false,
            message: display(`the property file failed to load: ${why}`),
          });
        }
        continue;
      }
      for (const name of file.tests) {
        const test = registered!.find((t) => t.name === name);
        if (sandbox.stopped?.timedOut) {
          const message = `not run: your code ${sandbox.stopped.reason} (the limit per step)`;
          outcomes.push({ ...id(file, name), passed: false, message });
          continue;
        }
        if (!test) {
          outcomes.push({ ...id(file, name), passed: false, message: "not registered" });
          continue;
        }
        const stoppedBefore = sandbox.stopped;
        setCurrentTest(name, file.path);
        try {
          await test.fn();
          outcomes.push({ ...id(file, name), passed: true });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          outcomes.push({ ...id(file, name), passed: false, message: display(message) });
        } finally {
          setCurrentTest(undefined);
        }
        if (sandbox.stopped && !stoppedBefore) {
          notes.push(`step ${file.step}: ${sandbox.stopped.reason}`);
        }
      }
    }
  } finally {
    calls += sandbox.calls;
    sandbox.stop();
    activeSandbox = undefined;
  }
  return { notes, properties: outcomes, calls, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const scratch = process.env.LOGREG_GRADE_SCRATCH;
  if (!scratch || !process.send) throw new Error("runner.ts is started by scripts/grade.ts");
  let files: PropertyFile[];
  try {
    files = await collect();
  } catch (error) {
    process.send({ kind: "fatal", message: `the property files do not load: ${String(error)}` });
    return;
  }
  process.send({
    kind: "ready",
    properties: files.flatMap((file) =>
      file.tests.map((name) => ({ file: relativeFile(file.path), step: file.step, name })),
    ),
  });
  // One job at a time: the next message waits in the queue while a submission is graded.
  const queue: Job[] = [];
  let busy = false;
  process.on("message", async (message: { kind: string; job: Job }) => {
    if (message.kind !== "job") return;
    queue.push(message.job);
    if (busy) return;
    busy = true;
    while (queue.length > 0) {
      const job = queue.shift()!;
      const result = await grade(job, files, scratch);
      process.send!({ kind: "done", id: job.id, result });
    }
    busy = false;
  });
  process.on("disconnect", () => process.exit(0));
}

await main();
