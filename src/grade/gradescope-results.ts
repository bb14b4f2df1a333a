import type { Grade } from "./grade.js";

/**
 * One submission's results.json in Gradescope's autograder format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the total, the grading time,
 * the notes on what stopped the code, and one test per property with its points, pass/fail
 * status, failure report and visibility (a rubric's hidden properties are "hidden": graded, not
 * shown to the student). The grader's own stdout (run_autograder's) is shown to instructors only.
 */

/** A test of Gradescope's results.json. */
export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: "hidden" | "visible";
}

/** Gradescope's results.json, the fields the grader writes. */
export interface GradescopeResults {
  score: number;
  /** Seconds the grading of this submission took. */
  execution_time: number;
  output: string;
  stdout_visibility: "hidden";
  tests: GradescopeTest[];
}

/** The results of one graded submission. */
export function gradescopeResults(grade: Grade): GradescopeResults {
  return {
    score: grade.total,
    execution_time: Math.round(grade.seconds * 1000) / 1000,
    output:
      grade.notes.length > 0
        ? `What stopped your code:\n${grade.notes.map((n) => `- ${n}`).join("\n")}`
        : "All properties ran.",
    stdout_visibility: "hidden",
    tests: grade.properties.map((p) => ({
      name: `step ${p.step} · ${p.name}`,
      score: p.points,
      max_score: p.max,
      status: p.passed ? "passed" : "failed",
      output: p.passed ? "passed" : (p.message ?? ""),
      visibility: p.hidden ? "hidden" : "visible",
    })),
  };
}
