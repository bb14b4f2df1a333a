import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DataError, FIXTURE_PATH, printable } from "../data/index.js";
import { optimumNote } from "../optimum/index.js";
import { OutputError, prepareOutput } from "../publish/atomic-write.js";
import { divergenceOf } from "./divergence.js";
import { EXIT, parseCommandLine, USAGE, UsageError } from "./cli.js";
import type { Command } from "./cli.js";
import type { Publication } from "../publish/atomic-write.js";
import { InputError } from "./input-error.js";
import { guardOutput, StdoutFailed } from "./output-guard.js";
import type { OutputGuard } from "./output-guard.js";
import { LOSS_CURVE_FILE, renderMarkdown } from "./markdown.js";
import { runPipeline } from "./pipeline.js";
import { progressReporter, terminalLossCurve, verbosityOf } from "./progress.js";
import type { Output, Verbosity } from "./progress.js";
import type { Report, RunMetadata } from "./report.js";
import { renderLossCurveSvg } from "./svg.js";
import type { LossCurve } from "./svg.js";
import { verifyReport } from "./verify.js";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The train script: parses `argv`, runs the pipeline (or `--verify`), writes the report
 * atomically and returns the exit code. Never throws: usage errors print the message and the
 * usage (exit 2), data errors print the pipeline's message as it is (exit 3), anything else its
 * message without a stack trace (exit 4). A write error on stdout or stderr gives exit 4 (a
 * diverged run still 5) and one line on the other stream (src/train/output-guard.ts); when
 * stdout fails before the report is published, nothing is published.
 */
export async function main(
  argv: readonly string[],
  output: Output = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const guard = guardOutput(output);
  const { code, published } = await run(argv, output, guard);
  return guard.conclude(code, published);
}

/** main without the write-error guard: the exit code, and where the report was published. */
async function run(
  argv: readonly string[],
  output: Output,
  guard: OutputGuard,
): Promise<{ code: number; published?: string }> {
  let command: Command;
  try {
    command = parseCommandLine(argv, relative(process.cwd(), FIXTURE_PATH));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.stderr.write(`error: ${printableLines(error.message)}\n\n${USAGE}\n`);
    return { code: EXIT.usage };
  }
  try {
    if (command.kind === "help") {
      output.stdout.write(`${USAGE}\n`);
      return { code: EXIT.ok };
    }
    if (command.kind === "verify") return { code: await verifyReport(command, output) };
    const code = await train(command, argv, output, guard);
    const published = code === EXIT.ok || code === EXIT.diverged ? command.out : undefined;
    return { code, published };
  } catch (error) {
    if (error instanceof StdoutFailed) return { code: EXIT.failure };
    if (error instanceof DataError || error instanceof InputError) {
      output.stderr.write(`${printableLines(error.message)}\n`);
      return { code: EXIT.data };
    }
    const message = error instanceof Error ? error.message : String(error);
    output.stderr.write(`error: ${printable(message)}\n`);
    return { code: EXIT.failure };
  }
}

/** `text` for a terminal, line by line: control and direction characters escaped (printable). */
function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

async function train(
  command: Extract<Command, { kind: "train" }>,
  argv: readonly string[],
  output: Output,
  guard: OutputGuard,
): Promise<number> {
  let publication;
  try {
    publication = await prepareOutput(command.out);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    output.stderr.write(
      `error: ${error.message}\n(checked before training: nothing was trained or written)\n`,
    );
    return EXIT.failure;
  }
  try {
    return await trainInto(publication, command, argv, output, guard);
  } catch (error) {
    await publication.discard();
    throw error;
  }
}

