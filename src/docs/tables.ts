/**
 * Every generated table of the docs, by block id: what `npm run docs` writes between the
 * markers and what `--check` compares. Blocks written by `--capture` are listed apart
 * (CAPTURED_BLOCKS): they come from real runs, which a check does not repeat.
 */
import { contractSentence } from "./contract-list.js";
import { keyFiguresTable } from "./key-figures.js";
import { fileTable } from "./layout-tables.js";
import { modelSteps, type ModelStep } from "./model-steps.js";
import { listModelTests } from "./model-tests.js";
import {
  learnerStepsTable,
  propertyTable,
  readmeStepsTable,
  totalsSentence,
} from "./property-tables.js";
import type { Repository } from "./repository.js";

/** The ids of the blocks `npm run docs -- --capture` writes. */
export const CAPTURED_BLOCKS: ReadonlySet<string> = new Set([
  "learners.walkthrough-start",
  "learners.walkthrough-stubs",
  "learners.walkthrough-sigmoid",
  "learners.walkthrough-step-2",
  "learners.walkthrough-status",
]);

const bugFolders = [
  {
    folder: "properties/catalogue/bugs",
    what: "the catalogue of learner bugs, one module per mistake ([catalogue.md](catalogue.md))",
  },
  {
    folder: "properties/catalogue/unseen",
    what: "the unseen list of learner bugs, one module per mistake ([unseen.md](unseen.md))",
  },
];

/** A block's content; undefined when it cannot be made here (then it is neither written nor checked). */
type Generator = (repo: Repository, steps: () => ModelStep[]) => string | undefined;

const GENERATORS: Readonly<Record<string, Generator>> = {
  "layout.contract": () => contractSentence(),
  "layout.src": (repo) => fileTable(repo, "src"),
  "layout.scripts": (repo) => fileTable(repo, "scripts"),
  "layout.properties": (repo) => fileTable(repo, "properties", bugFolders),
  "layout.model-totals": (_, steps) => `\`properties/model\` holds ${totalsSentence(steps())}.`,
  "learners.steps": (_, steps) => learnerStepsTable(steps()),
  "instructors.properties": (_, steps) => propertyTable(steps()),
  "readme.steps": (_, steps) => readmeStepsTable(steps()),
  "training.key-figures": (repo) => keyFiguresTable(repo.root),
};

/** The ids of every table block. */
export const TABLE_BLOCKS: ReadonlySet<string> = new Set(Object.keys(GENERATORS));

/**
 * The model properties by step, listed by vitest (which takes seconds) at the first call only,
 * so that a run that needs no model property never starts vitest.
 */
export function lazyModelSteps(repo: Repository): () => ModelStep[] {
  let steps: ModelStep[] | undefined;
  return () => (steps ??= modelSteps(repo, listModelTests(repo.root)));
}

/** The content of the table blocks `ids` from the repository as it is now. */
export function tableContents(
  repo: Repository,
  ids: Iterable<string>,
  steps: () => ModelStep[],
): Map<string, string> {
  const contents = new Map<string, string>();
  for (const id of ids) {
    const content = GENERATORS[id]?.(repo, steps);
    if (content !== undefined) contents.set(id, content);
  }
  return contents;
}
