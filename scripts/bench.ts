/**
 * `npm run bench` — how fast each implementation trains, side by side. See `--help`.
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DataError, FIXTURE_PATH, fitFeatures, loadBankCsv } from "../src/data/index.js";
import { hasNumpy, runNumpy, writeMatrix } from "./bench/numpy.js";
import type { NumpyRun } from "./bench/numpy.js";
import { COLUMN_COUNTS, ROW_COUNTS, measure } from "./bench/scaling.js";
import type { ScalingPoint } from "./bench/scaling.js";
import { median, timed } from "./bench/timing.js";
import { IMPLEMENTATIONS, variants } from "./bench/variants.js";
import type { Implementation } from "./bench/variants.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REAL_DATA = resolve(root, "../shared/data/bank.csv");
/** The article's Python loop (per-example gradient), 1000 epochs on bank.csv: documented, not run
 * (scaled linearly to --epochs for the ratio). */
const ARTICLE_PYTHON_LOOP_SECONDS = 52;

const USAGE = `usage: npm run bench -- [options]

Times batch gradient descent (cost recorded after every epoch, as the article does) on the bank
data for: impl loop, impl vectorized (src/impl), reference loop, reference vectorized
(src/reference), fast (src/fast: a fused WebAssembly SIMD pass) and, with --numpy, the
article's numpy code on the same matrix. Runs are interleaved across variants; medians,
epochs/s, ratio to fastest. Then the fast kernel's scaling with rows and columns (synthetic
bank-shaped data, each point in its own process, with its peak RSS).

options:
  --data <csv>      bank CSV (default: ../shared/data/bank.csv when present, else the fixture)
  --epochs <n>      epochs per training run (default 1000)
  --alpha <a>       learning rate (default 0.1)
  --runs <n>        timed runs per variant and per scaling point (default 5)
  --impl <name>     time only that implementation's variants: impl, reference or fast
                    (repeatable; default all three)
  --numpy           also time the numpy baseline (scripts/bench/numpy_baseline.py)
  --python <path>   python with numpy for --numpy (default /usr/bin/python3)
  --no-scaling      skip the scaling tables
  --json            print the results as one JSON object instead of tables
  -h, --help        this text

exit status: 0 done, 2 usage error, 3 data error, 4 other failure`;

class UsageError extends Error {}

function positive(name: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw new UsageError(
      `--${name} must be a positive ${integer ? "integer" : "number"}, got "${text}"`,
    );
  }
  return value;
}

function implementation(text: string): Implementation {
  const known: readonly string[] = IMPLEMENTATIONS;
  if (!known.includes(text)) {
    throw new UsageError(`--impl must be one of ${IMPLEMENTATIONS.join(", ")}, got "${text}"`);
  }
  return text as Implementation;
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: "string" },
      epochs: { type: "string", default: "1000" },
      alpha: { type: "string", default: "0.1" },
      runs: { type: "string", default: "5" },
      impl: { type: "string", multiple: true },
      numpy: { type: "boolean", default: false },
      python: { type: "string", default: "/usr/bin/python3" },
      "no-scaling": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  return {
    help: values.help,
    data: values.data ?? (existsSync(REAL_DATA) ? REAL_DATA : FIXTURE_PATH),
    epochs: positive("epochs", values.epochs, true),
    alpha: positive("alpha", values.alpha, false),
    runs: positive("runs", values.runs, true),
    implementations: (values.impl ?? [...IMPLEMENTATIONS]).map(implementation),
    numpy: values.numpy,
    python: values.python,
    scaling: !values["no-scaling"],
    json: values.json,
  };
}

interface VariantResult {
  name: string;
  seconds: number[];
  median: number;
  /** Median CPU seconds of the process (all its threads): numpy's BLAS may use both cores. */
  cpuMedian: number;
  epochsPerSecond: number;
  ratioToFastest: number;
  finalCost: number;
}

