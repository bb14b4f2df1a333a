import { execFile } from "node:child_process";
import { chmod, copyFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";

/**
 * `npm run grade -- --gradescope-autograder OUT.zip [--rubric r.json] [--timeout s] [--memory MB]
 * [--seed n]`: builds the autograder zip that Gradescope runs on its own machines, one
 * submission at a time (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 *
 *     setup.sh          scripts/gradescope/setup.sh: bubblewrap, Node.js, npm ci of the kit
 *     run_autograder    scripts/gradescope/run_autograder: grades /autograder/submission into
 *                       /autograder/results/results.json with scripts/grade.ts
 *     grade-options     the grader's options, one per line (the rubric, limits, seed)
 *     node-version      the Node.js version the zip was made with (setup.sh may download it)
 *     kit/              the kit's package files, src/, properties/, scripts/ (no node_modules)
 *
 * The zip is written by the system's `zip` (Info-ZIP), which keeps the scripts' execute bits.
 */

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const scripts = join(root, "scripts/gradescope");
/** What of the kit Gradescope's machine needs to grade: the suite, the grader and their packages. */
const kitEntries = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "src",
  "properties",
  "scripts",
];

const gradescopeUsage = `npm run grade -- --gradescope-autograder OUT.zip [--rubric <file>] [--timeout <s>] [--memory <MB>] [--seed <n>]

Builds Gradescope's autograder zip: setup.sh, run_autograder and the kit; the options given are
the grader's on Gradescope (docs/instructors.md, "Grading on Gradescope").`;

/** A mistake in the command line or a missing tool: printed as it is, exit status 2. */
class GradescopeUsageError extends Error {}

interface ZipOptions {
  out: string;
  rubric?: string;
  /** The grader's options to pass on, as they were given (checked again by the grader there). */
  passOn: string[];
}

function zipOptions(argv: string[]): ZipOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "gradescope-autograder": { type: "string" },
      rubric: { type: "string" },
      timeout: { type: "string" },
      memory: { type: "string" },
      seed: { type: "string" },
    },
  });
  const out = values["gradescope-autograder"];
  if (!out || !out.endsWith(".zip")) {
    throw new GradescopeUsageError("--gradescope-autograder needs the zip's path, ending in .zip");
  }
  if (positionals.length > 0) {
    throw new GradescopeUsageError(
      `no submissions folder with --gradescope-autograder: got ${positionals[0]}`,
    );
  }
  const passOn: string[] = [];
  for (const name of ["timeout", "memory", "seed"] as const) {
    const value = values[name];
    if (value !== undefined) passOn.push(`--${name}`, value);
  }
  return { out: resolve(out), rubric: values.rubric, passOn };
}

async function zipAvailable(): Promise<void> {
  try {
    await run("zip", ["-v"]);
  } catch {
    throw new GradescopeUsageError(
      "the `zip` command is not installed: install it (Debian, Ubuntu: apt-get install zip) and run this again",
    );
  }
}

/** Builds the zip described in the module's comment at `argv`'s --gradescope-autograder path. */
async function buildAutograderZip(argv: string[]): Promise<string> {
  const options = zipOptions(argv);
  await zipAvailable();
  const stage = await mkdtemp(join(tmpdir(), "logreg-gradescope-"));
  try {
    for (const script of ["setup.sh", "run_autograder"]) {
      await copyFile(join(scripts, script), join(stage, script));
      await chmod(join(stage, script), 0o755);
    }
    for (const entry of kitEntries) {
      await cp(join(root, entry), join(stage, "kit", entry), { recursive: true });
    }
    const passOn = [...options.passOn, "--jobs", "1"];
    if (options.rubric) {
      // Read here, so a missing rubric fails now rather than on Gradescope; checked there.
      await writeFile(join(stage, "kit", "rubric.json"), await readFile(options.rubric));
      passOn.push("--rubric", "rubric.json");
    }
    await writeFile(join(stage, "grade-options"), passOn.map((option) => `${option}\n`).join(""));
    await writeFile(join(stage, "node-version"), `${process.version}\n`);
    await rm(options.out, { force: true });
    // -X: without the extra fields of owner ids and Unix times: nothing of this machine's users.
    await run("zip", ["-q", "-r", "-X", options.out, "."], { cwd: stage });
    return options.out;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** True when the command line asks for the autograder zip rather than a grading run. */
export function wantsAutograderZip(argv: string[]): boolean {
  return argv.some((arg) => arg.split("=")[0] === "--gradescope-autograder");
}

/**
 * The `--gradescope-autograder` command: builds the zip and returns the exit status, 0 when it
 * was written, 2 on a mistake in the command line or a missing `zip` (printed without a trace).
 */
export async function autograderZipCommand(argv: string[]): Promise<number> {
  try {
    const zip = await buildAutograderZip(argv);
    console.error(`wrote ${zip}: upload it as the assignment's autograder (docs/instructors.md)`);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (error instanceof GradescopeUsageError || code.startsWith("ERR_PARSE_ARGS")) {
      console.error(`grade: ${(error as Error).message}\n\n${gradescopeUsage}`);
      return 2;
    }
    if (code === "ENOENT" && (error as NodeJS.ErrnoException).path) {
      console.error(`grade: no such file: ${(error as NodeJS.ErrnoException).path}`);
      return 2;
    }
    throw error;
  }
}
