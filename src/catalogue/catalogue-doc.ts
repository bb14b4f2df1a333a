import type { SuiteOutcome } from "./run-suite.js";
import { markdownTable } from "./table.js";

/** Where `npm run catalogue` writes the catalogue's table, relative to the project root. */
export const catalogueDocPath = "docs/catalogue.md";

/**
 * The two lists of learner bugs `npm run catalogue` runs: the catalogue (properties/catalogue/bugs,
 * docs/catalogue.md) and, with --unseen, the unseen list (properties/catalogue/unseen,
 * docs/unseen.md), written separately from the catalogue to measure the suite on mistakes it
 * was not tuned against. Each has its own generated file, checked by `--check`.
 */
export interface BugList {
  /** "catalogued" or "unseen": the word in the kill count. */
  adjective: string;
  /** Where its table is written, relative to the project root. */
  docPath: string;
  title: string;
  /** The paragraph before the table, as lines. */
  intro: readonly string[];
}

export const catalogueList: BugList = {
  adjective: "catalogued",
  docPath: catalogueDocPath,
  title: "The catalogue of learner bugs",
  intro: [
    "Each row is one module of `properties/catalogue/bugs/`: the reference implementation with one",
    "function rewritten the way learners get it wrong. `npm run catalogue` runs the model properties",
    "(`properties/model`) against each of them. Read a row as: this property is what protects you",
    "from this mistake. The first property that caught it is the first failing test in the",
    "article's step order; the failing tests are every test the mistake breaks.",
  ],
};

export const unseenList: BugList = {
  adjective: "unseen",
  docPath: "docs/unseen.md",
  title: "The unseen list of learner bugs",
  intro: [
    "Each row is one module of `properties/catalogue/unseen/`: learner mistakes written separately",
    "from the catalogue (docs/catalogue.md), in the same form, to measure the property suite on",
    "mistakes it was not written against. `npm run catalogue -- --unseen` runs the model properties",
    "(`properties/model`) against each of them and writes this file.",
  ],
};

/** The sentence under every table that explains the blame column. */
const blameSentence = [
  "The column “first failure names the right function” compares the function and the article",
  "step named on the “blames” line of the first failure's message with the one function the",
  "module overrides and its step: “yes” when both match, otherwise what the message blamed.",
];

/**
 * fast-check's seed for every property of every suite run (PROPERTY_SEED). With a random seed
 * the same bug fails a different number of tests from one run to the next (a property that
 * catches a mistake on some inputs only), so the committed table could never be checked.
 */
export const catalogueSeed = 20261128;

/** One suite run: a catalogued bug (its step), or the reference, the control (step null). */
export interface MutantResult extends SuiteOutcome {
  name: string;
  step: number | null;
  description: string;
  /** The function the bug overrides (null for the reference). */
  overrides: string | null;
}

/**
 * Whether the first failure blames exactly the function the bug overrides, in its step: true,
 * false, or null when there is no first failure to judge (a survivor, an error, the reference).
 */
export function blameIsRight(result: MutantResult): boolean | null {
  if (!killed(result) || result.overrides === null) return null;
  const blame = result.blame;
  if (!blame) return false;
  return (
    blame.functions.length === 1 &&
    blame.functions[0] === result.overrides &&
    blame.steps.length === 1 &&
    blame.steps[0] === result.step
  );
}

function blameCell(result: MutantResult): string {
  const right = blameIsRight(result);
  if (right === null) return "—";
  if (right) return "yes";
  if (!result.blame) return "no: the message blames nothing";
  const steps = result.blame.steps.join(", ");
  return `no: blames ${result.blame.functions.join(" and ")} (step ${steps})`;
}

export function killed(result: MutantResult): boolean {
  return result.error === undefined && result.failed > 0;
}

export function status(result: MutantResult): string {
  if (result.error !== undefined) return "error";
  if (result.step === null) return result.failed === 0 ? "passes" : "FAILS";
  return killed(result) ? "killed" : "SURVIVED";
}

/** True when the reference ran and passed every test: only then does a kill prove anything. */
export function referencePasses(reference: MutantResult): boolean {
  return reference.error === undefined && reference.failed === 0 && reference.total > 0;
}

/** The table's columns that do not depend on the machine or its load: no time. */
export const catalogueHeader = [
  "step",
  "bug",
  "killed",
  "first property that caught it",
  "first failure names the right function",
  "failing tests",
] as const;

export function catalogueCells(result: MutantResult): string[] {
  return [
    String(result.step),
    `\`${result.name}\`: ${result.description}`,
    status(result),
    result.error ?? result.firstFailure ?? "—",
    blameCell(result),
    result.error === undefined ? `${result.failed} of ${result.total}` : "—",
  ];
}

