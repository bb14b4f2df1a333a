import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseNumber } from "../data/cells.js";

/** Which implementation of the contract trains, and with which gradient. */
export type ImplementationName = "fast" | "reference" | "impl";
export type GradientName = "loop" | "vectorized" | "default";

/** Everything that determines the numbers of a report (recorded in it as `config`). */
export interface TrainConfig {
  /** The data file, as given (relative paths are relative to the working directory). */
  data: string;
  alpha: number;
  epochs: number;
  /** "default": the implementation's gradientDescent default (vectorized, or fast's fused kernel). */
  gradient: GradientName;
  impl: ImplementationName;
  seed: number;
  testFraction: number;
  dropInvalidRows: boolean;
}

export type Command =
  | { kind: "help" }
  | { kind: "train"; config: TrainConfig; out: string; quiet: boolean }
  | { kind: "verify"; report: string; data: string | undefined; tolerance: number; quiet: boolean };

/** A command line that cannot be run: the message says why; the usage is printed with it. */
export class UsageError extends Error {
  override name = "UsageError";
}

const DEFAULT_OUT = "reports/latest";

/** Exit codes of the train script (listed in its usage). */
export const EXIT = { ok: 0, differences: 1, usage: 2, data: 3, failure: 4, diverged: 5 } as const;

export const USAGE = `Usage: npm run train -- [options]
       npx tsx scripts/train.ts [options]

Trains logistic regression on a bank-marketing CSV as the article does (zero initial weights,
batch gradient descent on all rows, standardized features), finds the exact optimum by Newton's
method, evaluates on a stratified held-out split, and writes report.json, report.md and
loss-curve.svg to the output directory.

Options:
  --data <csv>            data file (default: fixtures/bank.csv, the synthetic twin)
  --alpha <number>        learning rate α > 0 (default: 0.1)
  --epochs <integer>      gradient-descent epochs, 1 to 1000000 (default: 1000)
  --gradient <kind>       loop | vectorized (default: the implementation's own default)
  --impl <name>           fast | reference | impl: which implementation trains: src/fast (the
                          fused kernel, same w and b as the reference), src/reference (the
                          readable article) or your src/impl (default: fast)
  --out <dir>             output directory (default: ${DEFAULT_OUT}); a link to a fresh folder
                          per run, swapped in one step when the report is complete
  --seed <integer>        seed of the stratified split, 0 to 4294967295 (default: 42)
  --test-fraction <f>     share of rows held out for evaluation, 0 < f < 1 (default: 0.2)
  --drop-invalid-rows     drop invalid rows instead of failing (counted in the audit, the first
                          100 listed with their reasons)
  --quiet                 print nothing but errors and the output path
  --verify <report.json>  re-run the report's recorded configuration, check the data file's
                          SHA-256 and compare every number; writes nothing
  --tolerance <rel>       with --verify: allowed relative difference per number (default: 0)
  -h, --help              show this help

Numbers are read in decimal notation only (0.1, 1e3, -5; not 0x10, 1_000 or " 5").

Exit codes: 0 done or verified; 1 --verify found differences; 2 usage error; 3 bad input (a
data file the pipeline rejects, a report.json that cannot be verified, data too small for the
split); 4 any other failure (an output folder that cannot be created or written, or that this
tool did not create, checked before training; writing the report or to stdout or stderr; a
broken implementation); 5 training diverged
(a cost or weight became NaN or infinite, or the cost rose beyond rounding at some epoch: said
while training, recorded in the report, which is still written; --verify of such a report);
141 stdout was closed before the end (e.g. \`| head -3\`): stopped quietly, no report written.`;

