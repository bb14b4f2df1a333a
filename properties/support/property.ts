import { dirname, relative } from "node:path";
import fc from "fast-check";
import { expect, vi } from "vitest";
import { formatCounterexample } from "./format.js";
import { deepCopy } from "./deep-copy.js";
import { PropertyViolation } from "./expectations.js";
import { inputReplay } from "./input-replay.js";
import { describeBlame, functionInStack, functionsNamedIn } from "./blame.js";
import { isPythonModule, pythonCounterexample, withPythonNames } from "../../src/python/report.js";

/** A Python module under test: its failures name Python functions and print Python literals. */
const python = isPythonModule(process.env.LOGREG_MODULE);

/**
 * The teaching wrapper around fast-check: every model property runs through {@link checkProperty}
 * (and every worked example through {@link checkExample}), so every failure reads the same way:
 *
 *     property failed: <the test's name, a sentence>
 *       blames         computeGradients (article step 3)
 *       article step   step 3 — …
 *       checked        computeGradientsVectorized(X, y, w, b).dw[0]
 *       expected       -0.25
 *       actual         -0.5 (off by 0.25)
 *       tolerance      |actual − expected| ≤ 7.2e-16 (its reason)
 *       hint           one line pointing at the likely mistake
 *       counterexample (seed …, shrunk … times):
 *         X = (2 × 1)        (a matrix as rows of numbers)
 *             [ 0]
 *             [-1]
 *         y = [0, 0] …
 *       replay         PROPERTY_SEED=… PROPERTY_PATH="…" npx vitest run --project impl <file> -t '<name>'
 *
 * The blame line names the function at fault (support/blame.ts): the one the failed assertion
 * blames, else the first function of the article named in what it checked, else the one whose
 * stack frame threw, else the property's `blames`. The counterexample is printed as it was
 * generated: each check gets a deep copy of its input, so a function that mutates its
 * arguments cannot change what the report shows.
 *
 * A function that throws "not implemented yet: …" (a stub from `npm run exercise -- start`) is
 * reported as exactly that, at once, without shrinking, as one line that starts
 * "not implemented yet:".
 *
 * Environment (read at each run):
 * - PROPERTY_RUNS=<n>  runs every property n times instead of its default (100 or fewer);
 * - PROPERTY_SEED=<s>, PROPERTY_PATH=<p>  replay a reported failure (use with the printed -t filter).
 *
 * Works in any vitest project; in the model projects the replay command names the implementation.
 */

/** What every property and worked example states about itself besides its check. */
interface SpecCommon {
  /** The article step the property is about, e.g. "step 2 — the cost". */
  step: string;
  /** One line pointing at the likely mistake, never at the answer. */
  hint: string;
  /**
   * The function blamed when the failure itself names none (see support/blame.ts): required, so
   * that every failure prints a `blames` line.
   */
  blames: string;
  /**
   * The clauses of src/contract.ts this test exercises, as `<function>.<clause-id>` (the
   * `@clause` tags there). A plain array of string literals: scripts/clauses.ts reads it
   * statically to write docs/contract-clauses.md.
   */
  clauses?: readonly string[];
}

export interface PropertySpec<T> extends SpecCommon {
  /** The inputs: a record, so that the counterexample prints field by field. */
  inputs: fc.Arbitrary<T>;
  /** Checks one input with the assertions of `expectations.ts`; `fc.pre` skips an input. */
  check: (input: T) => void;
  /** Default number of runs (100); PROPERTY_RUNS overrides it. */
  runs?: number;
}

export interface ExampleSpec<T> extends SpecCommon {
  /** The worked example's inputs, printed when it fails. */
  input: T;
  check: (input: T) => void;
}

const DEFAULT_RUNS = 100;

// Thousands of runs take longer than vitest's 5 s per test: PROPERTY_RUNS lifts that timeout.
if (process.env.PROPERTY_RUNS) vi.setConfig({ testTimeout: 0 });

function integerFromEnv(name: string, minimum: number): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum) {
    const what = minimum > 0 ? "a positive integer" : "an integer";
    throw new Error(`${name} must be ${what}, got "${text}"`);
  }
  return value;
}

/** fast-check's run settings, read from the environment at each run (see the module comment). */
function runSettings(defaultRuns: number) {
  return {
    numRuns: integerFromEnv("PROPERTY_RUNS", 1) ?? defaultRuns,
    seed: integerFromEnv("PROPERTY_SEED", Number.MIN_SAFE_INTEGER),
    path: process.env.PROPERTY_PATH || undefined,
  };
}

/** True for the error a stub throws: `new Error("not implemented yet: computeCost (article step 2)")`. */
function isNotImplemented(error: unknown): error is Error {
  return error instanceof Error && error.message.startsWith("not implemented yet");
}

function currentTest() {
  const { currentTestName, testPath } = expect.getState();
  return {
    name: currentTestName ?? "(unnamed property)",
    file: testPath ? relative(process.cwd(), testPath) : "properties/model",
  };
}

/** A path relative to the project when it is inside it, absolute otherwise. */
function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith("..") ? path : inside;
}

/**
 * The vitest command that runs only this test against the same implementation: the module the
 * model projects pass in LOGREG_MODULE (see vitest.config.ts), or none outside them.
 */
function vitestCommand(file: string, name: string): string {
  const module = process.env.LOGREG_MODULE;
  let command = "npx vitest run";
  if (module && displayPath(module) === "src/reference/index.ts") command += " --project reference";
  else if (module && displayPath(module) === "src/impl/index.ts") command += " --project impl";
  else if (module) command = `LOGREG_IMPL=${module} ${command}`;
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, ".");
  return `${command} ${file} -t '${pattern}'`;
}