async function bench(options: ReturnType<typeof parse>) {
  const log = (text: string) => options.json || process.stderr.write(`${text}\n`);
  const { table, audit } = await loadBankCsv(options.data);
  const { X, y } = fitFeatures(table).transform(table);
  const { epochs, alpha, runs } = options;
  const timedVariants = variants.filter((v) => options.implementations.includes(v.implementation));
  log(`data: ${relative(process.cwd(), options.data)}, X ${X.rows} × ${X.cols}; timing…`);

  const timings = timeVariants(options, timedVariants, X, y, log);
  const results = variantResults(timedVariants, timings, epochs);
  const byName = (name: string) => results.find((r) => r.name.startsWith(name));
  const kernel = byName("fast");
  const numpyResult = byName("numpy");
  const implLoop = byName("impl loop");

  const scaling = options.scaling ? scalingTables(Math.min(runs, 3), log) : undefined;
  return {
    data: {
      path: relative(process.cwd(), options.data),
      sha256: audit.sha256,
      rows: X.rows,
      cols: X.cols,
    },
    training: {
      epochs,
      alpha,
      runs,
      implementations: options.implementations,
      costEveryEpoch: true,
      interleaved: true,
    },
    machine: {
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      node: process.version,
      loadAverageAtEnd: loadavg()[0],
    },
    variants: results,
    failed: Object.fromEntries(timings.failed),
    kernelOverNumpy: kernel && numpyResult ? kernel.median / numpyResult.median : undefined,
    implLoopSpeedupOverArticlePythonLoop: implLoop
      ? {
          documentedSeconds: ARTICLE_PYTHON_LOOP_SECONDS,
          ratio: (ARTICLE_PYTHON_LOOP_SECONDS * (epochs / 1000)) / implLoop.median,
        }
      : undefined,
    scaling,
  };
}

type Variant = (typeof variants)[number];
type Data = ReturnType<ReturnType<typeof fitFeatures>["transform"]>;

/**
 * `runs` rounds, each timing every variant once (interleaved, so that a slow moment of the
 * machine falls on all of them) and the article's numpy when asked. A variant that throws (a
 * stubbed or broken src/impl) is recorded in `failed` and not timed again.
 */
function timeVariants(
  options: ReturnType<typeof parse>,
  timedVariants: Variant[],
  X: Data["X"],
  y: Float64Array,
  log: (text: string) => void,
) {
  const { epochs, alpha, runs } = options;
  const numpy = options.numpy ? numpySession(options.python, X, y) : undefined;
  const seconds = new Map<string, number[]>(timedVariants.map((v) => [v.name, []]));
  const cpuSeconds = new Map<string, number[]>(timedVariants.map((v) => [v.name, []]));
  const finalCost = new Map<string, number>();
  const failed = new Map<string, string>();
  const numpySeconds: number[] = [];
  const numpyCpuSeconds: number[] = [];
  let numpyRun: NumpyRun | undefined;
  try {
    for (let run = 0; run < runs; run++) {
      for (const variant of timedVariants.filter((v) => !failed.has(v.name))) {
        try {
          const timing = timed(() => variant.train(X, y, epochs, alpha));
          seconds.get(variant.name)?.push(timing.seconds);
          cpuSeconds.get(variant.name)?.push(timing.cpuSeconds);
          finalCost.set(variant.name, timing.value);
        } catch (error) {
          failed.set(variant.name, error instanceof Error ? error.message : String(error));
        }
      }
      if (numpy) {
        numpyRun = numpy.run({ epochs, alpha });
        numpySeconds.push(...numpyRun.seconds);
        numpyCpuSeconds.push(...numpyRun.cpuSeconds);
      }
      log(`  round ${run + 1}/${runs} done`);
    }
  } finally {
    numpy?.remove();
  }
  return { seconds, cpuSeconds, finalCost, failed, numpyRun, numpySeconds, numpyCpuSeconds };
}

/** Each timed variant (and numpy) with its medians, speed and ratio to the fastest. */
function variantResults(
  timedVariants: Variant[],
  timings: ReturnType<typeof timeVariants>,
  epochs: number,
): VariantResult[] {
  const { seconds, cpuSeconds, finalCost, failed, numpyRun } = timings;
  const rows = timedVariants
    .filter((v) => !failed.has(v.name))
    .map((v) => ({
      name: v.name,
      seconds: seconds.get(v.name) ?? [],
      cpuSeconds: cpuSeconds.get(v.name) ?? [],
    }));
  if (numpyRun) {
    const name = `numpy ${numpyRun.numpy} (article)`;
    rows.push({ name, seconds: timings.numpySeconds, cpuSeconds: timings.numpyCpuSeconds });
  }
  const medians = rows.map((row) => median(row.seconds));
  const fastest = Math.min(...medians);
  return rows.map((row, k) => ({
    name: row.name,
    seconds: row.seconds,
    median: medians[k],
    cpuMedian: median(row.cpuSeconds),
    epochsPerSecond: epochs / medians[k],
    ratioToFastest: medians[k] / fastest,
    finalCost: finalCost.get(row.name) ?? numpyRun?.finalCost ?? NaN,
  }));
}
function numpySession(python: string, X: Parameters<typeof writeMatrix>[0], y: Float64Array) {
  if (!hasNumpy(python)) {
    throw new UsageError(
      `--numpy: ${python} cannot import numpy (Debian: apt-get install python3-numpy)`,
    );
  }
  const written = writeMatrix(X, y);
  return {
    run: (training: { epochs: number; alpha: number }) =>
      runNumpy(python, written.files, { rows: X.rows, cols: X.cols }, training, 1),
    remove: written.remove,
  };
}

