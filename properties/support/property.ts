import { dirname, relative } from "node:path";
import fc from "fast-check";
import { expect, vi } from "vitest";
import { formatCounterexample } from "./format.js";
import { PropertyViolation } from "./expectations.js";

/**
 * The teaching wrapper around fast-check: every model property runs through {@link checkProperty}
 * (and every worked example through {@link checkExample}), so every failure reads the same way:
 *
 *     property failed: <the test's name, a sentence>
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
 * A function that throws "not implemented yet: …" (a stub from `npm run exercise -- start`) is
 * reported as exactly that, at once, without shrinking.
 *
 * Environment (read at each run):
 * - PROPERTY_RUNS=<n>  runs every property n times instead of its default (100 or fewer);
 * - PROPERTY_SEED=<s>, PROPERTY_PATH=<p>  replay a reported failure (use with the printed -t filter).
 *
 * Works in any vitest project; in the model projects the replay command names the implementation.
 */

export interface PropertySpec<T> {
  /** The article step the property is about, e.g. "step 2 — the cost". */
  step: string;
  /** One line pointing at the likely mistake, never at the answer. */
  hint: string;
  /** The inputs: a record, so that the counterexample prints field by field. */
  inputs: fc.Arbitrary<T>;
  /** Checks one input with the assertions of `expectations.ts`; `fc.pre` skips an input. */
  check: (input: T) => void;
  /** Default number of runs (100); PROPERTY_RUNS overrides it. */
  runs?: number;
}

export interface ExampleSpec<T> {
  step: string;
  hint: string;
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
  const report = [
    error.message,
    field("needed by", name),
    field("next", `write that function in ${folder} (its doc comment has the formula), then rerun`),
  ].join("\n");
  return withTestFrames(new Error(report));
}

function failureReport(
  name: string,
  spec: { step: string; hint: string },
  error: unknown,
  input: unknown,
  inputLabel: string,
  replay: string,
): Error {
  const lines = [`property failed: ${name}`, field("article step", spec.step)];
  if (error instanceof PropertyViolation) {
    const { checked, expected, actual, tolerance, hint } = error.detail;
    lines.push(field("checked", checked), field("expected", expected), field("actual", actual));
    if (tolerance) lines.push(field("tolerance", tolerance));
    lines.push(field("hint", hint ?? spec.hint));
  } else {
    const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    lines.push(field("threw", thrown), field("hint", spec.hint));
  }
  lines.push(`  ${inputLabel}:`, formatCounterexample(input), field("replay", replay));
  const report = new Error(
    lines.join("\n"),
    error instanceof PropertyViolation ? {} : { cause: error },
  );
  return withTestFrames(report);
}

/** Runs a property through fast-check and, if it fails, throws the teaching report. */
export function checkProperty<T>(spec: PropertySpec<T>): void {
  const { name, file } = currentTest();
  let stub: Error | undefined;
  const details = fc.check(
    fc.property(spec.inputs, (input) => {
      // Once a stub has thrown, every input fails the same way: accept the rest so that
      // fast-check stops shrinking at once and the stub's own message is the headline.
      if (stub) return true;
      try {
        spec.check(input);
        return true;
      } catch (error) {
        if (isNotImplemented(error)) stub = error;
        throw error;
      }
    }),
    {
      ...runSettings(spec.runs ?? DEFAULT_RUNS),
      // A precondition may skip at most as many inputs as are run, so it cannot hollow a property out.
      maxSkipsPerRun: 1,
    },
  );
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
  try {
    spec.check(spec.input);
  } catch (error) {
    if (isNotImplemented(error)) throw notImplementedReport(error, name);
    throw failureReport(name, spec, error, spec.input, "example", vitestCommand(file, name));
  }
}
