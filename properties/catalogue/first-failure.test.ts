import { expect, test } from "vitest";
import { firstFailure, type JsonReport } from "../../src/catalogue/first-failure.js";

/** `npm run catalogue` names the property that caught a bug from vitest's JSON report. */
function report(files: JsonReport["testResults"]): JsonReport {
  const tests = files.flatMap((file) => file.assertionResults);
  return {
    numTotalTests: tests.length,
    numFailedTests: tests.filter((t) => t.status === "failed").length,
    testResults: files,
  };
}

function file(name: string, statuses: string[], status = "failed", message = "") {
  const assertionResults = statuses.map((s, i) => ({
    fullName: `${name} test ${i + 1}`,
    status: s,
  }));
  return { name: `/kit/properties/model/${name}.test.ts`, status, message, assertionResults };
}

test("the first failure is the first failing test of the earliest step, not of the first file reported", () => {
  const outcome = firstFailure(
    report([
      file("10-extra", ["failed"]),
      file("2-cost", ["passed", "failed", "failed"]),
      file("1-model", ["passed"], "passed"),
    ]),
  );
  expect(outcome).toEqual({
    total: 5,
    failed: 3,
    firstFailure: "2-cost: 2-cost test 2",
    message: "",
    blame: null,
  });
});

test("a file that failed to load counts as a failure and is named with its error", () => {
  const outcome = firstFailure(
    report([
      file("3-gradients", [], "failed", "SyntaxError: boom\n  at x"),
      file("4-descent", ["failed"]),
    ]),
  );
  expect(outcome).toEqual({
    total: 1,
    failed: 2,
    firstFailure: "3-gradients: (the file failed to load) SyntaxError: boom",
    message: null,
    blame: null,
  });
});

test("a run where every test passes has no first failure", () => {
  expect(firstFailure(report([file("1-model", ["passed", "passed"], "passed")]))).toEqual({
    total: 2,
    failed: 0,
    firstFailure: null,
    message: null,
    blame: null,
  });
});

test("the first failure's message is kept, and its blame is read from the message's blames line", () => {
  const failing = file("2-cost", ["failed"]);
  failing.assertionResults[0] = {
    ...failing.assertionResults[0],
    failureMessages: [
      "Error: property failed: x\n  blames         computeCostVectorized (article step 2)\n  hint …",
    ],
  } as (typeof failing.assertionResults)[0];
  const outcome = firstFailure(report([failing]));
  expect(outcome.blame).toEqual({ functions: ["computeCostVectorized"], steps: [2] });
  expect(outcome.message).toContain("hint …");
});
