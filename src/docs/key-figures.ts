/**
 * The key figures of README.md and docs/report.md: what `npm run train` prints into report.json
 * for the fixture and for the real data file, taken from real runs of the train script. The
 * real file is not part of the project; where it is absent the block is neither written nor
 * checked (`keyFiguresTable` gives undefined), since half a table would be stale.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { markdownTable } from "../catalogue/table.js";
import type { Report } from "../train/report.js";

/** The data files of the table: the fixture, then the real file beside the project. */
const DATA = [
  { label: "`fixtures/bank.csv`", path: "fixtures/bank.csv" },
  { label: "`../shared/data/bank.csv` (real)", path: "../shared/data/bank.csv" },
];

/** A train run takes about 5 s here; a loaded machine may take many times that. */
const TRAIN_TIMEOUT_MS = 300_000;

/** report.json of `npm run train -- --data <path>` with every other option at its default. */
function trainReport(root: string, data: string): Report {
  const out = mkdtempSync(join(tmpdir(), "logreg-docs-train-"));
  try {
    const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
    const args = [tsx, "scripts/train.ts", "--data", data, "--out", join(out, "r"), "--quiet"];
    const run = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: "utf8",
      timeout: TRAIN_TIMEOUT_MS,
    });
    if (run.status !== 0) {
      const why = run.error?.message ?? run.stderr.trim().split("\n")[0] ?? "no message";
      throw new Error(`npm run train -- --data ${data} failed (exit ${run.status}): ${why}`);
    }
    return JSON.parse(readFileSync(join(out, "r", "report.json"), "utf8")) as Report;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const cost = (value: number) => value.toFixed(6);
const metric = (value: number | null) => (value === null ? "—" : value.toFixed(4));

/** One row: the costs along the run and at the optimum, then the held-out metrics. */
function row(label: string, report: Report): string[] {
  const history = report.training.costHistory;
  const { test, baseline } = report.evaluation;
  return [
    label,
    cost(history[0]),
    cost(history[history.length - 1]),
    "cost" in report.optimum ? cost(report.optimum.cost) : "skipped",
    `${metric(test.accuracy)} (${metric(baseline.accuracy)})`,
    metric(test.rocAuc),
    metric(test.logLoss),
  ];
}

/** The configuration the runs share, as the caption says it. */
function caption(report: Report): string {
  const { alpha, epochs, seed, testFraction } = report.config;
  return `Key figures (α = ${alpha}, ${epochs} epochs, seed ${seed}, ${testFraction * 100} % test):`;
}

/** The caption and the table, or undefined when the real data file is absent. */
export function keyFiguresTable(root: string): string | undefined {
  if (!DATA.every((data) => existsSync(resolve(root, data.path)))) return undefined;
  const reports = DATA.map((data) => trainReport(root, data.path));
  const last = reports[0].config.epochs;
  const header = [
    "data",
    "cost after epoch 1",
    `after epoch ${last}`,
    "optimum (Newton)",
    "test accuracy (baseline)",
    "test ROC AUC",
    "test log-loss",
  ];
  const rows = DATA.map((data, k) => row(data.label, reports[k]));
  return `${caption(reports[0])}\n\n${markdownTable(header, rows)}`;
}
