import { relative } from "node:path";
import { DataError, FIXTURE_PATH, printable } from "../data/index.js";
import { OutputError, prepareOutput } from "../publish/atomic-write.js";
import { EXIT, UsageError } from "../train/cli.js";
import { InputError } from "../train/input-error.js";
import type { Output } from "../train/progress.js";
import { clippingExperiment } from "./clipping.js";
import { EXPERIMENT_USAGE, parseExperimentCommand } from "./cli.js";
import type { ExperimentCommand, ExperimentName } from "./cli.js";
import { loadDataset } from "./dataset.js";
import { learningRateExperiment } from "./learning-rate.js";
import type { Experiment } from "./outcome.js";
import { reportFiles } from "./report.js";
import { scalingExperiment } from "./scaling.js";
import { vectorizationExperiment } from "./vectorization.js";

/** Each experiment's engine, by name. */
const EXPERIMENTS: Record<ExperimentName, Experiment> = {
  "learning-rate": learningRateExperiment,
  scaling: scalingExperiment,
  clipping: clippingExperiment,
  vectorization: vectorizationExperiment,
};

/**
 * `npm run experiment`: parses `argv`, runs the experiment, writes its report atomically and
 * returns the exit code. Never throws: usage errors print the message and the usage (exit 2),
 * data errors the pipeline's message as it is (exit 3), anything else its message without a
 * stack trace (exit 4), as the train script does.
 */
export async function experimentMain(
  argv: readonly string[],
  output: Output = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let command: ExperimentCommand;
  try {
    command = parseExperimentCommand(argv, relative(process.cwd(), FIXTURE_PATH));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.stderr.write(`error: ${printableLines(error.message)}\n\n${EXPERIMENT_USAGE}\n`);
    return EXIT.usage;
  }
  if (command.kind === "help") {
    output.stdout.write(`${EXPERIMENT_USAGE}\n`);
    return EXIT.ok;
  }
  try {
    return await runInto(command, argv, output);
  } catch (error) {
    if (error instanceof DataError || error instanceof InputError) {
      output.stderr.write(`${printableLines(error.message)}\n`);
      return EXIT.data;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.stderr.write(`error: ${printable(message)}\n`);
    return EXIT.failure;
  }
}

async function runInto(
  command: Extract<ExperimentCommand, { kind: "run" }>,
  argv: readonly string[],
  output: Output,
): Promise<number> {
  let publication;
  try {
    publication = await prepareOutput(command.out);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    output.stderr.write(`error: ${error.message}\n(checked before running: nothing was written)\n`);
    return EXIT.failure;
  }
  try {
    const startedAt = new Date();
    const dataset = await loadDataset(command.config.data);
    const outcome = EXPERIMENTS[command.config.experiment](dataset, command.config);
    const files = reportFiles(dataset, command.config, outcome, {
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      command: ["tsx scripts/experiment.ts", ...argv].join(" "),
    });
    await publication.publish(files);
    if (!command.quiet) output.stdout.write(outcome.summary);
    output.stdout.write(`${printable(command.out)}\n`);
    return EXIT.ok;
  } catch (error) {
    await publication.discard();
    throw error;
  }
}

/** `text` for a terminal, line by line: control and direction characters escaped (printable). */
function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}
