import { fileURLToPath } from "node:url";
import type { ArticleImplementation, GradientFunction, LogisticRegression } from "../contract.js";
import { boundedOutput } from "../watchdog/stream-output.js";
import { watchModule } from "../watchdog/watchdog.js";
import type { GradientName, ImplementationName } from "./cli.js";

/**
 * Loads the implementation that runs the article's steps (`--impl`): src/fast, src/reference or
 * the learner's src/impl — its steps 5 and 6 (features, scaling), 1–4 (training) and 9
 * (evaluation). Loaded on demand, so a broken src/impl cannot stop a run with the others; the
 * learner's src/impl runs under the watchdog (src/watchdog/), so that a call that never returns
 * ends the run with its name and step instead of hanging it.
 */
export async function loadImplementation(name: ImplementationName): Promise<ArticleImplementation> {
  if (name === "fast") return (await import("../fast/index.js")) as ArticleImplementation;
  if (name === "reference") return (await import("../reference/index.js")) as ArticleImplementation;
  const learner = fileURLToPath(new URL("../impl/index.ts", import.meta.url));
  return watchModule(learner, {
    onOutput: boundedOutput(process.stderr),
  }) as unknown as ArticleImplementation;
}

/**
 * The gradient `--gradient` names: the per-example loop, the vectorized one, or undefined for
 * the implementation's gradientDescent default (the vectorized gradient, or fast's fused kernel).
 */
export function chooseGradient(
  lr: LogisticRegression,
  name: GradientName,
): GradientFunction | undefined {
  if (name === "loop") return lr.computeGradients;
  if (name === "vectorized") return lr.computeGradientsVectorized;
  return undefined;
}
