import { plot } from "asciichart";
import { Presets, SingleBar } from "cli-progress";
import type { PipelineEvents } from "./pipeline.js";

/** Where the train script writes: stdout (`isTTY` decides the style) and stderr for errors. */
export interface Output {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** How much the train script says while it runs. */
export type Verbosity = "terminal" | "plain" | "quiet";

export function verbosityOf(output: Output, quiet: boolean): Verbosity {
  return quiet ? "quiet" : output.stdout.isTTY === true ? "terminal" : "plain";
}

const stepTitles: Record<string, string> = {
  load: "loading and validating the data, building the article's features",
  train: "the article's run: batch gradient descent on all rows",
  optimum: "the exact optimum: Newton's method",
  verify: "verification at the trained point",
  evaluate: "evaluation: stratified split, fit on the training part, train, test",
};

/**
 * Progress for the pipeline: on a terminal a progress bar with the current cost (cli-progress);
 * elsewhere (CI, pipes) a line per step and the cost at every quarter of the epochs; quiet:
 * nothing. Divergence is said on stderr as soon as it is seen, even when quiet. `finish()`
 * closes the bar.
 */
export function progressReporter(
  output: Output,
  verbosity: Verbosity,
): PipelineEvents & { finish(): void } {
  const write = (line: string) => output.stdout.write(`${line}\n`);
  let bar: SingleBar | undefined;
  const finish = () => {
    bar?.stop();
    bar = undefined;
  };
  const diverged = (description: string) => {
    finish();
    output.stderr.write(`${description}\n`);
  };
  if (verbosity === "quiet") return { step: () => {}, epoch: () => {}, diverged, finish };
  return {
    diverged,
    step(name) {
      finish();
      write(`• ${stepTitles[name] ?? name}`);
    },
    epoch(epoch, epochs, cost) {
      if (verbosity === "terminal") {
        if (!bar) {
          bar = new SingleBar(
            {
              stream: output.stdout,
              format: "  {bar} {value}/{total} epochs | cost {cost}",
              hideCursor: true,
            },
            Presets.shades_classic,
          );
          bar.start(epochs, 0, { cost: "" });
        }
        bar.update(epoch, { cost: cost.toFixed(10) });
        if (epoch === epochs) finish();
      } else if (epoch === 1 || epoch === epochs || epoch % Math.ceil(epochs / 4) === 0) {
        write(`  epoch ${epoch}/${epochs}: cost ${cost}`);
      }
    },
    finish,
  };
}

/**
 * The loss curve drawn in the terminal (asciichart): the cost history sampled to at most
 * `width` points (non-finite costs, null in report.json, left out), with the y axis labelled.
 */
export function terminalLossCurve(costHistory: readonly (number | null)[], width = 64): string {
  const stride = Math.max(1, Math.ceil(costHistory.length / width));
  const sampled = costHistory.filter(
    (cost, k): cost is number =>
      (k % stride === 0 || k === costHistory.length - 1) && Number.isFinite(cost),
  );
  if (sampled.length === 0) return "(no finite cost to draw)";
  const chart = plot(sampled, { height: 10, format: (x) => x.toFixed(4).padStart(9) });
  return (
    `${chart}\n${" ".repeat(11)}cost per epoch, 1 … ${costHistory.length}` +
    (stride > 1 ? ` (one point per ${stride} epochs)` : "")
  );
}
