import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * Builds a class folder for `npm run grade` out of the kit's own code, for the grader's test
 * (grade.integration.test.ts) and its benchmark (scripts/bench-grade.ts). A submission must be
 * self-contained (the grader bundles only its own folder), so each gets a copy of a solution:
 *
 *     <submission>/index.ts         what the submission exports
 *     <submission>/solution/*.ts    a copy of src/impl (the shipped solution) or src/reference
 *     <submission>/contract.ts, matrix.ts, numerics/pairwise-sum.ts   the kit helpers the solution
 *                                   imports as ../… (src/reference's step 6 sums pairwise, as numpy)
 */

const root = resolve(import.meta.dirname, "../..");

/** Copies `source` (src/impl or src/reference) into `folder`/solution, with its helpers. */
export async function copySolution(folder: string, source = "src/impl"): Promise<void> {
  await mkdir(join(folder, "solution"), { recursive: true });
  for (const file of await readdir(join(root, source))) {
    if (file.endsWith(".ts")) await cp(join(root, source, file), join(folder, "solution", file));
  }
  for (const helper of ["contract.ts", "matrix.ts", "numerics/pairwise-sum.ts"]) {
    await cp(join(root, "src", helper), join(folder, helper));
  }
}

/** A submission that is the shipped solution, unchanged. */
export async function solutionSubmission(folder: string): Promise<void> {
  await copySolution(folder);
  await writeFile(join(folder, "index.ts"), 'export * from "./solution/index.js";\n');
}

/**
 * A submission with one catalogued learner bug (properties/catalogue/bugs/<name>.ts): the
 * catalogue's module, its imports of the kit pointed at the submission's own copy of the
 * reference.
 */
export async function bugSubmission(folder: string, name: string): Promise<void> {
  await copySolution(folder, "src/reference");
  const text = await readFile(join(root, "properties/catalogue/bugs", `${name}.ts`), "utf8");
  const own = text
    .replaceAll("../../../src/reference/index.js", "./solution/index.js")
    .replaceAll("../../../src/", "./")
    .replace(/^import type \{ CatalogueBug \} from "\.\.\/bug\.js";\n/m, "");
  await writeFile(join(folder, "index.ts"), own.replace(/: CatalogueBug\b/, ""));
}

/**
 * Copies the committed submissions of `from` (fixtures/submissions) into `to`, each with a copy
 * of the shipped solution next to it, for those whose index.ts builds on "./solution/index.js".
 */
export async function copyFixtures(from: string, to: string, only?: string[]): Promise<string[]> {
  const names = (await readdir(from, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && (!only || only.includes(entry.name)))
    // A folder of submissions of its own (fairness/), not a submission: its own tests copy it.
    .filter((entry) => existsSync(join(from, entry.name, "index.ts")))
    .map((entry) => entry.name);
  for (const name of names) {
    await cp(join(from, name), join(to, name), { recursive: true });
    await copySolution(join(to, name));
    // An import of the kit by a path relative to fixtures/submissions/<name>: the same, absolute.
    const index = join(to, name, "index.ts");
    const text = await readFile(index, "utf8");
    await writeFile(index, text.replaceAll('"../../../src/', `"${root}/src/`));
  }
  return names;
}