async function trainInto(
  publication: Publication,
  command: Extract<Command, { kind: "train" }>,
  argv: readonly string[],
  output: Output,
  guard: OutputGuard,
): Promise<number> {
  const startedAt = new Date();
  const verbosity = verbosityOf(output, command.quiet);
  const progress = progressReporter(output, verbosity);
  const stepsMs: Record<string, number> = {};
  let step = { name: "", start: performance.now() };
  const endStep = () => {
    if (step.name) stepsMs[step.name] = Math.round(performance.now() - step.start);
  };
  const timed = {
    ...progress,
    step(name: string) {
      endStep();
      step = { name, start: performance.now() };
      progress.step(name);
    },
  };
  const { report, trainingMs, firstDifference } = await runPipeline(command.config, timed).finally(
    progress.finish,
  );
  endStep();
  const run: RunMetadata = {
    note: "Run metadata: differs from run to run; not covered by --verify or the byte-identity guarantee.",
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(Date.now() - startedAt.getTime()),
    trainingMs: Math.round(trainingMs * 10) / 10,
    epochsPerSecond: Math.round((command.config.epochs / trainingMs) * 1000),
    stepsMs,
    host: hostname(),
    platform: `${process.platform} ${process.arch}`,
    versions: versions(),
    gitCommit: gitCommit(),
    command: ["tsx scripts/train.ts", ...argv].join(" "),
  };
  const json = `${JSON.stringify({ ...report, run }, null, 2)}\n`;
  const parsed = JSON.parse(json) as Report;
  // The progress could not be written: stop before publishing (the fresh folder is removed).
  if ((await guard.failure())?.stream === "stdout") throw new StdoutFailed();
  await publication.publish([
    { name: LOSS_CURVE_FILE, content: renderLossCurveSvg(lossCurve(parsed)) },
    { name: "report.md", content: renderMarkdown(parsed) },
    { name: "report.json", content: json },
  ]);
  if (firstDifference !== undefined) {
    output.stdout.write(
      firstDifference === null
        ? "src/impl against the reference, steps 5, 6, 7 and 9: the same to rounding\n"
        : `src/impl against the reference: ${firstDifference}\n`,
    );
  }
  if (verbosity !== "quiet") output.stdout.write(summary(parsed, verbosity));
  output.stdout.write(`${printable(command.out)}\n`);
  return divergenceOf(parsed) === null ? EXIT.ok : EXIT.diverged;
}

/**
 * The picture of a report's loss curve: the optimum line only if Newton converged, otherwise a
 * note saying why there is none (skipped, or not converged).
 */
export function lossCurve(report: Report): LossCurve {
  const { optimum } = report;
  return {
    title: `Loss curve: ${basename(report.config.data)}, α = ${report.config.alpha}`,
    costHistory: report.training.costHistory,
    optimum: "skipped" in optimum || !optimum.converged ? null : optimum.cost,
    optimumNote: "skipped" in optimum ? optimum.skipped : optimumNote(optimum),
  };
}

/** The terminal's line on the exact optimum: its cost and gap, or why there is none. */
function optimumLine({ optimum }: Report): string {
  if ("skipped" in optimum) return optimum.skipped;
  const note = optimum.converged ? "" : `, ${optimumNote(optimum)}`;
  return `optimum (Newton, ${optimum.iterations} iterations${note}): ${optimum.cost} (gap ${fixed(optimum.gap.cost, 3, "toExponential")})`;
}

function summary(report: Report, verbosity: Verbosity): string {
  const history = report.training.costHistory;
  const { test, baseline } = report.evaluation;
  const checks = Object.values(report.verification).every((check) => check.passed);
  const divergence = divergenceOf(report);
  return [
    ...(verbosity === "terminal" ? ["", terminalLossCurve(history), ""] : []),
    `cost after epoch 1: ${history[0]}`,
    `cost after epoch ${history.length}: ${history[history.length - 1]}`,
    optimumLine(report),
    `test: accuracy ${fixed(test.accuracy)} (baseline ${fixed(baseline.accuracy)}), ROC AUC ${fixed(test.rocAuc)}, log-loss ${fixed(test.logLoss)}`,
    `verification at the trained point: ${checks ? "all checks passed" : "FAILED (see report.md)"}`,
    ...(divergence === null
      ? []
      : [`TRAINING DIVERGED (exit code 5): ${divergence.replace("training diverged: ", "")}`]),
    "report written to:",
    "",
  ].join("\n");
}

/** Node.js, the kit and the packages that compute numbers in the report, with their versions. */
function versions(): Record<string, string> {
  const version = (manifest: string) => {
    try {
      return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    } catch {
      return "unknown";
    }
  };
  const packages = [
    "csv-parse",
    "@stdlib/math-base-special-expit",
    "@stdlib/math-base-special-log1pexp",
  ];
  return {
    node: process.versions.node,
    "logreg-lab": version(resolve(repositoryRoot, "package.json")),
    ...Object.fromEntries(
      packages.map((name) => [
        name,
        version(resolve(repositoryRoot, "node_modules", name, "package.json")),
      ]),
    ),
  };
}

/** A figure for the terminal; JSON's null (a non-finite or undefined number) as "—". */
function fixed(
  value: number | null,
  digits = 4,
  style: "toFixed" | "toExponential" = "toFixed",
): string {
  return typeof value === "number" ? value[style](digits) : "—";
}

/** The commit the kit is at, when it is a git checkout (else null). */
function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: repositoryRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}
