/**
 * The data benchmark: times and peak memory of loading + feature engineering + standardization
 * (`loadBankCsv` → `fitFeatures` → `transform`), against a baseline measured in the same run
 * (csv-parse alone, reading every record and keeping nothing), on the real bank.csv and on a
 * generated 1,000,000-row bank-shaped file; and the loader's peak memory on a generated 200 MB
 * file whose every row is invalid (bounded: it must not grow with the number of bad rows). Each
 * measurement runs in a fresh Node process so that its peak RSS is its own. Prints figures;
 * asserts nothing.
 */
import { spawnSync } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
} from "node:fs";
import { once } from "node:events";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "csv-parse";
import {
  DataError,
  fitFeatures,
  FIXTURE_PATH,
  fixtureCsvChunks,
  loadBankCsv,
} from "../src/data/index.js";

const HELP = `Usage: npm run bench:data -- [options]

Times loading + features + standardization of a bank CSV (median of --runs runs after one
warm-up) and reports peak RSS, with csv-parse alone as the baseline; then the same, once, on a
generated bank-shaped file of --rows rows written to a temporary directory (deleted after).

Options:
  --real PATH   the real bank.csv (default: $BANK_CSV, else ../shared/data/bank.csv;
                the bundled fixture when neither exists)
  --runs N      timed runs on the real file (default 7)
  --rows N      rows of the generated file (default 1000000; 0 skips it)
  --invalid-mb N  size of the generated all-invalid file, in MB (default 200; 0 skips it):
                the loader's peak RSS on it, against the bound of 300 MiB
  -h, --help    show this help
`;

/** The bound on the loader's peak RSS for a file of invalid rows, whatever its size. */
const INVALID_RSS_BOUND_MIB = 300;

type Stage = "parse" | "load" | "pipeline" | "invalid";
interface Measurement {
  stage: Stage;
  /** Wall-clock milliseconds per run. */
  runs: number[];
  /** CPU milliseconds (user + system, all threads: JIT and GC included) per run. */
  cpu: number[];
  rows: number;
  features: number;
  maxRssMiB: number;
  heapUsedMiB: number;
}

/** csv-parse alone: every record parsed, none kept (the floor for any CSV loader). */
async function parseOnly(path: string): Promise<number> {
  let records = 0;
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter: "," }));
  for await (const record of parser as AsyncIterable<string[]>)
    records += record.length > 0 ? 1 : 0;
  return records - 1;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function measureOnce(stage: Stage, path: string) {
  const start = performance.now();
  const cpuStart = cpuMs();
  let rows: number;
  let features = 0;
  if (stage === "parse") rows = await parseOnly(path);
  else if (stage === "invalid") {
    // Every row is invalid: the loader must refuse the file, counting every problem.
    const error = await loadBankCsv(path).then(
      () => new Error("the all-invalid file loaded"),
      (e: unknown) => e,
    );
    if (!(error instanceof DataError) || error.kind !== "invalid-rows") throw error;
    rows = error.invalidRows;
  } else {
    const { table } = await loadBankCsv(path);
    rows = table.rows;
    if (stage === "pipeline") features = fitFeatures(table).transform(table).X.cols;
  }
  return { ms: performance.now() - start, cpu: cpuMs() - cpuStart, rows, features };
}

