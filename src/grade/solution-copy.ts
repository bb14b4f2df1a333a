import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * Submissions made of the kit's own code, for the grader's benchmark (scripts/bench-grade.ts)
 * and tests. A submission must be self-contained (the grader bundles only its own folder), so
 * each gets a copy of a solution:
 *
 *     <submission>/index.ts         what the submission exports
 *     <submission>/solution/*.ts    a copy of src/impl (the shipped solution) or another folder
 *     <submission>/contract.ts, matrix.ts, numerics/pairwise-sum.ts   the kit helpers the solution
 *                                   imports as ../… (src/reference's step 6 sums pairwise, as numpy)
 */

const root = resolve(import.meta.dirname, "../..");

/** Copies `source` (src/impl, src/reference, src/impl-stubs) into `folder`/solution, with its helpers. */
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
