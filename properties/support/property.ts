import { dirname, relative } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { formatCounterexample } from "./format.js";
import { PropertyViolation } from "./expectations.js";
import { implementationPath } from "./implementation.js";

/**
 * The teaching wrapper around fast-check: every model property runs through {@link checkProperty}
 * (and every worked example through {@link checkExample}), so every failure reads the same way:
 *
 *     property failed: <the test's name, a sentence>
 *       article step   …          expected   …          hint       …
 *       checked        …          actual     …          tolerance  …
 *       counterexample (shrunk): X, y, w, b as rows of numbers
 *       replay         PROPERTY_SEED=… PROPERTY_PATH=… npx vitest run …
 *
 * A function that throws "not implemented yet: …" (a stub from `npm run exercise -- start`) is
 * reported as exactly that, at once, without shrinking.
 *
 * Environment:
 * - PROPERTY_RUNS=<n>  runs every property n times instead of its default (100 or fewer);
 * - PROPERTY_SEED=<s>, PROPERTY_PATH=<p>  replay a reported failure (use with the printed -t filter).
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

function positiveIntegerFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${text}"`);
  }
  return value;
}

function integerFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got "${text}"`);
  return value;
}

const runsOverride = positiveIntegerFromEnv("PROPERTY_RUNS");
const replaySeed = integerFromEnv("PROPERTY_SEED");
const replayPath = process.env.PROPERTY_PATH || undefined;

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

/** The vitest command that runs only this test against the same implementation. */
function vitestCommand(file: string, name: string): string {
  const relativeModule = displayPath(implementationPath);
  const project =
    relativeModule === "src/reference/index.ts"
      ? "npx vitest run --project reference"
      : relativeModule === "src/impl/index.ts"
        ? "npx vitest run --project impl"
        : `LOGREG_IMPL=${implementationPath} npx vitest run`;
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, ".");
  return `${project} ${file} -t '${pattern}'`;
}

/** Keeps only the stack frames in the test files, so the failure points at the property. */
function withTestFrames(error: Error): Error {
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.includes("properties/model/"));
  error.stack = [`${error.name}: ${error.message}`, ...frames].join("\n");
  return error;
}

function field(label: string, text: string): string {
  const pad = " ".repeat(17);
  return `  ${label.padEnd(15)}${text.split("\n").join(`\n${pad}`)}`;
}

/** A path relative to the project when it is inside it, absolute otherwise. */
function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith("..") ? path : inside;
}

function notImplementedReport(error: Error, name: string): Error {
  const folder = displayPath(dirname(implementationPath));
  const report = [
    error.message,
    field("needed by", name),
    field(
      "next",
      `write that function in ${folder}/ (its doc comment has the formula), then rerun`,
    ),
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
      numRuns: runsOverride ?? spec.runs ?? DEFAULT_RUNS,
      seed: replaySeed,
      path: replayPath,
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
