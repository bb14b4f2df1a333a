/**
 * The data benchmark: times and peak memory of loading + feature engineering + standardization
 * (`loadBankCsv` → `fitFeatures` → `transform`), against a baseline measured in the same run
 * (csv-parse alone, reading every record and keeping nothing), on the real bank.csv and on a
 * generated 1,000,000-row bank-shaped file; and the loader's time and peak memory on generated
 * hostile files of 200 MB each (issue #23): every row invalid (Kaggle and UCI-style layout),
 * one-field (ragged) records, blank lines, and rows whose line endings alternate \n, \r\n and
 * \r. Each is refused or read; the goal is under 30 s each, and for the refused ones a peak RSS
 * that does not grow with the file.
 * Each measurement runs in a fresh Node process so that its peak RSS is its own. Prints figures;
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
  --hostile-mb N  size of each generated hostile file, in MB (default 200; 0 skips them):
                every row invalid (Kaggle and UCI-style layout), one-field records, blank
                lines, mixed line endings;
                the loader's time and peak RSS on each (bound for the refused: 300 MiB)
  -h, --help    show this help
`;

/** The bound on the loader's peak RSS for a file it refuses, whatever its size. */
const REFUSED_RSS_BOUND_MIB = 300;

/** The time goal for loading any file of --hostile-mb MB, refused or read (issue #23). */
const HOSTILE_GOAL_S = 30;

