/**
 * npm run catalogue — runs the model property suite (properties/model) against every module of
 * the catalogue of learner bugs (properties/catalogue/bugs) and prints, for each mistake, whether
 * the suite caught it ("killed"), the first property that did (in the article's step order), how
 * many tests failed, and the time. The unmodified reference runs too, as the control: a suite
 * that failed on it would "kill" every bug without proving anything.
 *
 * A run of the whole catalogue also writes the table, without the time, to docs/catalogue.md;
 * `--check` compares it with the committed file instead (CI). Every suite runs with the same
 * fixed fast-check seed, so that the file is the same from one run to the next.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadCatalogue, loadUnseen } from "../src/catalogue/load.js";
import {
  blameIsRight,
  catalogueCells,
  catalogueList,
  unseenList,
  type BugList,
  catalogueHeader,
  catalogueSeed,
  checkCatalogueDoc,
  killed,
  notPublishable,
  referencePasses,
  renderCatalogueDoc,
  status,
  type MutantResult as Result,
} from "../src/catalogue/catalogue-doc.js";
import { runSuite } from "../src/catalogue/run-suite.js";
import { markdownTable } from "../src/catalogue/table.js";

const usage = `Usage: npm run catalogue -- [--unseen] [--check] [--jobs N] [--json] [BUG ...]

Runs the model property suite against each catalogued learner bug (properties/catalogue/bugs,
one module per mistake) and against the reference (the control, which must pass), then prints
a table: the bug, killed or not, the first property that caught it, whether that first
failure names the right function (the one the bug overrides, and its step), the failing
tests, the time.

A run of the whole catalogue also writes ${catalogueList.docPath}: the same table without the time
column, generated (do not edit it by hand; commit it). Every property runs with fast-check's
seed ${catalogueSeed} (PROPERTY_SEED) and its default number of runs, whatever PROPERTY_SEED,
PROPERTY_RUNS or PROPERTY_PATH the shell sets, so the file is the same from one run to the
next. It is written only when every suite ran and the reference passes; a run of some bugs
only (BUG ...) never writes it, since a partial table would be stale.

  BUG           run only these bugs (file names without .ts); default: the whole catalogue
  --unseen      run the unseen list (properties/catalogue/unseen: mistakes written separately
                from the catalogue) instead, and write (or --check) ${unseenList.docPath}
  --check       write nothing: compare the table with the committed ${catalogueList.docPath}
                (with --unseen: ${unseenList.docPath}) and fail when it is stale (what CI
                runs); not with BUG
  -j, --jobs N  suites run at the same time (default 2)
  --json        print the results as JSON instead of the table, with each first failure's
                message (what a learner reads: expected, actual, the hint)
  -h, --help    print this help

Exit status: 0 when every bug is killed and the reference passes (and, with --check, the
committed file is up to date); 1 when a bug survives, a suite could not run, the reference
fails, or --check finds the file stale; 2 on a usage error.`;

const root = resolve(import.meta.dirname, "..");
/**
 * A bug that makes a property hang must still end, and a loaded machine must not turn a slow
 * suite into an error: one suite takes 20–60 s on two cores (the model properties run on data
 * sets of up to 2,000 rows and one fixture-sized matrix; about 90 s at load 7 with two suites
 * at once), so ten minutes leaves it several times that.
 */
const suiteTimeoutMs = 600_000;

/** The command line, read: the options, or the usage error's exit code. */
interface Options {
  jobs: number;
  json: boolean;
  check: boolean;
  list: BugList;
  /** The bugs named on the command line (empty: the whole list). */
  names: string[];
}