function scalingTables(runs: number, log: (text: string) => void) {
  const points = (sizes: [number, number][]): ScalingPoint[] =>
    sizes.map(([rows, cols]) => {
      log(`  scaling ${rows} × ${cols}…`);
      return measure(rows, cols, runs);
    });
  return {
    rows: points(ROW_COUNTS.map((rows) => [rows, 45])),
    cols: points(COLUMN_COUNTS.map((cols) => [11_162, cols])),
  };
}

type Results = Awaited<ReturnType<typeof bench>>;

function formatTables(r: Results): string {
  const pad = (cells: string[], widths: number[]) =>
    cells
      .map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k])))
      .join("  ");
  const lines = [
    `${r.training.epochs} epochs, α = ${r.training.alpha}, cost recorded after every epoch; ` +
      `${r.training.runs} interleaved runs per variant, median wall time`,
    `data: ${r.data.path} (sha256 ${r.data.sha256.slice(0, 16)}…), X ${r.data.rows} × ${r.data.cols}`,
    `machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}, ` +
      `load average ${r.machine.loadAverageAtEnd.toFixed(2)} at the end`,
    "",
  ];
  const widths = [26, 10, 10, 10, 10, 20];
  lines.push(pad(["variant", "median s", "CPU s", "epochs/s", "× fastest", "final cost"], widths));
  for (const v of [...r.variants].sort((a, b) => a.median - b.median)) {
    const cells = [
      v.name,
      v.median.toFixed(3),
      v.cpuMedian.toFixed(3),
      v.epochsPerSecond.toFixed(0),
      v.ratioToFastest.toFixed(2),
    ];
    lines.push(pad([...cells, v.finalCost.toPrecision(12)], widths));
  }
  for (const [name, reason] of Object.entries(r.failed))
    lines.push(`${name}: not timed (${reason})`);
  lines.push("");
  if (r.kernelOverNumpy !== undefined) {
    lines.push(`fast / numpy: ${r.kernelOverNumpy.toFixed(2)} (median wall times, same sitting)`);
  }
  if (r.implLoopSpeedupOverArticlePythonLoop) {
    const { documentedSeconds, ratio } = r.implLoopSpeedupOverArticlePythonLoop;
    lines.push(
      `impl loop vs the article's Python loop (${documentedSeconds} s per 1000 epochs, documented, ` +
        `not run): ${ratio.toFixed(1)}× faster`,
    );
  }
  if (r.scaling) {
    const scalingWidths = [22, 8, 10, 16, 12, 12];
    const header = [
      "X (synthetic)",
      "epochs",
      "median s",
      "ns/(elem·epoch)",
      "data MiB",
      "peak RSS MiB",
    ];
    const row = (p: ScalingPoint) => [
      `${p.rows.toLocaleString("en")} × ${p.cols}`,
      String(p.epochs),
      p.median.toFixed(3),
      p.nsPerElementEpoch.toFixed(3),
      p.dataRssMiB.toFixed(0),
      p.peakRssMiB.toFixed(0),
    ];
    lines.push("", "fast (the kernel), scaling with rows (bank-shaped, cost every epoch):");
    lines.push(
      pad(header, scalingWidths),
      ...r.scaling.rows.map((p) => pad(row(p), scalingWidths)),
    );
    lines.push("", "scaling with columns:");
    lines.push(
      pad(header, scalingWidths),
      ...r.scaling.cols.map((p) => pad(row(p), scalingWidths)),
    );
  }
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const results = await bench(options);
    process.stdout.write(
      options.json ? `${JSON.stringify(results, null, 2)}\n` : `${formatTables(results)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(
      `${error instanceof DataError ? "" : "error: "}${(error as Error).message}\n`,
    );
    return error instanceof DataError ? 3 : 4;
  }
}

process.exitCode = await main(process.argv.slice(2));
