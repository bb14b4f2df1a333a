/**
 * The grade runner: a checking process started by the grader (grade-class.ts, through
 * checker-process.ts) with tsx, for one lane of `--jobs`: it loads the property files of
 * properties/model once (hooks.mjs: "vitest" is vitest-shim.ts) against src/reference to learn
 * the property list, says it is ready, and then grades the jobs it is sent, one at a time: it
 * bundles the submission (bundle.ts; at most BUNDLE_MS, so that a failure of the bundler costs
 * that submission only) and checks it (check-submission.ts) in a fresh sandbox against fresh
 * instances of the property files (their own `?grade=<job>` tag). What a submission sends back
 * is decoded into fresh plain data (bridge.ts, codec.mjs), so nothing of it outlives its job;
 * a job that kills, stops or stalls this process costs that submission only, and the grader
 * starts the lane a new one.
 *
 * Protocol (IPC with the grader): the runner sends {kind: "ready", properties} or
 * {kind: "fatal", message}; then for each {kind: "job", job} it sends {kind: "done", id, result},
 * in order. It exits when the grader disconnects.
 */
import { register } from "node:module";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { prepare, type Prepared } from "./bundle.js";
import { checkSubmission } from "./check-submission.js";
import { collect, propertyId, type PropertyFile } from "./property-files.js";
import type { Job } from "./types.js";

register(new URL("./hooks.mjs", import.meta.url));

// The inputs of each property's last passing run, checked again for the next submission without
// generating them (properties/support/input-replay.ts: the same seed gives the same inputs).
(globalThis as Record<symbol, unknown>)[Symbol.for("logreg-lab.input-replay")] = new Map();
// The reference's expected values on the fixture-sized data set, the same for every submission
// (properties/support/fixture-sized.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for("logreg-lab.fixture-sized-results")] = new Map();

/** How long bundling a submission may take. */
const BUNDLE_MS = 60_000;

/** The submission of `job`, bundled into `folder`, or why not within BUNDLE_MS. */
async function bundle(job: Job, folder: string): Promise<Prepared> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Prepared>((resolve) => {
    timer = setTimeout(() => {
      const notes = [`does not compile: bundling took longer than ${BUNDLE_MS / 1000} s`];
      resolve({ displayPath: `${job.name}/index.ts`, notes });
    }, BUNDLE_MS);
  });
  try {
    return await Promise.race([prepare(job.folder, job.name, folder, job), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Grades one job: its bundle and pipes in this process's scratch folders, emptied first. */
async function grade(job: Job, files: PropertyFile[], scratch: string) {
  const folders = ["bundle", "checks"].map((kind) => join(scratch, `${kind}-${process.pid}`));
  for (const folder of folders) {
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
  }
  const started = process.cpuUsage();
  const prepared = await bundle(job, folders[0]);
  const outcome = await checkSubmission(job, prepared, files, folders[1]);
  const used = process.cpuUsage(started);
  const checks = (used.user + used.system) / 1e6;
  return { ...outcome, cpu: { sandbox: outcome.cpu?.sandbox ?? 0, checks } };
}

async function main() {
  const scratch = process.env.LOGREG_GRADE_SCRATCH;
  if (!scratch || !process.send) throw new Error("runner.ts is started by the grader");
  let files: PropertyFile[];
  try {
    files = await collect();
  } catch (error) {
    process.send({ kind: "fatal", message: `the property files do not load: ${String(error)}` });
    return;
  }
  const properties = files.flatMap((file) => file.tests.map((name) => propertyId(file, name)));
  process.on("disconnect", () => process.exit(0));
  // One job at a time, in the order they came: the grader sends the next after the answer.
  let queue = Promise.resolve();
  process.on("message", (message: { kind: string; job: Job }) => {
    if (message.kind !== "job") return;
    queue = queue.then(async () => {
      const result = await grade(message.job, files, scratch);
      process.send!({ kind: "done", id: message.job.id, result });
    });
  });
  process.send({ kind: "ready", properties });
}

await main();