function parseOptions(argv: string[]): Options | "help" | { error: string } {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        jobs: { type: "string", short: "j", default: "2" },
        json: { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        unseen: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (args.values.help) return "help";
  const jobs = Number(args.values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    return { error: `--jobs must be a whole number ≥ 1, got "${args.values.jobs}"` };
  const list = args.values.unseen ? unseenList : catalogueList;
  if (args.positionals.length > 0 && args.values.check) {
    return { error: `--check compares the whole list with ${list.docPath}: name no bugs with it` };
  }
  const { json, check } = args.values;
  return { jobs, json, check, list, names: args.positionals };
}

/** One suite to run: the reference (the control) or a bug's module. */
interface SuiteRun {
  name: string;
  path: string;
  step: number | null;
  description: string;
  overrides: string | null;
}

/** The reference, then the bugs named (all of the list when none is), or the error for an unknown name. */
async function chooseRuns(options: Options): Promise<SuiteRun[] | { error: string }> {
  const catalogue = options.list === unseenList ? await loadUnseen() : await loadCatalogue();
  const unknown = options.names.filter((name) => !catalogue.some((entry) => entry.name === name));
  if (unknown.length > 0) {
    const names = catalogue.map((e) => e.name).join(", ");
    return {
      error: `no such bug: ${unknown.join(", ")}\nThe ${options.list.adjective} bugs: ${names}`,
    };
  }
  const chosen =
    options.names.length > 0 ? catalogue.filter((e) => options.names.includes(e.name)) : catalogue;
  const reference = resolve(root, "src/reference/index.ts");
  return [
    { name: "reference", path: reference, step: null, description: "", overrides: null },
    ...chosen.map((e) => ({
      name: e.name,
      path: e.path,
      step: e.bug.step,
      description: e.bug.description,
      overrides: e.bug.overrides as string,
    })),
  ];
}

/** Runs the suite against each, `jobs` at a time, saying each result on stderr as it comes. */
async function runAll(runs: SuiteRun[], jobs: number): Promise<Result[]> {
  const maxWorkers = Math.max(1, Math.floor(availableParallelism() / jobs));
  const suiteOptions = { root, maxWorkers, timeoutMs: suiteTimeoutMs, seed: catalogueSeed };
  return mapConcurrently(runs, jobs, async (run) => {
    const { path, ...described } = run;
    const result: Result = { ...described, ...(await runSuite(path, suiteOptions)) };
    console.error(progressLine(result));
    return result;
  });
}

/** Prints the results: JSON, or the table with times and the summary. */
function printResults(reference: Result, bugs: Result[], seconds: number, options: Options): void {
  const { jobs, list } = options;
  if (options.json) {
    console.log(JSON.stringify({ reference, bugs, seconds, jobs }, null, 2));
    return;
  }
  console.log(
    markdownTable(
      [...catalogueHeader, "time"],
      bugs.map((result) => [...catalogueCells(result), `${result.seconds.toFixed(1)} s`]),
    ),
  );
  console.log();
  console.log(summary(reference, bugs, seconds, jobs, list));
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === "help") {
    console.log(usage);
    return 0;
  }
  if ("error" in options) return usageError(options.error);
  const runs = await chooseRuns(options);
  if ("error" in runs) return usageError(runs.error);

  const started = performance.now();
  const [reference, ...bugs] = await runAll(runs, options.jobs);
  const seconds = (performance.now() - started) / 1000;
  printResults(reference, bugs, seconds, options);

  const healthy = referencePasses(reference) && bugs.every(killed);
  const partial = options.names.length > 0;
  const docOk = await catalogueDoc(reference, bugs, {
    partial,
    check: options.check,
    list: options.list,
  });
  return healthy && docOk ? 0 : 1;
}

/**
 * Writes docs/catalogue.md from a run of the whole catalogue (atomically: a temporary file
 * renamed over it), or with `check` compares the committed file with what it would be. Says
 * what it did, on stderr. False when the check finds the file stale or cannot be made.
 */
async function catalogueDoc(
  reference: Result,
  bugs: Result[],
  mode: { partial: boolean; check: boolean; list: BugList },
): Promise<boolean> {
  const { docPath } = mode.list;
  if (mode.partial) {
    console.error(
      `${docPath} not written: only some bugs were run, and a partial table would be stale.`,
    );
    return true;
  }
  const why = notPublishable(reference, bugs);
  if (why !== null) {
    console.error(`${docPath} not ${mode.check ? "checked" : "written"}: ${why}.`);
    return !mode.check;
  }
  const content = renderCatalogueDoc(reference, bugs, catalogueSeed, mode.list);
  const path = resolve(root, docPath);
  if (!mode.check) {
    // Written beside its place, then renamed over it: a reader sees the old file or the new one.
    const temporary = resolve(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    await writeFile(temporary, content);
    await rename(temporary, path);
    console.error(`wrote ${docPath}`);
    return true;
  }
  const check = checkCatalogueDoc(await readIfExists(path), content, mode.list);
  if (!check.stale) {
    console.error(`${docPath} is up to date.`);
    return true;
  }
  console.error(`${check.message}\n${check.hint}`);
  return false;
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function progressLine(result: Result): string {
  const detail = result.error ?? result.firstFailure ?? `all ${result.total} tests pass`;
  return `${status(result).padEnd(8)} ${result.name} (${result.seconds.toFixed(1)} s): ${detail}`;
}

function summary(
  reference: Result,
  bugs: Result[],
  seconds: number,
  jobs: number,
  list: BugList,
): string {
  const survivors = bugs.filter((result) => !killed(result));
  const judged = bugs.filter((result) => blameIsRight(result) !== null);
  const right = judged.filter((result) => blameIsRight(result) === true).length;
  const lines = [
    `${bugs.length - survivors.length} of ${bugs.length} ${list.adjective} bugs killed` +
      ` (${bugs.length + 1} suite runs, ${jobs} at a time, ${seconds.toFixed(1)} s);` +
      ` the first failure names the right function for ${right} of ${judged.length}.`,
  ];
  if (reference.error !== undefined) {
    lines.push(`The suite could not run on the reference (control): ${reference.error}`);
  } else if (reference.failed > 0 || reference.total === 0) {
    lines.push(
      `The reference (control) FAILS ${reference.failed} of ${reference.total} tests (first: ${reference.firstFailure}):` +
        " the kills above prove nothing until the suite passes on the reference.",
    );
  } else {
    lines.push(`The reference (control) passes all ${reference.total} tests.`);
  }
  for (const result of survivors) {
    lines.push(
      result.error === undefined
        ? `SURVIVED: ${result.name} (article step ${result.step}): no property catches it yet.`
        : `ERROR: ${result.name}: ${result.error}`,
    );
  }
  return lines.join("\n");
}

/** Maps `items` through `f` with at most `limit` calls in flight; results keep the items' order. */
async function mapConcurrently<T, R>(
  items: T[],
  limit: number,
  f: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await f(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function usageError(message: string): number {
  console.error(`catalogue: ${message}\n\n${usage}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
