/**
 * npm run learn — the learner's loop, rustlings-style: runs the model properties
 * (properties/model) against src/impl one article step at a time, in order, and stops at the
 * first step that fails. It prints that step's first real failure only (the step's run stops
 * there, src/learn/first-failure-runner.ts) — each function of the step still a stub as one
 * line — then one line per later step, and a progress line "steps done: k of N".
 * It then watches src/impl and runs again after every save (`--run`: once, exit status 0 when
 * every step passes).
 *
 * After a save the step the learner is on runs first and is reported at once; the earlier steps
 * run after it only when a file they depend on changed (src/learn/: the engine, its schedule and
 * the fingerprints of src/impl). One vitest instance stays up between runs.
 */
import { watch } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startLearner, type Learner, type Report } from "../src/learn/learner.js";

const root = resolve(import.meta.dirname, "..");
const implDirectory = join(root, "src", "impl");

const usage = `Usage: npm run learn [-- --run]

Runs the model properties against src/impl one article step at a time and stops at the first
step that fails: its first failure, one line per function not written yet, one line per later step,
and "steps done: k of N". Then watches src/impl and runs again after every save.

  --run        run once and exit (status 0 when every step passes, 1 otherwise)
  -h, --help   print this help`;

const WATCHING = "\nwatching src/impl: save a file to check again (Ctrl-C to stop)";

/** Prints a report as the learner reads it: the text, and how long after the save it came. */
function print(report: Report) {
  console.log(`${report.text}  (${(report.milliseconds / 1000).toFixed(1)} s)`);
}

/** Runs the loop after every save in src/impl, until interrupted; never resolves. */
async function watchLoop(learner: Learner): Promise<never> {
  const show = (report: Report) => {
    console.clear();
    print(report);
  };
  let running: Promise<unknown> = learner.run(show).then(() => console.log(WATCHING));
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  watch(implDirectory, { recursive: true }, (_event, file) => {
    if (file) changed.add(join(implDirectory, file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        for (const path of changed) learner.invalidate(path);
        changed.clear();
        await learner.run(show);
        console.log(WATCHING);
      });
    }, 50);
  });
  return new Promise<never>(() => {});
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        run: { type: "boolean", default: false },
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
  const learner = await startLearner({ root });
  if (!args.values.run) return watchLoop(learner);
  const result = await learner.run();
  print(result);
  await learner.close();
  return result.done === result.total ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
