import { basename } from "node:path";
import { parseBlame } from "../suite/blame-line.js";
import { stepOrder } from "../suite/step-order.js";
import type { SuiteOutcome } from "./run-suite.js";

/** The parts of vitest's JSON report (Jest's format) this runner reads. */
export interface JsonReport {
  numTotalTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/**
 * Reads a vitest JSON report: the number of tests, how many failed (a file that failed to load
 * counts as one), and the first failure in the article's step order — files by their
 * step-numbered names, tests in the order they are declared — as "<file>: <test name>", with
 * its message (what a learner would read), and the function(s) and step(s) that message blames
 * (the report's "blames" line), if any.
 */
export function firstFailure(report: JsonReport): Omit<SuiteOutcome, "seconds"> {
  const files = [...report.testResults].sort((a, b) => stepOrder(a.name, b.name));
  let first: string | null = null;
  let message: string | null = null;
  let blame: SuiteOutcome["blame"] = null;
  let failedFiles = 0;
  for (const file of files) {
    const label = basename(file.name).replace(/\.test\.ts$/, "");
    const test = file.assertionResults.find((result) => result.status === "failed");
    const loadFailure = file.status === "failed" && file.assertionResults.length === 0;
    if (loadFailure) failedFiles++;
    if (first !== null) continue;
    if (test) {
      first = `${label}: ${test.fullName}`;
      message = (test.failureMessages ?? []).join("\n");
      blame = parseBlame(message);
    } else if (loadFailure)
      first = `${label}: (the file failed to load) ${firstLine(file.message)}`;
  }
  return {
    total: report.numTotalTests,
    failed: report.numFailedTests + failedFiles,
    firstFailure: first,
    message,
    blame,
  };
}

/** True when some test file failed as a whole (it could not be loaded, or a hook threw). */
export function fileFailed(report: JsonReport): boolean {
  return report.testResults.some((file) => file.status === "failed");
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0];
}
