/**
 * The learner's console output in a vitest run: each test's output is printed from the test's
 * own thread (so vitest shows it with that test, and `npm run learn` can show it with the step's
 * failures), up to TEST_OUTPUT_BYTES per test; the rest is counted, and the count printed when
 * the test finishes.
 */
// A namespace import: the grader's stand-in for vitest (src/grade/vitest-shim.ts) has `expect`
// but no onTestFinished, and this module is bundled with the properties there too.
import * as vitest from "vitest";

/** The most output shown per test: 64 KiB. */
export const TEST_OUTPUT_BYTES = 64 * 1024;

let current: { test: string | undefined; shown: number; dropped: number } = {
  test: undefined,
  shown: 0,
  dropped: 0,
};

/** Prints `text` (the learner's output of one call) within the current test's bound. */
export function printTestOutput(text: string, dropped: number): void {
  const test = vitest.expect.getState().currentTestName;
  if (test !== current.test) current = { test, shown: 0, dropped: 0 };
  const room = TEST_OUTPUT_BYTES - current.shown;
  const shown = Buffer.from(text).subarray(0, Math.max(room, 0)).toString("utf8");
  const wasWithin = current.dropped === 0;
  current.shown += Buffer.byteLength(shown);
  current.dropped += dropped + Buffer.byteLength(text) - Buffer.byteLength(shown);
  if (shown) console.log(shown.replace(/\n$/, ""));
  if (wasWithin && current.dropped > 0 && test !== undefined) {
    const counted = current;
    (vitest.onTestFinished as typeof vitest.onTestFinished | undefined)?.(() => {
      console.log(
        `(${counted.dropped} more bytes of the learner's console output in this test not shown: the limit is ${TEST_OUTPUT_BYTES} bytes per test)`,
      );
    });
  }
}