/**
 * Why the results of a run cannot be written to docs/catalogue.md, or null when they can: a
 * suite that could not run reports an error whose text (stderr, a timeout) changes from one run
 * to the next, and a failing control makes every kill meaningless. A surviving bug is written:
 * that row is true, and the exit status already fails the run.
 */
export function notPublishable(reference: MutantResult, bugs: MutantResult[]): string | null {
  if (reference.error !== undefined) return "the suite could not run on the reference (control)";
  if (!referencePasses(reference)) return "the reference (control) fails the suite";
  const errors = bugs.filter((bug) => bug.error !== undefined).map((bug) => bug.name);
  if (errors.length > 0) return `the suite could not run against ${errors.join(", ")}`;
  return null;
}

/**
 * The whole of docs/catalogue.md for a run of the whole catalogue: a generated-file notice, what
 * the table means, the table without the time column, and the kill count. It depends only on
 * the results' names, steps, descriptions, first failures and counts, so two runs with the same
 * seed write the same bytes. Ends with one newline, as Prettier wants.
 */
export function renderCatalogueDoc(
  reference: MutantResult,
  bugs: MutantResult[],
  seed: number,
  list: BugList = catalogueList,
): string {
  const killedCount = bugs.filter(killed).length;
  const judged = bugs.filter((bug) => blameIsRight(bug) !== null);
  const right = judged.filter((bug) => blameIsRight(bug) === true).length;
  const command =
    list === catalogueList ? "`npm run catalogue`" : "`npm run catalogue -- --unseen`";
  return [
    `<!-- Generated by ${command} (scripts/catalogue.ts): do not edit by hand. Change the bugs or the properties, rerun ${command} and commit the result; CI fails when this file is stale. -->`,
    "",
    `# ${list.title}`,
    "",
    ...list.intro,
    "",
    ...blameSentence,
    "",
    `Every property runs with fast-check's seed ${seed} (\`PROPERTY_SEED\`) and its default number`,
    "of runs, so the table is the same from one run to the next; another seed can change a count,",
    "when a property catches a mistake on some inputs only.",
    "",
    markdownTable(catalogueHeader, bugs.map(catalogueCells)),
    "",
    `${killedCount} of ${bugs.length} ${list.adjective} bugs killed; the first failure names the right function for ${right} of ${judged.length}. ${controlSentence(reference)}`,
    "",
  ].join("\n");
}

function controlSentence(reference: MutantResult): string {
  if (referencePasses(reference)) {
    return `The unmodified reference, the control, passes all ${reference.total} tests.`;
  }
  return `The unmodified reference, the control, ${status(reference)}: the kills above prove nothing.`;
}

/** The one line `--check` prints when the committed file differs from a fresh run's. */
export const staleMessage = `${catalogueDocPath} is stale: run npm run catalogue and commit it`;

function staleMessageFor(list: BugList): string {
  return list === catalogueList
    ? staleMessage
    : `${list.docPath} is stale: run npm run catalogue -- --unseen and commit it`;
}

export type CatalogueCheck = { stale: false } | { stale: true; message: string; hint: string };

/**
 * Compares the committed docs/catalogue.md (null when there is none) with the one a run just
 * rendered. Line endings are not a difference (a checkout may turn \n into \r\n). When they
 * differ: the one-line message, and a hint showing the first differing line of each.
 */
export function checkCatalogueDoc(
  committed: string | null,
  regenerated: string,
  list: BugList = catalogueList,
): CatalogueCheck {
  const message = staleMessageFor(list);
  if (committed === null) {
    return { stale: true, message, hint: `  ${list.docPath} does not exist` };
  }
  const before = committed.replaceAll("\r\n", "\n").split("\n");
  const after = regenerated.split("\n");
  const length = Math.max(before.length, after.length);
  const differing: number[] = [];
  for (let i = 0; i < length; i++) if (before[i] !== after[i]) differing.push(i);
  if (differing.length === 0) return { stale: false };
  const first = differing[0];
  const shown = (line: string | undefined) => (line === undefined ? "(no such line)" : line);
  const hint = [
    `  ${differing.length === 1 ? "1 line differs" : `${differing.length} lines differ`}; the first, line ${first + 1}:`,
    `  - committed:   ${shown(before[first])}`,
    `  + regenerated: ${shown(after[first])}`,
    `  (${list === catalogueList ? "npm run catalogue" : "npm run catalogue -- --unseen"} && git diff ${list.docPath} shows the whole difference)`,
  ].join("\n");
  return { stale: true, message, hint };
}
