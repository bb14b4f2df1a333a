/**
 * npm run learn — the learner's loop, rustlings-style: runs the model properties
 * (properties/model) against src/impl one article step at a time, in order, and stops at the
 * first step that fails. It prints that step's first real failure only (the step's run stops
 * there, src/learn/first-failure-runner.ts) — each function of the step still a stub as one
 * line — then one line per later step, and a progress line "steps done: k of N".
 * It then watches src/impl and runs again after every save (`--run`: once, exit status 0 when
 * every step passes). `--python <file.py>` checks a module of the article's numpy instead
 * (docs/python.md) and watches the .py files of its folder.
 *
 * After a save the step the learner is on runs first and is reported at once; the earlier steps
 * run after it only when a file they depend on changed (src/learn/: the engine, its schedule and
 * the fingerprints of src/impl). One vitest instance stays up between runs.
 */
import { existsSync, statSync, watch } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startLearner, type Learner, type Report } from "../src/learn/learner.js";
import { findPython, noNumpyLine } from "../src/python/find-python.js";
import { printable } from "../src/text/escape.js";

const root = resolve(import.meta.dirname, "..");

const usage = `Usage: npm run learn [-- [--run] [--python path/to/logreg.py]]

Runs the model properties against src/impl one article step at a time and stops at the first
step that fails: its first failure, one line per function not written yet, one line per later step,
and "steps done: k of N". Then watches src/impl (with --python, the .py files of the module's
folder) and runs again after every save.

  --run            run once and exit (status 0 when every step passes, 1 otherwise)
  --python <file>  check a module of the article's numpy instead of src/impl (docs/python.md;
                   it needs python3 with numpy, or LOGREG_PYTHON naming one)
  -h, --help       print this help

Exit status 2: a usage error (an unknown option, a --python that is not a .py file, no python
with numpy).`;

/** Prints a report as the learner reads it: the text, and how long after the save it came. */
function print(report: Report) {
  console.log(`${report.text}  (${(report.milliseconds / 1000).toFixed(1)} s)`);
}

/** Runs the loop after every save in the learner's folder, until interrupted; never resolves. */
async function watchLoop(learner: Learner): Promise<never> {
  const { folder, label, recursive } = learner.workspace;
  const watching = `\nwatching ${label}: save a file to check again (Ctrl-C to stop)`;
  const show = (report: Report) => {
    console.clear();
    print(report);
  };
  let running: Promise<unknown> = learner.run(show).then(() => console.log(watching));
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  watch(folder, { recursive }, (_event, file) => {
    if (file && !learner.workspace.watches(file)) return;
    if (file) changed.add(join(folder, file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        for (const path of changed) learner.invalidate(path);
        changed.clear();
        await learner.run(show);
        console.log(watching);
      });
    }, 50);
  });
  return new Promise<never>(() => {});
}

/**
 * The absolute path of `--python`'s module (relative to where npm was started), or 2 after one
 * line on stderr when it is not a .py file or no python with numpy is found.
 */
function pythonModule(given: string): string | number {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), given);
  const fault = !given.endsWith(".py")
    ? "not a .py file"
    : !existsSync(path)
      ? "no such file"
      : statSync(path).isFile()
        ? undefined
        : "not a file";
  if (fault !== undefined) {
    console.error(
      `learn: --python ${printable(given)}: ${fault}: ${printable(path)} (expected a module of the article's numpy, e.g. fixtures/python/logreg.py)`,
    );
    return 2;
  }
  if (findPython() === undefined) {
    console.error(`learn: --python ${printable(given)}: ${noNumpyLine()}`);
    return 2;
  }
  return path;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        run: { type: "boolean", default: false },
        python: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`learn: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  const python = args.values.python;
  const modulePath = python === undefined ? undefined : pythonModule(python);
  if (typeof modulePath === "number") return modulePath;
  const learner = await startLearner({ root, python: modulePath });
  if (!args.values.run) return watchLoop(learner);
  const result = await learner.run();
  print(result);
  await learner.close();
  return result.done === result.total ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
