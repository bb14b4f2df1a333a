/**
 * The grade runner: a checking process started by the grader (scripts/grade.ts, through
 * src/grade/pool.ts) with tsx, for ONE submission: nothing a submission does can outlive its
 * own checks. It loads the property files of properties/model (hooks.mjs: "vitest" is
 * vitest-shim.ts) against src/reference to learn the property list, says it is ready, and then
 * bundles the one submission it is sent (bundle.ts; at most BUNDLE_MS, so that a failure of the
 * bundler costs that submission only), checks it (check-submission.ts) and exits.
 *
 * Protocol (IPC with the grader): the runner sends {kind: "ready", properties} or
 * {kind: "fatal", message}; then for its {kind: "job", job} it sends {kind: "done", id, result}.
 */
import { register } from "node:module";
import { join } from "node:path";
import { prepare, type Prepared } from "./bundle.js";
import { checkSubmission } from "./check-submission.js";
import { collect, propertyId, type PropertyFile } from "./property-files.js";
import type { Job } from "./types.js";

register(new URL("./hooks.mjs", import.meta.url));

/** How long bundling a submission may take. */
const BUNDLE_MS = 60_000;

/** The submission of `job`, bundled into `scratch`, or why not within BUNDLE_MS. */
async function bundle(job: Job, scratch: string): Promise<Prepared> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Prepared>((resolve) => {
    timer = setTimeout(() => {
      const notes = [`does not compile: bundling took longer than ${BUNDLE_MS / 1000} s`];
      resolve({ displayPath: `${job.name}/index.ts`, notes });
    }, BUNDLE_MS);
  });
  const folder = join(scratch, `bundle-${process.pid}`);
  try {
    return await Promise.race([prepare(job.folder, job.name, folder, job), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const scratch = process.env.LOGREG_GRADE_SCRATCH;
  if (!scratch || !process.send) throw new Error("runner.ts is started by scripts/grade.ts");
  let files: PropertyFile[];
  try {
    files = await collect();
  } catch (error) {
    process.send({ kind: "fatal", message: `the property files do not load: ${String(error)}` });
    return;
  }
  const properties = files.flatMap((file) => file.tests.map((name) => propertyId(file, name)));
  process.on("disconnect", () => process.exit(0));
  process.once("message", async (message: { kind: string; job: Job }) => {
    if (message.kind !== "job") return;
    const prepared = await bundle(message.job, scratch);
    const result = await checkSubmission(message.job, prepared, files, scratch);
    process.send!({ kind: "done", id: message.job.id, result }, () => process.exit(0));
  });
  process.send({ kind: "ready", properties });
}

await main();
