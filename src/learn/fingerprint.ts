import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { stepOfSource } from "./steps.js";

/**
 * What a step's result depends on in the learner's folder, as one hash per step: of `files`
 * (relative to `folder`), those of that step and of every earlier step ("1-model.ts" …
 * "k-….ts"), and every file that belongs to no step (index.ts, helpers, a Python module), which
 * any step may import. A step that passed keeps its pass while its fingerprint is unchanged; a
 * save of a later step's file leaves it alone.
 */
export function stepFingerprints(
  folder: string,
  steps: readonly number[],
  files: readonly string[] = scriptFiles(folder),
): Map<number, string> {
  const sources = [...files].sort().map((file) => ({
    file,
    step: stepOfSource(basename(file)),
    text: readFileSync(join(folder, file)),
  }));
  const fingerprints = new Map<number, string>();
  for (const step of steps) {
    const hash = createHash("sha256");
    for (const source of sources) {
      if (source.step !== undefined && source.step > step) continue;
      hash.update(`${source.file}\0${source.text.length}\0`).update(source.text);
    }
    fingerprints.set(step, hash.digest("hex"));
  }
  return fingerprints;
}

/** The TypeScript and JavaScript files under `folder`, at any depth, relative to it. */
export function scriptFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) =>
    /\.[cm]?[jt]s$/.test(file),
  );
}
