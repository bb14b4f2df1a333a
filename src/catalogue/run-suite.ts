import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Blame } from "../suite/blame-line.js";
import { fileFailed, firstFailure, type JsonReport } from "./first-failure.js";

/** What one run of the model property suite against one module came to. */
export interface SuiteOutcome {
  /** Tests run, and how many of them failed. */
  total: number;
  failed: number;
  /** The first failing test in the article's step order ("2-cost: <test name>"), or null. */
  firstFailure: string | null;
  /** The first failure's message, as vitest reported it (null without a failing test). */
  message: string | null;
  /** What the first failure's message blames (its "blames" line), or null without one. */
  blame: Blame | null;
  /** Wall time of the whole vitest run, in seconds. */
  seconds: number;
  /** Set when vitest produced no usable report (crash, timeout, config error): what happened. */
  error?: string;
}

export interface SuiteOptions {
  /** The project root: where vitest.config.ts and node_modules/.bin/vitest are. */
  root: string;
  /** vitest's --maxWorkers for this run. */
  maxWorkers: number;
  /** The run is killed, and reported as an error, after this many milliseconds. */
  timeoutMs: number;
  /** fast-check's seed for every property (PROPERTY_SEED), so that a run can be repeated. */
  seed: number;
}

/**
 * The environment of one suite run: the caller's, with LOGREG_IMPL naming the module and
 * PROPERTY_SEED the seed; PROPERTY_RUNS and PROPERTY_PATH are dropped, so that every property
 * runs its default number of times from the start of the seed's sequence, whatever the shell has set.
 */
export function suiteEnvironment(
  base: NodeJS.ProcessEnv,
  modulePath: string,
  seed: number,
): NodeJS.ProcessEnv {
  // In the test's own thread, as the catalogue's docs were made (LOGREG_IMPL runs default to the watchdog).
  const env: NodeJS.ProcessEnv = {
    ...base,
    LOGREG_IMPL: modulePath,
    LOGREG_WATCHDOG: "0",
    PROPERTY_SEED: String(seed),
  };
  delete env.PROPERTY_RUNS;
  delete env.PROPERTY_PATH;
  return env;
}

/**
 * Runs `vitest run --project LOGREG_IMPL` with LOGREG_IMPL=<modulePath> (the model properties,
 * see vitest.config.ts) and PROPERTY_SEED=<options.seed> (see {@link suiteEnvironment}) and its
 * JSON reporter, and reads the report: the failing test that comes
 * first in the article's step order — files by their step-numbered names, tests in the order
 * they are declared — is the property that caught the module.
 */
export async function runSuite(modulePath: string, options: SuiteOptions): Promise<SuiteOutcome> {
  const scratch = await mkdtemp(join(tmpdir(), "logreg-mutants-"));
  const reportPath = join(scratch, "report.json");
  const started = performance.now();
  try {
    const { code, stderr } = await vitest(
      [
        "run",
        "--project=LOGREG_IMPL",
        "--reporter=json",
        `--outputFile=${reportPath}`,
        `--maxWorkers=${options.maxWorkers}`,
      ],
      { ...options, env: suiteEnvironment(process.env, modulePath, options.seed) },
    );
    const seconds = (performance.now() - started) / 1000;
    const report = await readReport(reportPath);
    if (report === null || (code !== 0 && report.numFailedTests === 0 && !fileFailed(report))) {
      const why = code === null ? `timed out after ${options.timeoutMs / 1000} s` : `exit ${code}`;
      return {
        total: 0,
        failed: 0,
        firstFailure: null,
        message: null,
        blame: null,
        seconds,
        error: `${why}: ${lastLines(stderr)}`,
      };
    }
    return { ...firstFailure(report), seconds };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function readReport(path: string): Promise<JsonReport | null> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as JsonReport;
  } catch {
    return null;
  }
}

function vitest(
  args: string[],
  options: SuiteOptions & { env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(options.root, "node_modules", ".bin", "vitest"), args, {
      cwd: options.root,
      env: options.env,
      stdio: ["ignore", "ignore", "pipe"],
      timeout: options.timeoutMs,
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ") || "(no output)";
}