/** Keeps only the stack frames in test files, so the failure points at the property. */
function withTestFrames(error: Error): Error {
  const frames = (error.stack ?? "").split("\n").filter((line) => line.includes(".test.ts"));
  error.stack = [`${error.name}: ${error.message}`, ...frames].join("\n");
  return error;
}

function field(label: string, text: string): string {
  const pad = " ".repeat(17);
  return `  ${label.padEnd(15)}${text.split("\n").join(`\n${pad}`)}`;
}

function notImplementedReport(error: Error, name: string): Error {
  const module = process.env.LOGREG_MODULE;
  const folder = module ? `${displayPath(dirname(module))}/` : "the implementation";
  const blamed = describeBlame(functionsNamedIn(error.message).slice(0, 1));
  const report = [
    error.message,
    ...(blamed ? [field("blames", blamed)] : []),
    field("needed by", name),
    field("next", `write that function in ${folder} (its doc comment has the formula), then rerun`),
  ].join("\n");
  return withTestFrames(new Error(report));
}

/**
 * The function(s) a failure blames: the violation's own blame, else the first function of the
 * article named in what it checked, else the function whose frame threw, else the spec's.
 */
function blameOf(error: unknown, spec: { blames: string }): string[] {
  if (error instanceof PropertyViolation) {
    if (error.detail.blame) return error.detail.blame;
    const named = functionsNamedIn(error.detail.checked);
    if (named.length > 0) return named.slice(0, 1);
  } else if (error instanceof Error) {
    const thrower = functionInStack(error.stack);
    if (thrower) return [thrower];
  }
  return [spec.blames];
}

function failureReport(
  name: string,
  spec: SpecCommon,
  error: unknown,
  input: unknown,
  inputLabel: string,
  replay: string,
): Error {
  const blamed = describeBlame(blameOf(error, spec));
  const lines = [`property failed: ${name}`];
  if (blamed) lines.push(field("blames", blamed));
  lines.push(field("article step", spec.step));
  if (error instanceof PropertyViolation) {
    const { checked, expected, actual, tolerance, hint } = error.detail;
    lines.push(field("checked", checked), field("expected", expected), field("actual", actual));
    if (tolerance) lines.push(field("tolerance", tolerance));
    lines.push(field("hint", hint ?? spec.hint));
  } else {
    const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    lines.push(field("threw", thrown), field("hint", spec.hint));
  }
  const head = lines.join("\n");
  const shown = python ? pythonCounterexample(input) : formatCounterexample(input);
  const tail = [`  ${inputLabel}:`, shown, field("replay", replay)].join("\n");
  const report = new Error(
    `${python ? withPythonNames(head) : head}\n${tail}`,
    error instanceof PropertyViolation ? {} : { cause: error },
  );
  return withTestFrames(report);
}

/** Runs a property through fast-check and, if it fails, throws the teaching report. */
export function checkProperty<T>(spec: PropertySpec<T>): void {
  const { name, file } = currentTest();
  const settings = {
    ...runSettings(spec.runs ?? DEFAULT_RUNS),
    // A precondition may skip at most as many inputs as are run, so it cannot hollow a property out.
    maxSkipsPerRun: 1,
  };
  // The grader checks the inputs of the last passing run again, without generating them.
  const inputs = inputReplay<T>(`${file}\0${name}`, settings);
  if (inputs?.passes((input) => spec.check(deepCopy(input)))) return;
  let stub: Error | undefined;
  const predicate = (input: T) => {
    // Once a stub has thrown, every input fails the same way: accept the rest.
    if (stub) return true;
    try {
      spec.check(deepCopy(input));
      return true;
    } catch (error) {
      if (isNotImplemented(error)) stub = error;
      throw error;
    }
  };
  const property = fc.property(spec.inputs, inputs?.recording(predicate) ?? predicate);
  // A first pass stops at the first failure, so a stub is reported at once; a real failure is
  // then found again from the same seed and shrunk (fast-check's runs are seeded, so repeatable).
  let details = fc.check(property, { ...settings, endOnFailure: true });
  if (!details.failed) inputs?.keep();
  if (details.failed && !stub && details.counterexample !== null) {
    const shrunk = fc.check(property, { ...settings, seed: details.seed });
    if (shrunk.failed) details = shrunk;
  }
  if (!details.failed) return;
  if (stub) throw notImplementedReport(stub, name);
  if (details.counterexample === null) {
    throw new Error(
      `property could not run: ${name}\n  ${String(details.errorInstance ?? "too many inputs skipped by fc.pre")}`,
    );
  }
  const replay = `PROPERTY_SEED=${details.seed} PROPERTY_PATH="${details.counterexamplePath}" ${vitestCommand(file, name)}`;
  const label = `counterexample (seed ${details.seed}, shrunk ${details.numShrinks} times)`;
  throw failureReport(name, spec, details.errorInstance, details.counterexample[0], label, replay);
}

/** Runs a worked example (a known-value test) and, if it fails, throws the teaching report. */
export function checkExample<T>(spec: ExampleSpec<T>): void {
  const { name, file } = currentTest();
  const asPassed = deepCopy(spec.input);
  try {
    spec.check(spec.input);
  } catch (error) {
    if (isNotImplemented(error)) throw notImplementedReport(error, name);
    throw failureReport(name, spec, error, asPassed, "example", vitestCommand(file, name));
  }
}
