import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

/** The command line of `npm run grade` (scripts/grade.ts). */

export const usage = `Usage: npm run grade -- <submissions-dir> [options]

Grades each direct sub-folder of <submissions-dir> (one submission: an index.ts, index.js or
index.mjs exporting the contract's functions, or a logreg.py of the article's numpy) with the
model property suite, each in an OS sandbox (bubblewrap, or util-linux unshare where bwrap is
missing; a logreg.py is run in bubblewrap only, with python3 and numpy, docs/python.md).

  --out <dir>      where the grades go (default grades/): grades.csv, grades.json,
                   feedback/<submission>.md, gradescope/<submission>/results.json
  --rubric <file>  points per step or property, hidden properties (docs/instructors.md)
  --jobs N         submissions graded at the same time (default 2)
  --timeout <s>    limit on the CPU time of a submission's sandbox in each step (default 10)
  --memory <MB>    memory limit of a submission's process (default 512)
  --seed <n>       the properties' seed, PROPERTY_SEED (default 42); recorded in grades.json
  --unsafe-no-sandbox  run the submissions without an OS sandbox (Node's permission model
                   only), e.g. where neither bwrap nor unshare works: only for code you trust
  -h, --help       print this help

  --gradescope-autograder OUT.zip   instead of grading, build Gradescope's autograder zip
                   (with --rubric, --timeout, --memory, --seed for the grading there)

Before the submissions, the kit's own src/reference is graded the same way, as a control: if it
does not pass every property, the grader is broken and nothing is written.

Exit status: 0 when every submission got a row; 1 when the suite could not run, the control
failed or no sandbox works; 2 on a usage or rubric error.`;

export class UsageError extends Error {}

export interface Options {
  submissions: string;
  out: string;
  rubric?: string;
  jobs: number;
  timeoutSeconds: number;
  memoryMb: number;
  seed: number;
  unsafeNoSandbox: boolean;
}

function number(name: string, text: string, check: (n: number) => boolean, what: string) {
  const value = Number(text);
  if (text.trim() === "" || !check(value)) {
    throw new UsageError(`--${name} must be ${what}, got "${text}"`);
  }
  return value;
}

/** Parses the arguments; "help" for -h; throws UsageError. */
export function parseOptions(argv: string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "grades" },
      rubric: { type: "string" },
      jobs: { type: "string", short: "j", default: "2" },
      timeout: { type: "string", default: "10" },
      memory: { type: "string", default: "512" },
      seed: { type: "string", default: "42" },
      "unsafe-no-sandbox": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (positionals.length !== 1) throw new UsageError("give exactly one <submissions-dir>");
  const submissions = resolve(positionals[0]);
  if (!existsSync(submissions) || !statSync(submissions).isDirectory()) {
    throw new UsageError(`no such folder: ${submissions}`);
  }
  const whole = (n: number) => Number.isInteger(n);
  return {
    submissions,
    out: resolve(values.out),
    rubric: values.rubric,
    jobs: number("jobs", values.jobs, (n) => whole(n) && n >= 1, "a whole number ≥ 1"),
    timeoutSeconds: number("timeout", values.timeout, (n) => n > 0 && n <= 3600, "seconds > 0"),
    memoryMb: number("memory", values.memory, (n) => whole(n) && n >= 64, "≥ 64"),
    seed: number("seed", values.seed, (n) => whole(n) && Math.abs(n) < 2 ** 31, "a 32-bit integer"),
    unsafeNoSandbox: values["unsafe-no-sandbox"],
  };
}
