import { readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { stepOrder } from "../suite/step-order.js";
import type { PropertyId } from "./types.js";
import { beginFile, collected, type RegisteredTest } from "./vitest-shim.js";

/** The model property files as the grade runner loads them (through vitest-shim.ts, hooks.mjs). */

const root = resolve(import.meta.dirname, "../..");
const modelDirectory = join(root, "properties/model");

export interface PropertyFile {
  path: string;
  step: number;
  tests: string[];
}

/** The model property files in the article's step order; each one's step is its leading number. */
function propertyFiles(): { path: string; step: number }[] {
  return readdirSync(modelDirectory)
    .filter((file) => file.endsWith(".test.ts"))
    .sort(stepOrder)
    .map((file) => ({ path: join(modelDirectory, file), step: Number.parseInt(file, 10) }))
    .filter((file) => Number.isInteger(file.step));
}

/** Loads the property file at `path` as a fresh instance tagged `tag`; its registered tests. */
export async function loadFile(path: string, tag: string): Promise<RegisteredTest[]> {
  beginFile(path);
  await import(`${pathToFileURL(path).href}?grade=${tag}`);
  return collected();
}

/** Registers every property file's tests against the reference, without running them. */
export async function collect(): Promise<PropertyFile[]> {
  process.env.LOGREG_MODULE = join(root, "src/reference/index.ts");
  const files: PropertyFile[] = [];
  for (const file of propertyFiles()) {
    const tests = await loadFile(file.path, "collect");
    files.push({ ...file, tests: tests.filter((t) => !t.skipped).map((t) => t.name) });
  }
  return files;
}

/** How outputs name a property file: relative to the kit. */
export function relativeFile(path: string): string {
  return `properties/model/${basename(path)}`;
}

/** The property `name` of `file`, as the grader's outputs name it. */
export function propertyId(file: PropertyFile, name: string): PropertyId {
  return { file: relativeFile(file.path), step: file.step, name };
}
