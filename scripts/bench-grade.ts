/**
 * npm run bench:grade -- [--copies N] [--jobs N]
 *
 * Grades N copies (default 60) of the shipped solution (src/impl) with `npm run grade` and
 * prints the wall time, the time per submission and the machine's load, so that the figure can
 * be compared with the goal: 60 copies in under a minute with --jobs 2 on two cores. Not a
 * test: a timing depends on the machine and on what else runs on it.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import { solutionSubmission } from "../properties/grade/class.js";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    copies: { type: "string", default: "60" },
    jobs: { type: "string", default: "2" },
  },
});
const copies = Number(values.copies);
const jobs = Number(values.jobs);
if (!Number.isInteger(copies) || copies < 1 || !Number.isInteger(jobs) || jobs < 1) {
  console.error("bench-grade: --copies and --jobs must be whole numbers ≥ 1");
  process.exit(2);
}

const scratch = await mkdtemp(join(tmpdir(), "logreg-bench-grade-"));
try {
  for (let i = 0; i < copies; i++) {
    await solutionSubmission(join(scratch, "class", `copy-${String(i).padStart(3, "0")}`));
  }
  const load = loadavg()[0];
  const started = performance.now();
  const { stderr } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/grade.ts",
      join(scratch, "class"),
      "--out",
      join(scratch, "out"),
      "--jobs",
      String(jobs),
    ],
    { cwd: root, maxBuffer: 1 << 26 },
  ).catch((error: { stderr?: string }) => {
    console.error(error.stderr ?? String(error));
    process.exit(1);
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = (await readFile(join(scratch, "out/grades.csv"), "utf8")).trim().split("\n");
  const full = rows.slice(1).filter((row) => row.split(",")[1] === row.split(",")[2]).length;
  const perSubmission = [...stderr.matchAll(/\((\d+\.\d) s, (\d+) calls\)/g)].map((m) =>
    Number(m[1]),
  );
  const median = perSubmission.sort((a, b) => a - b)[Math.floor(perSubmission.length / 2)] ?? NaN;
  console.log(
    [
      `${copies} copies of the shipped solution, --jobs ${jobs}, ${availableParallelism()} cores`,
      `load average before: ${load.toFixed(2)}, after: ${loadavg()[0].toFixed(2)}`,
      `wall time: ${seconds.toFixed(1)} s (${((seconds / copies) * jobs).toFixed(2)} s per submission per job, median ${median.toFixed(1)} s in the runner)`,
      `full marks: ${full} of ${copies}`,
      `goal: under 60 s: ${seconds < 60 ? "met" : "NOT met"}`,
    ].join("\n"),
  );
} finally {
  await rm(scratch, { recursive: true, force: true });
}
