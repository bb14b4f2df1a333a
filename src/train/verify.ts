import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { EXIT, parseCommandLine, UsageError } from "./cli.js";
import type { Command, TrainConfig } from "./cli.js";
import { compareReports } from "./compare-reports.js";
import { InputError } from "./input-error.js";
import { divergenceOf } from "./divergence.js";
import { runPipeline } from "./pipeline.js";
import { progressReporter, verbosityOf } from "./progress.js";
import type { Output } from "./progress.js";
import { SCHEMA_VERSION } from "./report.js";
import type { Report } from "./report.js";

/** How many differences are printed before "… and N more". */
const LISTED_DIFFERENCES = 20;

/**
 * `--verify <report.json>`: re-runs the configuration recorded in the report (with the data
 * file at `--data` if it has moved), after checking that the file's SHA-256 is the recorded
 * one, and compares every value of the fresh report with the recorded one (all but `run`).
 * Writes nothing. Returns 0 when everything agrees, 1 (with the differences) otherwise.
 */
export async function verifyReport(
  command: Extract<Command, { kind: "verify" }>,
  output: Output,
): Promise<number> {
  const recorded = await readReport(command.report);
  const config = recordedConfig(command.report, recorded.config, command.data);
  const write = (line: string) => output.stdout.write(`${line}\n`);
  const sha256 = await sha256File(config.data);
  if (sha256 !== recorded.data.sha256) {
    write(`${command.report}: the data file differs from the one the report was made from`);
    write(`  ${config.data}: SHA-256 ${sha256}`);
    write(`  recorded:  SHA-256 ${recorded.data.sha256}`);
    return EXIT.differences;
  }
  const progress = progressReporter(output, verbosityOf(output, command.quiet));
  const { report } = await runPipeline(config, progress).finally(progress.finish);
  const fresh = JSON.parse(JSON.stringify(report)) as Report;
  if (command.data !== undefined) {
    // The file has moved; its bytes are the recorded ones (hash checked): keep the recorded path.
    fresh.config.data = fresh.data.file = fresh.data.audit.file = recorded.config.data;
  }
  // Reports written before divergence was recorded lack the two fields: absent means "not checked".
  if (!Object.hasOwn(recorded.training, "divergence") && fresh.training.divergence === null) {
    delete (fresh.training as Partial<Report["training"]>).divergence;
  }
  if (!Object.hasOwn(recorded.evaluation, "divergence") && fresh.evaluation.divergence === null) {
    delete (fresh.evaluation as Partial<Report["evaluation"]>).divergence;
  }
  const differences = compareReports(recorded, fresh, command.tolerance);
  const tolerance = command.tolerance === 0 ? "exactly" : `within relative ${command.tolerance}`;
  if (differences.length === 0) {
    const divergence = divergenceOf(fresh);
    if (divergence !== null) {
      write(
        `${command.report}: reproduced — every recorded value re-computed ${tolerance} (data SHA-256 ${sha256}) — but the run it records diverged: ${divergence.replace(/^training diverged: /, "")}`,
      );
      return EXIT.diverged;
    }
    write(
      `${command.report}: verified — every recorded value re-computed ${tolerance} (data SHA-256 ${sha256})`,
    );
    return EXIT.ok;
  }
  write(
    `${command.report}: ${differences.length} recorded value(s) differ from a re-run (compared ${tolerance}):`,
  );
  for (const d of differences.slice(0, LISTED_DIFFERENCES)) {
    write(`  ${d.path}: recorded ${show(d.recorded)}, re-computed ${show(d.actual)}`);
  }
  if (differences.length > LISTED_DIFFERENCES)
    write(`  … and ${differences.length - LISTED_DIFFERENCES} more`);
  return EXIT.differences;
}

async function readReport(path: string): Promise<Report> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new InputError(`${path}: cannot read it as JSON (${(error as Error).message})`);
  }
  const report = value as Partial<Report> | null;
  if (
    report?.schemaVersion !== SCHEMA_VERSION ||
    typeof report.config !== "object" ||
    typeof report.data?.sha256 !== "string"
  ) {
    throw new InputError(
      `${path}: not a report.json of schema version ${SCHEMA_VERSION} (expected schemaVersion, config and data.sha256)`,
    );
  }
  return report as Report;
}

/** The recorded configuration, validated exactly as the command line would validate it. */
function recordedConfig(path: string, config: TrainConfig, data: string | undefined): TrainConfig {
  const argv = [
    "--data",
    data ?? String(config.data),
    "--alpha",
    String(config.alpha),
    "--epochs",
    String(config.epochs),
    "--impl",
    String(config.impl),
    "--seed",
    String(config.seed),
    "--test-fraction",
    String(config.testFraction),
    ...(config.gradient === "default" ? [] : ["--gradient", String(config.gradient)]),
    ...(config.dropInvalidRows === true ? ["--drop-invalid-rows"] : []),
  ];
  try {
    const command = parseCommandLine(argv, "");
    if (command.kind !== "train") throw new UsageError("not a training configuration");
    return command.config;
  } catch (error) {
    const hint =
      data === undefined ? " (if the data file has moved, give its new place with --data)" : "";
    throw new InputError(`${path}: recorded configuration: ${(error as Error).message}${hint}`);
  }
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

function show(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}