const options = {
  data: { type: "string" },
  alpha: { type: "string" },
  epochs: { type: "string" },
  gradient: { type: "string" },
  impl: { type: "string" },
  out: { type: "string" },
  seed: { type: "string" },
  "test-fraction": { type: "string" },
  "drop-invalid-rows": { type: "boolean" },
  quiet: { type: "boolean" },
  verify: { type: "string" },
  tolerance: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The options --verify may be combined with (everything else comes from the report). */
const verifyCompanions = new Set(["verify", "data", "tolerance", "quiet"]);

/**
 * Parses the train script's arguments (node:util parseArgs, strict) and validates every value.
 * `defaultData` is the fixture's path. Throws {@link UsageError} with a message naming the
 * option, the value and what was expected.
 */
export function parseCommandLine(argv: readonly string[], defaultData: string): Command {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message.split(". To specify")[0]);
  }
  if (values.help) return { kind: "help" };
  const quiet = values.quiet ?? false;
  if (values.verify !== undefined) {
    const extra = Object.keys(values).filter((name) => !verifyCompanions.has(name));
    if (extra.length > 0) {
      throw new UsageError(
        `--verify re-runs the configuration recorded in the report; it takes only --data (the file's new location), --tolerance and --quiet, not ${extra.map((name) => `--${name}`).join(", ")}`,
      );
    }
    return {
      kind: "verify",
      report: existingFile("--verify", values.verify),
      data: values.data === undefined ? undefined : existingFile("--data", values.data),
      tolerance: number("--tolerance", values.tolerance ?? "0", (x) => x >= 0, "a number ≥ 0"),
      quiet,
    };
  }
  if (values.tolerance !== undefined)
    throw new UsageError("--tolerance is used only with --verify");
  const config: TrainConfig = {
    data: existingFile("--data", values.data ?? defaultData),
    alpha: number("--alpha", values.alpha ?? "0.1", (x) => x > 0, "a finite number > 0"),
    epochs: integer("--epochs", values.epochs ?? "1000", 1, 1_000_000),
    gradient:
      values.gradient === undefined
        ? "default"
        : oneOf("--gradient", values.gradient, ["loop", "vectorized"]),
    impl: oneOf("--impl", values.impl ?? "fast", ["fast", "reference", "impl"]),
    seed: integer("--seed", values.seed ?? "42", 0, 2 ** 32 - 1),
    testFraction: number(
      "--test-fraction",
      values["test-fraction"] ?? "0.2",
      (x) => x > 0 && x < 1,
      "a number strictly between 0 and 1",
    ),
    dropInvalidRows: values["drop-invalid-rows"] ?? false,
  };
  const out = values.out ?? DEFAULT_OUT;
  if (out.trim() === "") throw new UsageError('--out "": expected a folder path');
  if (existsSync(out) && !statSync(out).isDirectory()) {
    throw new UsageError(`--out ${out}: exists and is not a directory`);
  }
  return { kind: "train", config, out, quiet };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
}

function number(
  option: string,
  text: string,
  valid: (x: number) => boolean,
  expected: string,
): number {
  // Decimal notation only, as the data parser reads numbers: Number() would take "0x10" as 16.
  const value = parseNumber(text);
  if (!Number.isFinite(value) || !valid(value)) {
    throw new UsageError(
      `${option} ${JSON.stringify(text)}: expected ${expected}, in decimal notation`,
    );
  }
  return value;
}

function integer(option: string, text: string, min: number, max: number): number {
  return number(
    option,
    text,
    (x) => Number.isInteger(x) && x >= min && x <= max,
    `an integer from ${min} to ${max}`,
  );
}

function oneOf<T extends string>(option: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(
      `${option} ${JSON.stringify(text)}: expected one of ${allowed.join(", ")}`,
    );
  }
  return text as T;
}

/** `path` when it is a file (links followed); else a usage error saying what is there instead. */
function existingFile(option: string, path: string): string {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "ELOOP"
          ? "a symbolic link loop (a link that leads back to itself)"
          : `cannot look at it (${(error as Error).message})`;
    throw new UsageError(`${option} ${path}: ${why}`);
  }
  if (!stats.isFile()) throw new UsageError(`${option} ${path}: not a file`);
  return path;
}
