import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Which function a failure blames, and in which article step that function is written.
 *
 * Every failure report of the teaching wrapper (`property.ts`) carries one line
 *
 *     blames         computeGradients (article step 3)
 *
 * naming the function that is wrong (two, joined by " and ", when both disagree with the
 * oracle). `npm run catalogue` parses it ({@link parseBlame}) to check that the first failure
 * names the function a bug really overrides.
 *
 * The step of a function is derived from the reference's file names: every function exported
 * by `src/reference/<N>-<name>.ts` belongs to article step N. A new step's file adds its
 * functions here without any list to update.
 */

const referenceDirectory = join(import.meta.dirname, "..", "..", "src", "reference");

async function loadFunctionSteps(): Promise<Map<string, number>> {
  const steps = new Map<string, number>();
  const files = readdirSync(referenceDirectory)
    .map((file) => ({ file, step: /^(\d+)-.*\.ts$/.exec(file)?.[1] }))
    .filter((entry): entry is { file: string; step: string } => entry.step !== undefined);
  for (const { file, step } of files) {
    const module = (await import(pathToFileURL(join(referenceDirectory, file)).href)) as Record<
      string,
      unknown
    >;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function" && !steps.has(name)) steps.set(name, Number(step));
    }
  }
  return steps;
}

/** Function name → article step, for every function the reference's step files export. */
export const functionSteps: ReadonlyMap<string, number> = await loadFunctionSteps();

/**
 * The functions of the article named in `text`, in the order they appear (whole words only,
 * so "computeCost" is not found inside "computeCostVectorized").
 */
export function functionsNamedIn(text: string): string[] {
  const found: { name: string; at: number }[] = [];
  for (const name of functionSteps.keys()) {
    const at = new RegExp(`(?<![\\w$])${name}(?![\\w$])`).exec(text)?.index;
    if (at !== undefined) found.push({ name, at });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.name);
}

/** The first function of the article named in a stack trace's frames ("at computeCost (…)"). */
export function functionInStack(stack: string | undefined): string | undefined {
  for (const line of (stack ?? "").split("\n")) {
    const frame = /^\s*at (?:\S+\.)?([\w$]+) \(/.exec(line);
    if (frame && functionSteps.has(frame[1])) return frame[1];
  }
  return undefined;
}

/** The text of the blame line: "computeCost (article step 2)", or two names joined by "and". */
export function describeBlame(names: readonly string[]): string | undefined {
  const known = names.filter((name) => functionSteps.has(name));
  if (known.length === 0) return undefined;
  const steps = [...new Set(known.map((name) => functionSteps.get(name)))];
  const where =
    steps.length === 1 ? `article step ${steps[0]}` : `article steps ${steps.join(" and ")}`;
  return `${known.join(" and ")} (${where})`;
}
