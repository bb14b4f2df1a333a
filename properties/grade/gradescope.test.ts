import { expect, test } from "vitest";
import type { Grade } from "../../src/grade/grade.js";
import { gradescopeResults } from "../../src/grade/gradescope-results.js";

/** One submission's results.json in Gradescope's format (src/grade/gradescope-results.ts). */

const grade: Grade = {
  submission: "alice",
  total: 1.5,
  max: 4,
  steps: { "1": { score: 1.5, max: 4 } },
  notes: ["does not export gradientDescent (article step 4)"],
  seconds: 2.34567,
  properties: [
    { file: "f", step: 1, name: "a", passed: true, points: 1.5, max: 1.5, hidden: false },
    {
      file: "f",
      step: 1,
      name: "b",
      passed: false,
      points: 0,
      max: 2,
      hidden: true,
      message: "why",
    },
    { file: "f", step: 1, name: "c", passed: false, points: 0, max: 0.5, hidden: false },
  ],
};

test("each property is a test with its points, status, report and visibility", () => {
  const results = gradescopeResults(grade);
  expect(results.tests).toEqual([
    {
      name: "step 1 · a",
      score: 1.5,
      max_score: 1.5,
      status: "passed",
      output: "passed",
      visibility: "visible",
    },
    {
      name: "step 1 · b",
      score: 0,
      max_score: 2,
      status: "failed",
      output: "why",
      visibility: "hidden",
    },
    {
      name: "step 1 · c",
      score: 0,
      max_score: 0.5,
      status: "failed",
      output: "",
      visibility: "visible",
    },
  ]);
});

test("the submission's score, time in seconds (to the millisecond), notes, and a hidden stdout", () => {
  const results = gradescopeResults(grade);
  expect(results.score).toBe(1.5);
  expect(results.execution_time).toBe(2.346);
  expect(results.output).toBe(
    "What stopped your code:\n- does not export gradientDescent (article step 4)",
  );
  expect(results.stdout_visibility).toBe("hidden");
  expect(gradescopeResults({ ...grade, notes: [] }).output).toBe("All properties ran.");
});
