/**
 * The model properties grouped by article step: a property file's step is its name's numeric
 * prefix (`3b-metamorphic.test.ts` is step 3), as `npm run learn` counts them; each step's title
 * is the first line of the reference's file for it (`src/reference/1-model.ts`).
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stepOrder } from "../suite/step-order.js";
import type { ModelTest } from "./model-tests.js";
import type { Repository } from "./repository.js";

/** One property file and its tests' names. */
export interface PropertyFile {
  file: string;
  tests: string[];
}

/** One article step: its number, title, the learner's file, and its property files. */
export interface ModelStep {
  step: number;
  /** "the model", from the reference's doc comment. */
  title: string;
  /** The reference's file for the step (src/reference/N-*.ts), or undefined when there is none. */
  referenceFile: string | undefined;
  /** The learner's file for the step (src/impl/N-*.ts), or undefined when there is none. */
  learnerFile: string | undefined;
  files: PropertyFile[];
}

/** The step number of a property file: its name's leading digits. */
function stepOf(file: string): number {
  return Number(/^(\d+)/.exec(basename(file))?.[1] ?? Number.NaN);
}

/** The file of `folder` whose name starts with `<step>-`, or undefined. */
function stepFile(repo: Repository, folder: string, step: number): string | undefined {
  return [...repo.files].find(
    (file) => file.startsWith(`${folder}/${step}-`) && file.endsWith(".ts"),
  );
}

/**
 * The title of a step: what follows "Article step N — " in the first doc comment of the
 * reference's file that says it, up to the first colon, comma or full stop ("the model").
 */
function stepTitle(repo: Repository, step: number): string {
  const file = stepFile(repo, "src/reference", step);
  const source = file === undefined ? "" : readFileSync(join(repo.root, file), "utf8");
  const title = new RegExp(`Article step ${step} — ([^:,.\\n]+)`).exec(source)?.[1];
  if (title === undefined) {
    throw new Error(`no doc comment of src/reference says "Article step ${step} — <title>"`);
  }
  return title.trim();
}

/** The model properties by step, in the article's order. */
export function modelSteps(repo: Repository, tests: readonly ModelTest[]): ModelStep[] {
  const files = [...new Set(tests.map((test) => test.file))].sort(stepOrder);
  const steps = [...new Set(files.map(stepOf))];
  return steps.map((step) => ({
    step,
    title: stepTitle(repo, step),
    referenceFile: stepFile(repo, "src/reference", step),
    learnerFile: stepFile(repo, "src/impl", step),
    files: files
      .filter((file) => stepOf(file) === step)
      .map((file) => ({ file, tests: tests.filter((t) => t.file === file).map((t) => t.name) })),
  }));
}
