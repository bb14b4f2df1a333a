import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { EXIT, parseCommandLine, UsageError } from "./cli.js";
import type { Command, TrainConfig } from "./cli.js";
import { printable } from "../data/index.js";
import { compareReports } from "./compare-reports.js";
import { InputError } from "./input-error.js";
import { divergenceOf } from "./divergence.js";
import { runPipeline } from "./pipeline.js";
import { progressReporter, verbosityOf } from "./progress.js";
import { readBoundedReport } from "./report-file.js";
import type { Output } from "./progress.js";
import { SCHEMA_VERSION } from "./report.js";
import type { Report } from "./report.js";

/** How many differences are printed before "… and N more". */
const LISTED_DIFFERENCES = 20;
/** The longest path or value a difference line shows whole (a line stays a few hundred wide). */
const SHOWN_CHARACTERS = 200;

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
  // Values from the report and paths are the user's text: escaped, never sent raw to a terminal.
  const write = (line: string) => output.stdout.write(`${printable(line)}\n`);
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
    write(`  ${cut(d.path)}: recorded ${show(d.recorded)}, re-computed ${show(d.actual)}`);
  }
  if (differences.length > LISTED_DIFFERENCES)
    write(`  … and ${differences.length - LISTED_DIFFERENCES} more`);
  return EXIT.differences;
}

async function readReport(path: string): Promise<Report> {
  const text = await readBoundedReport(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: cannot read it as JSON (${(error as Error).message})`);
  }
  const bad = shapeProblem(value);
  if (bad !== null) throw new InputError(`${path}: ${bad}`);
  return value as Report;
}

/** What a value is, for messages: `null`, `an array`, `nothing`, or the value as JSON. */
function found(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The first field of a parsed report.json that --verify cannot use, as "path: expected …, found
 * …" (null when the shape is right): what --verify reads must be there with the right type;
 * every other value is compared with the re-run, so a wrong one is reported as a difference.
 */
function shapeProblem(report: unknown): string | null {
  const expect = (path: string, value: unknown, ok: boolean, what: string) =>
    ok ? null : `${path}: expected ${what}, found ${found(value)}`;
  if (!isObject(report)) return expect("(the top level)", report, false, "an object");
  if (report.schemaVersion !== SCHEMA_VERSION) {
    return expect("schemaVersion", report.schemaVersion, false, `${SCHEMA_VERSION}`);
  }
  for (const key of ["config", "data", "training", "evaluation"]) {
    if (!isObject(report[key])) return expect(key, report[key], false, "an object");
  }
  const config = report.config as Record<string, unknown>;
  const fields: [string, string][] = [
    ["data", "string"],
    ["alpha", "number"],
    ["epochs", "number"],
    ["gradient", "string"],
    ["impl", "string"],
    ["seed", "number"],
    ["testFraction", "number"],
    ["dropInvalidRows", "boolean"],
  ];
  for (const [key, type] of fields) {
    const problem = expect(`config.${key}`, config[key], typeof config[key] === type, `a ${type}`);
    if (problem !== null) return problem;
  }
  const sha256 = (report.data as Record<string, unknown>).sha256;
  return expect(
    "data.sha256",
    sha256,
    typeof sha256 === "string" && /^[0-9a-f]{64}$/.test(sha256),
    "a SHA-256 (64 hex digits)",
  );
}

/**
 * The recorded configuration, validated exactly as the command line would validate it. Each
 * value goes as `--option=value`, so that a value starting with "-" (a data file named
 * "-x.csv", a negative number) is never taken for an option.
 */
function recordedConfig(path: string, config: TrainConfig, data: string | undefined): TrainConfig {
  const argv = [
    `--data=${data ?? config.data}`,
    `--alpha=${config.alpha}`,
    `--epochs=${config.epochs}`,
    `--impl=${config.impl}`,
    `--seed=${config.seed}`,
    `--test-fraction=${config.testFraction}`,
    ...(config.gradient === "default" ? [] : [`--gradient=${config.gradient}`]),
    ...(config.dropInvalidRows ? ["--drop-invalid-rows"] : []),
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
  return value === undefined ? "(absent)" : cut(JSON.stringify(value));
}

/** `text` up to {@link SHOWN_CHARACTERS}, then "… (N more characters)"; no surrogate pair split. */
function cut(text: string): string {
  if (text.length <= SHOWN_CHARACTERS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[SHOWN_CHARACTERS - 1])
    ? SHOWN_CHARACTERS - 1
    : SHOWN_CHARACTERS;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}
