/**
 * The learners' walkthrough (docs/learners.md), captured from real runs in a scratch clone:
 * `npm run exercise -- start`, `npm run learn -- --run` on the stubs, on a sigmoid written the
 * way it often is (e^z / (1 + e^z)), and on the article's sigmoid; then `status` and `restore`.
 * Each output goes into its generated block, normalised (see normalise.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { normalise } from "./normalise.js";
import { scratchClone, type ScratchClone } from "./scratch-clone.js";

/** One learn run takes 10–30 s here; under load several times that. */
const RUN_TIMEOUT_MS = 600_000;
/** fast-check's seed in the capture, so that counterexamples are the same from one capture to the next. */
const SEED = "42";

/** The learner's step-1 file with predict written and sigmoid's body `sigmoidBody`. */
function stepOne(stub: string, sigmoidBody: string): string {
  return stub
    .replace(
      /(function predict\([^)]*\): number \{\n)[^}]*\}/,
      "$1  let z = b;\n  for (let j = 0; j < w.length; j++) z += w[j] * x[j];\n  return z;\n}",
    )
    .replace(/(function sigmoid\([^)]*\): number \{\n)[^}]*\}/, `$1  ${sigmoidBody}\n}`);
}

function learn(clone: ScratchClone): string {
  return clone.run(["npx", "tsx", "scripts/learn.ts", "--run"], RUN_TIMEOUT_MS).output;
}

/** The captured outputs, by generated block id, normalised. */
export function captureWalkthrough(root: string): Map<string, string> {
  const clone = scratchClone(root, { PROPERTY_SEED: SEED });
  try {
    const exercise = (...args: string[]) =>
      clone.run(["npx", "tsx", "scripts/exercise.ts", ...args], RUN_TIMEOUT_MS).output;
    const captured = new Map<string, string>();
    captured.set("learners.walkthrough-start", exercise("start"));
    captured.set("learners.walkthrough-stubs", learn(clone));
    const file = join(clone.dir, "src/impl/1-model.ts");
    const stub = readFileSync(file, "utf8");
    writeFileSync(file, stepOne(stub, "return Math.exp(z) / (1 + Math.exp(z));"));
    captured.set("learners.walkthrough-sigmoid", learn(clone));
    writeFileSync(file, stepOne(stub, "return 1 / (1 + Math.exp(-z));"));
    captured.set("learners.walkthrough-step-2", learn(clone));
    captured.set("learners.walkthrough-status", `${exercise("status")}\n${exercise("restore")}`);
    return new Map([...captured].map(([id, text]) => [id, fenced(normalise(text, clone.dir))]));
  } finally {
    clone.remove();
  }
}

/** `text` as a fenced block of plain text. */
function fenced(text: string): string {
  return ["```text", text, "```"].join("\n");
}
