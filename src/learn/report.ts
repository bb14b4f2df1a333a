import { relative } from "node:path";
import type { TestModule } from "vitest/node";

/**
 * The text `npm run learn` prints for a step: its failures in full, each stub as one line,
 * one line per later step and the progress line "steps done: k of N".
 */

/** One failing test (or a file that failed to load) and its message. */
export interface Failure {
  test: string;
  message: string;
}

/** The failures of a step's test modules: one per failing test, or per file that failed to load. */
export function failuresOf(modules: readonly TestModule[], root: string): Failure[] {
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

/**
 * What a step's run left out after its first failure that was not a stub: the skipped tests of
 * that failure's file, and the step's later files.
 */
export interface NotRun {
  tests: number;
  files: readonly string[];
}

/** "6 more tests of its file and 3b-metamorphic.test.ts", or "" when nothing was left out. */
function notRunText({ tests, files }: NotRun): string {
  const more = tests > 0 ? [`${tests} more test${tests === 1 ? "" : "s"} of its file`] : [];
  return listOf([...more, ...files]);
}

/** "1", "1 and 2", "1, 2 and 4". */
export function listOf(items: readonly (string | number)[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const STUB_FAILURE = /^not implemented yet: ([\w$]+) \(article step (\d+)\)/;

/**
 * The report of an unfinished step: real failures in full, then one line per function of the
 * step that is still a stub — every stub in `stubs` (read from the source), and any other a
 * failure names. `notRun` says what the run left out once it had its first real failure.
 */
export function renderStep(
  step: number,
  failures: readonly Failure[],
  stubs: readonly string[],
  notRun?: NotRun,
) {
  const stubLines = new Set(stubs.map((name) => `${name} (article step ${step})`));
  const real: Failure[] = [];
  for (const failure of failures) {
    const stub = STUB_FAILURE.exec(failure.message);
    if (stub) stubLines.add(`${stub[1]} (article step ${stub[2]})`);
    else real.push(failure);
  }
  const count = failures.length;
  const left = notRun ? notRunText(notRun) : "";
  const stopped = left ? ` (stopped at the first real failure: ${left} not run yet)` : "";
  const lines = [`step ${step}: ${count} failing test${count === 1 ? "" : "s"}${stopped}`];
  for (const failure of real) {
    lines.push("", `✗ ${failure.test}`, failure.message.replace(/\n\s+at .*$/gs, ""));
  }
  if (stubLines.size > 0) lines.push("");
  for (const name of stubLines) {
    lines.push(
      `not implemented yet: ${name} — write it in src/impl (its doc comment has the formula)`,
    );
  }
  return lines;
}

/** The one line of a step after the first unfinished one: its stubs, or "not checked yet". */
export function laterStepLine(step: number, stubs: readonly string[]): string {
  if (stubs.length === 0) return `step ${step}: not checked yet`;
  const count = stubs.length === 1 ? "1 function" : `${stubs.length} functions`;
  return `step ${step}: ${count} not written yet (${stubs.join(", ")})`;
}