/** Child mode: one warm-up (when timing several runs), then `runs` timed runs; JSON on stdout. */
async function child(stage: Stage, path: string, runs: number) {
  if (runs > 1) await measureOnce(stage, path);
  const times: number[] = [];
  const cpu: number[] = [];
  let last = { ms: 0, cpu: 0, rows: 0, features: 0 };
  for (let r = 0; r < runs; r++) {
    last = await measureOnce(stage, path);
    times.push(last.ms);
    cpu.push(last.cpu);
  }
  const result: Measurement = {
    stage,
    runs: times,
    cpu,
    rows: last.rows,
    features: last.features,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(JSON.stringify(result));
}

function measureInChild(stage: Stage, path: string, runs: number): Measurement {
  const script = fileURLToPath(import.meta.url);
  const args = [
    ...process.execArgv,
    script,
    "--child",
    stage,
    "--real",
    path,
    "--runs",
    String(runs),
  ];
  const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  if (result.status !== 0) {
    process.stderr.write(`bench-data: the ${stage} measurement failed:\n${result.stderr}`);
    process.exit(1);
  }
  return JSON.parse(result.stdout) as Measurement;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function report(title: string, path: string, stages: Measurement[]) {
  const mib = (statSync(path).size / 2 ** 20).toFixed(1);
  process.stdout.write(
    `\n${title}\n  ${path} (${mib} MiB, ${stages[0].rows.toLocaleString("en")} rows)\n`,
  );
  const base = median(stages[0].runs);
  const cpuBase = median(stages[0].cpu);
  process.stdout.write(`  ${"".padEnd(31)}      wall  ratio       CPU  ratio\n`);
  for (const m of stages) {
    const t = median(m.runs);
    const c = median(m.cpu);
    const label = {
      parse: "csv-parse alone (baseline)",
      load: "loadBankCsv (validated table)",
      pipeline: "load + features + standardize",
      invalid: "loadBankCsv, every row invalid",
    }[m.stage];
    const spread =
      m.runs.length > 1
        ? ` (min ${Math.min(...m.runs).toFixed(1)}, max ${Math.max(...m.runs).toFixed(1)}, n=${m.runs.length})`
        : "";
    const features = m.features ? `, ${m.features} features` : "";
    process.stdout.write(
      `  ${label.padEnd(31)} ${t.toFixed(1).padStart(7)} ms  ×${(t / base).toFixed(2)} ${c.toFixed(1).padStart(7)} ms  ×${(c / cpuBase).toFixed(2)}  peak RSS ${m.maxRssMiB.toFixed(0).padStart(5)} MiB${features}${spread}\n`,
    );
  }
}

async function writeGenerated(rows: number, directory: string): Promise<string> {
  const path = join(directory, `bank-${rows}.csv`);
  const out = createWriteStream(path);
  for (const chunk of fixtureCsvChunks({ rows, seed: 1 })) {
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return path;
}

/** A bank-shaped file of about `megabytes` MB in which every row has an invalid age and balance. */
async function writeInvalid(megabytes: number, directory: string): Promise<string> {
  const path = join(directory, `invalid-${megabytes}MB.csv`);
  const out = createWriteStream(path);
  const [header, ...rest] = [...fixtureCsvChunks({ rows: 2000, seed: 3 })].join("").split("\n");
  const block = `${rest
    .filter((line) => line !== "")
    .map((line) => line.replace(/^\d+,([^,]*,[^,]*,[^,]*,[^,]*,)-?\d+,/, "old,$1x,"))
    .join("\n")}\n`;
  out.write(`${header}\n`);
  let written = 0;
  while (written < megabytes * 1e6) {
    if (!out.write(block)) await once(out, "drain");
    written += block.length;
  }
  out.end();
  await once(out, "finish");
  return path;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        real: { type: "string" },
        runs: { type: "string", default: "7" },
        rows: { type: "string", default: "1000000" },
        "invalid-mb": { type: "string", default: "200" },
        child: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench-data: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) return void process.stdout.write(HELP);
  const runs = Number(values.runs);
  const rows = Number(values.rows);
  const invalidMb = Number(values["invalid-mb"]);
  if (
    !Number.isInteger(runs) ||
    runs < 1 ||
    !Number.isInteger(rows) ||
    rows < 0 ||
    !Number.isInteger(invalidMb) ||
    invalidMb < 0
  ) {
    process.stderr.write(
      "bench-data: --runs must be an integer ≥ 1, --rows and --invalid-mb integers ≥ 0\n",
    );
    process.exit(2);
  }
  const realDefault = resolve(process.env.BANK_CSV ?? "../shared/data/bank.csv");
  const real = values.real ?? (existsSync(realDefault) ? realDefault : FIXTURE_PATH);
  if (values.child) return child(values.child as Stage, real, runs);

  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  process.stdout.write(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, ` +
      `load average ${load}; medians of ${runs} runs after a warm-up (wall spread in parentheses)\n`,
  );
  const name =
    real === FIXTURE_PATH ? "the fixture (real bank.csv not found)" : "the real bank.csv";
  const stages: Stage[] = ["parse", "load", "pipeline"];
  report(
    `Bank file: ${name}`,
    real,
    stages.map((s) => measureInChild(s, real, runs)),
  );
  if (rows > 0) {
    const directory = mkdtempSync(join(tmpdir(), "logreg-bench-"));
    try {
      const started = performance.now();
      const big = await writeGenerated(rows, directory);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n(generated ${rows.toLocaleString("en")} rows in ${seconds} s)`);
      report(
        `Generated bank-shaped file, one run each`,
        big,
        stages.map((s) => measureInChild(s, big, 1)),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  if (invalidMb > 0) {
    const directory = mkdtempSync(join(tmpdir(), "logreg-bench-"));
    try {
      const path = await writeInvalid(invalidMb, directory);
      const m = measureInChild("invalid", path, 1);
      const mib = (statSync(path).size / 2 ** 20).toFixed(1);
      const verdict = m.maxRssMiB < INVALID_RSS_BOUND_MIB ? "within" : "ABOVE";
      process.stdout.write(
        `\nGenerated file, every row invalid\n  ${path} (${mib} MiB, ${m.rows.toLocaleString("en")} invalid rows)\n` +
          `  loadBankCsv → DataError "invalid-rows": ${(m.runs[0] / 1000).toFixed(2)} s wall, ${(m.cpu[0] / 1000).toFixed(2)} s CPU, ` +
          `peak RSS ${m.maxRssMiB.toFixed(0)} MiB (${verdict} the bound of ${INVALID_RSS_BOUND_MIB} MiB)\n`,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(3);
}
