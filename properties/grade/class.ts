import { existsSync } from "node:fs";
import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { copySolution } from "../../src/grade/solution-copy.js";
import { join, resolve } from "node:path";

/**
 * Builds class folders for `npm run grade` out of the kit's own code, for the grader's tests:
 * catalogued bugs and the committed fixtures, each with a copy of a solution
 * (src/grade/solution-copy.ts).
 */

const root = resolve(import.meta.dirname, "../..");

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
 * Copies the committed submissions of `from` (fixtures/submissions, or its red-team/ folder: the
 * sub-folders that hold an index.ts) into `to`, each with a copy of the shipped solution next
 * to it, for those whose index.ts builds on "./solution/index.js".
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
