import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseNumber } from "../data/cells.js";
import { UsageError } from "../train/cli.js";

/** The experiments `npm run experiment` knows, in the order the docs present them. */
export const EXPERIMENT_NAMES = ["learning-rate", "scaling", "clipping", "vectorization"] as const;
export type ExperimentName = (typeof EXPERIMENT_NAMES)[number];

/** The learning rates of the `learning-rate` sweep unless `--alphas` names others. */
export const DEFAULT_ALPHAS = [0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10] as const;

/** Everything that determines an experiment's numbers (recorded in report.json as `config`). */
export interface ExperimentConfig {
  experiment: ExperimentName;
  /** The data file, as given (relative paths are relative to the working directory). */
  data: string;
  epochs: number;
  /** The learning rates swept (learning-rate) or used for every run (the others: 0.1). */
  alphas: number[];
}

export type ExperimentCommand =
  { kind: "help" } | { kind: "run"; config: ExperimentConfig; out: string; quiet: boolean };

/** Epochs per run unless `--epochs` says otherwise: the article's 1000; vectorization times 100. */
export function defaultEpochs(name: ExperimentName): number {
  return name === "vectorization" ? 100 : 1000;
}

export const EXPERIMENT_USAGE = `Usage: npm run experiment -- <name> [options]
       npx tsx scripts/experiment.ts <name> [options]

Runs one of the article's lessons as an experiment and writes report.md, report.json and its
SVG pictures to the output directory (atomically, as npm run train does).

Experiments:
  learning-rate   gradient descent from zero for each α of a sweep: loss curves, divergence,
                  the gap to the exact optimum (Newton)
  scaling         the same run with standardized, unscaled and min-max scaled features
  clipping        the article's clipped cost (σ clipped to [1e-15, 1 − 1e-15]) against the
                  exact cost, along the article's run and at saturated logits
  vectorization   time per epoch over growing m: the per-example loop, the vectorized and the
                  fast (WebAssembly) implementation, with their final weights compared

Options:
  --data <csv>        data file (default: fixtures/bank.csv, the synthetic twin)
  --out <dir>         output directory (default: reports/experiments/<name>)
  --epochs <integer>  epochs per run, 1 to 1000000 (default: 1000; vectorization: 100)
  --alphas <a,b,…>    learning-rate only: the α to sweep, each a finite number > 0
                      (default: ${DEFAULT_ALPHAS.join(",")})
  --quiet             print nothing but errors and the output path
  -h, --help          show this help

Exit codes: 0 done (a diverged run is a result, not a failure); 2 usage error; 3 bad input (a
data file the pipeline rejects); 4 any other failure (an output folder that cannot be created
or written, or that this tool did not create).`;

const options = {
  data: { type: "string" },
  out: { type: "string" },
  epochs: { type: "string" },
  alphas: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Parses `npm run experiment`'s arguments (node:util parseArgs, strict): one experiment name
 * and the options. `defaultData` is the fixture's path. Throws a UsageError naming the option,
 * the value and what was expected.
 */
export function parseExperimentCommand(
  argv: readonly string[],
  defaultData: string,
): ExperimentCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split(". To specify")[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `name an experiment: one of ${EXPERIMENT_NAMES.join(", ")}`
        : `one experiment at a time, not ${positionals.length} (${positionals.join(" ")})`,
    );
  }
  const name = positionals[0];
  if (!(EXPERIMENT_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(
      `unknown experiment ${JSON.stringify(name)}: expected one of ${EXPERIMENT_NAMES.join(", ")}`,
    );
  }
  const experiment = name as ExperimentName;
  if (values.alphas !== undefined && experiment !== "learning-rate") {
    throw new UsageError(`--alphas is used only with learning-rate, not ${experiment}`);
  }
  const config: ExperimentConfig = {
    experiment,
    data: existingFile(values.data ?? defaultData),
    epochs: epochCount(values.epochs, defaultEpochs(experiment)),
    alphas: experiment === "learning-rate" ? alphaList(values.alphas) : [0.1],
  };
  const out = values.out ?? `reports/experiments/${experiment}`;
  if (out.trim() === "") throw new UsageError('--out "": expected a folder path');
  return { kind: "run", config, out, quiet: values.quiet ?? false };
}

function epochCount(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = parseNumber(text);
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) {
    throw new UsageError(
      `--epochs ${JSON.stringify(text)}: expected an integer from 1 to 1000000, in decimal notation`,
    );
  }
  return value;
}

/** The `--alphas` list: comma-separated finite numbers > 0, no repeats; the default sweep if absent. */
function alphaList(text: string | undefined): number[] {
  if (text === undefined) return [...DEFAULT_ALPHAS];
  const alphas = text.split(",").map((item) => {
    const value = parseNumber(item);
    if (!Number.isFinite(value) || value <= 0) {
      throw new UsageError(
        `--alphas ${JSON.stringify(text)}: ${JSON.stringify(item)} is not a finite number > 0 in decimal notation`,
      );
    }
    return value;
  });
  const repeated = alphas.find((alpha, k) => alphas.indexOf(alpha) !== k);
  if (repeated !== undefined) {
    throw new UsageError(`--alphas ${JSON.stringify(text)}: ${repeated} is named twice`);
  }
  return alphas;
}

/** `--data`'s path when it is a file (links followed); else a usage error saying why not. */
function existingFile(path: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--data ${path}: ${code === "ENOENT" ? "no such file" : `cannot look at it (${(error as Error).message})`}`,
    );
  }
  if (!isFile) throw new UsageError(`--data ${path}: not a file`);
  return path;
}
