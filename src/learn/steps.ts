import { stepOrder } from "../suite/step-order.js";

/**
 * The article steps of `npm run learn`: the numeric prefixes of file names. A property file
 * "3b-metamorphic.test.ts" belongs to step 3, as does the learner's "3-gradients.ts".
 */

/** The article step of a property file, from its name's numeric prefix ("3b-metamorphic" → 3). */
export function stepOfFile(file: string): number | undefined {
  const match = /^(\d+)[a-z]*-[^/\\]*\.test\.ts$/.exec(file);
  return match ? Number(match[1]) : undefined;
}

/** The article step of a learner's source file ("3-gradients.ts" → 3), or none ("index.ts"). */
export function stepOfSource(file: string): number | undefined {
  const match = /^(\d+)[a-z]*-[^/\\]*\.ts$/.exec(file);
  return match ? Number(match[1]) : undefined;
}

/** One step of the loop: its number and its property files, in step order. */
export interface Step {
  step: number;
  files: string[];
}

/** The steps that have property files, in order, each with its files (in step order). */
export function stepsOf(files: readonly string[]): Step[] {
  const steps = new Map<number, string[]>();
  for (const file of [...files].sort(stepOrder)) {
    const step = stepOfFile(file);
    if (step === undefined) continue;
    steps.set(step, [...(steps.get(step) ?? []), file]);
  }
  return [...steps.entries()].sort(([a], [b]) => a - b).map(([step, f]) => ({ step, files: f }));
}
