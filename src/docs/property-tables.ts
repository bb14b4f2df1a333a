/**
 * The generated parts of docs/learners.md and docs/instructors.md that list the model
 * properties: the steps with their files and counts, every property by name, and the totals.
 */
import { basename } from "node:path";
import { markdownTable } from "../catalogue/table.js";
import type { ModelStep } from "./model-steps.js";

const code = (text: string) => `\`${text}\``;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function testCount(step: ModelStep): number {
  return step.files.reduce((sum, file) => sum + file.tests.length, 0);
}

/** "51 tests in 10 files, for the article's steps 1, 2, 3, 4, 5, 6 and 9". */
export function totalsSentence(steps: readonly ModelStep[]): string {
  const tests = steps.reduce((sum, step) => sum + testCount(step), 0);
  const files = steps.reduce((sum, step) => sum + step.files.length, 0);
  const numbers = steps.map((step) => String(step.step));
  const list =
    numbers.length > 1
      ? `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`
      : numbers.join("");
  return `${plural(tests, "test")} in ${plural(files, "file")}, for the article's steps ${list}`;
}

/** learners.md: one row per step — its title, the learner's file, its property files and counts. */
export function learnerStepsTable(steps: readonly ModelStep[]): string {
  const rows = steps.map((step) => [
    `${step.step} ${step.title}`,
    step.learnerFile ? code(step.learnerFile) : "—",
    step.files.map((f) => `${code(basename(f.file))} (${f.tests.length})`).join(", "),
  ]);
  const table = markdownTable(["article step", "your file", "its properties (tests)"], rows);
  return `${table}\n\nEach implementation gets ${totalsSentence(steps)}.`;
}

/** README.md: one row per step — its title, the reference's and the learner's files, its properties. */
export function readmeStepsTable(steps: readonly ModelStep[]): string {
  const rows = steps.map((step) => [
    String(step.step),
    step.title,
    step.referenceFile ? code(step.referenceFile) : "—",
    step.learnerFile ? code(step.learnerFile) : "—",
    step.files.map((f) => `${code(f.file)} (${f.tests.length})`).join(", "),
  ]);
  const header = [
    "article step",
    "what",
    "the article's code",
    "learner's file",
    "properties (tests)",
  ];
  return markdownTable(header, rows);
}

/** instructors.md: every property, by file, in the article's step order, with counts. */
export function propertyTable(steps: readonly ModelStep[]): string {
  const rows = steps.flatMap((step) =>
    step.files.flatMap((file) =>
      file.tests.map((name, k) => [
        k === 0 ? `${code(basename(file.file, ".test.ts"))} (${file.tests.length})` : "",
        k === 0 ? String(step.step) : "",
        name,
      ]),
    ),
  );
  const table = markdownTable(["file (tests)", "step", "property (the test's name)"], rows);
  return `${table}\n\nIn all, ${totalsSentence(steps)}.`;
}
