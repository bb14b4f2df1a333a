import { describe, expect, test } from "vitest";
import { mutationScore, type StrykerReport } from "../../mutation/mutation-score.js";

/** A mutant of Stryker's report: a status at a line, `i < n` → `i <= n` unless told otherwise. */
const mutant = (status: string, line: number, replacement = "i <= n") => ({
  mutatorName: "EqualityOperator",
  replacement,
  status,
  location: { start: { line } },
});

const killed = (count: number, line = 1) =>
  Array.from({ length: count }, () => mutant("Killed", line));

const header = [
  "| file | line | mutator | replacement | kind | why |",
  "| ---- | ---: | ------- | ----------- | ---- | --- |",
];
/** The list of survivors, one row per [file, line, kind]. */
const list = (...rows: [string, number, string][]): string =>
  [
    ...header,
    ...rows.map(
      ([file, line, kind]) =>
        `| \`${file}\` | ${line} | EqualityOperator | \`i <= n\` | ${kind} | E1 |`,
    ),
  ].join("\n");

const report = (files: Record<string, ReturnType<typeof mutant>[]>): StrykerReport => ({
  files: Object.fromEntries(Object.entries(files).map(([file, mutants]) => [file, { mutants }])),
});

describe("mutationScore: the score without the equivalent mutants, and an exact list", () => {
  test("a listed equivalent survivor is left out of the score: 9 killed of 10, one equivalent, is 100%", () => {
    const result = mutationScore(
      report({ "a.ts": [...killed(9), mutant("Survived", 7)] }),
      list(["a.ts", 7, "equivalent"]),
      90,
    );
    expect(result.passed).toBe(true);
    expect(result.lines).toContain("Stryker's score: 90.00%");
    expect(result.lines).toContain("score without the equivalent mutants: 100.00% (threshold 90%)");
  });

  test("a survivor that is not listed fails the check, and is named", () => {
    const result = mutationScore(
      report({ "a.ts": [...killed(99), mutant("Survived", 7)] }),
      list(),
      90,
    );
    expect(result.passed).toBe(false);
    expect(result.lines).toContain(
      "survivor not listed in mutation/equivalent-mutants.md: a.ts | 7 | EqualityOperator | i <= n  (Survived)",
    );
  });

  test("a listed row whose mutant is now killed fails the check as stale", () => {
    const result = mutationScore(
      report({ "a.ts": killed(10, 7) }),
      list(["a.ts", 7, "equivalent"]),
      90,
    );
    expect(result.passed).toBe(false);
    expect(result.lines).toContain(
      "listed in mutation/equivalent-mutants.md but not a survivor of this run: a.ts | 7 | EqualityOperator | i <= n",
    );
  });

  test("an unstable row may find its mutant killed, and a surviving unstable mutant stays in the score", () => {
    expect(
      mutationScore(report({ "a.ts": killed(10, 7) }), list(["a.ts", 7, "unstable"]), 90).passed,
    ).toBe(true);
    const survived = mutationScore(
      report({ "a.ts": [...killed(8), mutant("Survived", 7)] }),
      list(["a.ts", 7, "unstable"]),
      90,
    );
    expect(survived.lines).toContain(
      "score without the equivalent mutants: 88.89% (threshold 90%)",
    );
    expect(survived.passed).toBe(false);
  });

  test("a timed-out mutant listed as equivalent is neither credited nor counted: 8 of 9, not 9 of 10", () => {
    const result = mutationScore(
      report({ "a.ts": [...killed(8), mutant("Timeout", 7), mutant("Survived", 9, "x")] }),
      list(["a.ts", 7, "equivalent"]),
      80,
    );
    expect(result.lines).toContain("score without the equivalent mutants: 88.89% (threshold 80%)");
    expect(result.lines.some((line) => line.startsWith("listed as equivalent but timed out"))).toBe(
      true,
    );
    expect(result.passed).toBe(false); // the survivor at line 9 is not listed
  });

  test("two mutants with one key, one killed and one surviving, take one row; a second row is stale", () => {
    const mutants = [...killed(9), mutant("Killed", 7), mutant("Survived", 7)];
    expect(
      mutationScore(report({ "a.ts": mutants }), list(["a.ts", 7, "equivalent"]), 90).passed,
    ).toBe(true);
    const twoRows = list(["a.ts", 7, "equivalent"], ["a.ts", 7, "equivalent"]);
    expect(mutationScore(report({ "a.ts": mutants }), twoRows, 90).passed).toBe(false);
  });

  test("rows of files the run did not mutate are not checked, and are counted as such", () => {
    const result = mutationScore(
      report({ "a.ts": killed(10) }),
      list(["b.ts", 3, "equivalent"], ["b.ts", 4, "equivalent"]),
      90,
    );
    expect(result.passed).toBe(true);
    expect(result.lines[1]).toBe(
      "listed in mutation/equivalent-mutants.md: 0 equivalent, 0 unstable survivors; 2 rows of files not mutated in this run not checked",
    );
  });

  test("an uncovered mutant counts as a survivor; a report with nothing to detect fails", () => {
    const uncovered = report({ "a.ts": [...killed(9), mutant("NoCoverage", 7)] });
    expect(mutationScore(uncovered, list(), 90).passed).toBe(false);
    expect(mutationScore(uncovered, list(["a.ts", 7, "equivalent"]), 90).passed).toBe(true);
    expect(mutationScore(report({}), list(), 90).passed).toBe(false);
  });

  test("a row of another kind is refused with its line in the list", () => {
    expect(() => mutationScore(report({}), list(["a.ts", 7, "accepted"]), 90)).toThrow(
      'mutation/equivalent-mutants.md:3: the kind is "accepted"; expected equivalent or unstable',
    );
  });
});