type Stage = "parse" | "load" | "pipeline" | "hostile";
interface Measurement {
  stage: Stage;
  /** Wall-clock milliseconds per run. */
  runs: number[];
  /** CPU milliseconds (user + system, all threads: JIT and GC included) per run. */
  cpu: number[];
  rows: number;
  features: number;
  /** For "hostile": "read", or the kind of the DataError that refused the file. */
  outcome?: string;
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

/** Loads a hostile file: its rows read, or the DataError's kind and invalid rows. */
async function loadHostile(path: string): Promise<{ rows: number; outcome: string }> {
  try {
    return { rows: (await loadBankCsv(path)).table.rows, outcome: "read" };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { rows: error.invalidRows, outcome: error.kind };
  }
}

async function measureOnce(stage: Stage, path: string) {
  const start = performance.now();
  const cpuStart = cpuMs();
  let rows: number;
  let features = 0;
  let outcome: string | undefined;
  if (stage === "parse") rows = await parseOnly(path);
  else if (stage === "hostile") ({ rows, outcome } = await loadHostile(path));
  else {
    const { table } = await loadBankCsv(path);
    rows = table.rows;
    if (stage === "pipeline") features = fitFeatures(table).transform(table).X.cols;
  }
  return { ms: performance.now() - start, cpu: cpuMs() - cpuStart, rows, features, outcome };
}

/** Child mode: one warm-up (when timing several runs), then `runs` timed runs; JSON on stdout. */
async function child(stage: Stage, path: string, runs: number) {
  if (runs > 1) await measureOnce(stage, path);
  const times: number[] = [];
  const cpu: number[] = [];
  let last: Awaited<ReturnType<typeof measureOnce>> = {
    ms: 0,
    cpu: 0,
    rows: 0,
    features: 0,
    outcome: undefined,
  };
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
    outcome: last.outcome,
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
      hostile: "loadBankCsv on a hostile file",
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

/** Writes `head`, then `block` until about `megabytes` MB, then `tail`, to `path`. */
async function writeRepeated(
  path: string,
  head: string,
  block: string,
  megabytes: number,
  tail = "",
) {
  const out = createWriteStream(path);
  out.write(head);
  for (let written = 0; written < megabytes * 1e6; written += block.length) {
    if (!out.write(block)) await once(out, "drain");
  }
  out.end(tail);
  await once(out, "finish");
  return path;
}

/** The header and the rows of a small generated bank file, each without its line break. */
function fixtureLines(rows: number, seed: number): { header: string; rows: string[] } {
  const [header, ...rest] = [...fixtureCsvChunks({ rows, seed })].join("").split("\n");
  return { header, rows: rest.filter((line) => line !== "") };
}

/** The hostile files of issue #23, each about `megabytes` MB: how to write each, and its name. */
const HOSTILE_FILES: {
  title: string;
  write: (path: string, megabytes: number) => Promise<string>;
}[] = [
  {
    title: "every row invalid (age and balance not numbers)",
    write(path, megabytes) {
      const { header, rows } = fixtureLines(2000, 3);
      const invalid = rows.map((line) =>
        line.replace(/^\d+,([^,]*,[^,]*,[^,]*,[^,]*,)-?\d+,/, "old,$1x,"),
      );
      return writeRepeated(path, `${header}\n`, `${invalid.join("\n")}\n`, megabytes);
    },
  },
  {
    title: "every row invalid, UCI-style (; and every string quoted)",
    write(path, megabytes) {
      const { header, rows } = fixtureLines(2000, 3);
      const quote = (field: string) => (/^-?\d+$/.test(field) ? field : `"${field}"`);
      const uci = (line: string) => line.split(",").map(quote).join(";");
      const invalid = rows.map((line) => uci(line.replace(/^\d+,/, "old,")));
      return writeRepeated(path, `${uci(header)}\n`, `${invalid.join("\n")}\n`, megabytes);
    },
  },
  {
    title: "one-field (ragged) records",
    write(path, megabytes) {
      const { header } = fixtureLines(1, 3);
      return writeRepeated(path, `${header}\n`, "x\n".repeat(1000), megabytes);
    },
  },
  {
    title: "blank lines between two valid rows",
    write(path, megabytes) {
      const { header, rows } = fixtureLines(200, 3);
      const [yes, no] = [rows.find((r) => r.endsWith(",yes")), rows.find((r) => r.endsWith(",no"))];
      return writeRepeated(path, `${header}\n${yes}\n`, "\n".repeat(1000), megabytes, `${no}\n`);
    },
  },
  {
    title: "valid rows, line endings alternating \\n, \\r\\n and \\r (header \\r\\n)",
    write(path, megabytes) {
      const { header, rows } = fixtureLines(3000, 3);
      const block = rows.map((row, k) => row + ["\n", "\r\n", "\r"][k % 3]).join("");
      return writeRepeated(path, `${header}\r\n`, block, megabytes);
    },
  },
];

/** Options, checked: an exit with the usage on a bad one. */
function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        real: { type: "string" },
        runs: { type: "string", default: "7" },
        rows: { type: "string", default: "1000000" },
        "hostile-mb": { type: "string", default: "200" },
        child: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench-data: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const [runs, rows, hostileMb] = [values.runs, values.rows, values["hostile-mb"]].map(Number);
  const whole = (n: number, least: number) => Number.isInteger(n) && n >= least;
  if (!whole(runs, 1) || !whole(rows, 0) || !whole(hostileMb, 0)) {
    process.stderr.write(
      "bench-data: --runs must be an integer ≥ 1, --rows and --hostile-mb integers ≥ 0\n",
    );
    process.exit(2);
  }
  const realDefault = resolve(process.env.BANK_CSV ?? "../shared/data/bank.csv");
  const real = values.real ?? (existsSync(realDefault) ? realDefault : FIXTURE_PATH);
  return { runs, rows, hostileMb, real, child: values.child as Stage | undefined };
}

/** Runs `body` with a fresh temporary directory, deleted after. */
async function inTemporaryDirectory(body: (directory: string) => Promise<void>) {
  const directory = mkdtempSync(join(tmpdir(), "logreg-bench-"));
  try {
    await body(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The load averages over 1, 5 and 15 minutes, as `uptime` shows them: the machine is shared. */
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** The hostile files, one at a time: written, loaded in a child, reported, deleted. */
async function benchHostile(megabytes: number) {
  process.stdout.write(
    `\nHostile files of about ${megabytes} MB, one run each (goal: refused or read in under ${HOSTILE_GOAL_S} s; ` +
      `peak RSS of a refused file within ${REFUSED_RSS_BOUND_MIB} MiB)\n`,
  );
  for (const [k, file] of HOSTILE_FILES.entries()) {
    await inTemporaryDirectory(async (directory) => {
      const path = await file.write(join(directory, `hostile-${k}.csv`), megabytes);
      const m = measureInChild("hostile", path, 1);
      const mib = (statSync(path).size / 2 ** 20).toFixed(1);
      const seconds = m.runs[0] / 1000;
      const what =
        m.outcome === "read"
          ? `read: ${m.rows.toLocaleString("en")} rows`
          : `refused (DataError "${m.outcome}", ${m.rows.toLocaleString("en")} invalid rows)`;
      const rss =
        m.outcome === "read"
          ? ""
          : m.maxRssMiB < REFUSED_RSS_BOUND_MIB
            ? " (within the bound)"
            : " (ABOVE the bound)";
      process.stdout.write(
        `  ${file.title}, ${mib} MiB: ${what} in ${seconds.toFixed(2)} s wall (${seconds < HOSTILE_GOAL_S ? "under" : "ABOVE"} the goal), ` +
          `${(m.cpu[0] / 1000).toFixed(2)} s CPU, peak RSS ${m.maxRssMiB.toFixed(0)} MiB${rss}; load average ${loadAverage()}\n`,
      );
    });
  }
}

async function main() {
  const { runs, rows, hostileMb, real, child: stage } = parseOptions();
  if (stage) return child(stage, real, runs);
  const load = loadAverage();
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
    await inTemporaryDirectory(async (directory) => {
      const started = performance.now();
      const big = await writeGenerated(rows, directory);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n(generated ${rows.toLocaleString("en")} rows in ${seconds} s)`);
      report(
        `Generated bank-shaped file, one run each`,
        big,
        stages.map((s) => measureInChild(s, big, 1)),
      );
    });
  }
  if (hostileMb > 0) await benchHostile(hostileMb);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(3);
}
