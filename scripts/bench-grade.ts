/**
 * npm run bench:grade -- [--copies N] [--jobs N] [--compare]
 *
 * Grades N copies (default 60) of the shipped solution (src/impl) with `npm run grade` and
 * prints the wall time, the time per submission and the machine's load, so that the figure can
 * be compared with the goal: 60 copies in under a minute with --jobs 2 on two cores, sandbox
 * included. `--compare` grades the same class again with --unsafe-no-sandbox and prints the
 * ratio: the OS sandbox's cost per submission. Not a test: a timing depends on the machine and
 * on what else runs on it.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { solutionSubmission } from "../src/grade/solution-copy.js";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    copies: { type: "string", default: "60" },
    jobs: { type: "string", default: "2" },
    compare: { type: "boolean", default: false },
  },
});
const copies = Number(values.copies);
const jobs = Number(values.jobs);
if (!Number.isInteger(copies) || copies < 1 || !Number.isInteger(jobs) || jobs < 1) {
  console.error("bench-grade: --copies and --jobs must be whole numbers ≥ 1");
  process.exit(2);
}

interface Timing {
  seconds: number;
  full: number;
  loadBefore: number;
  loadAfter: number;
}

/** Grades the class in `scratch`; the wall time and how many got full marks. */
async function gradeClass(scratch: string, extra: string[]): Promise<Timing> {
  const out = join(scratch, "out");
  const loadBefore = loadavg()[0];
  const started = performance.now();
  const args = ["--import", "tsx", "scripts/grade.ts", join(scratch, "class"), "--out", out];
  await promisify(execFile)(process.execPath, [...args, "--jobs", String(jobs), ...extra], {
    cwd: root,
    maxBuffer: 1 << 26,
  }).catch((error: { stderr?: string }) => {
    console.error(error.stderr ?? String(error));
    process.exit(1);
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = (await readFile(join(out, "grades.csv"), "utf8")).trim().split("\n").slice(1);
  const full = rows.filter((row) => row.split(",")[1] === row.split(",")[2]).length;
  return { seconds, full, loadBefore, loadAfter: loadavg()[0] };
}

function describe(label: string, t: Timing): string {
  return (
    `${label}: ${t.seconds.toFixed(1)} s wall, ${((t.seconds / copies) * jobs).toFixed(2)} s per ` +
    `submission per job, full marks ${t.full} of ${copies}, load ${t.loadBefore.toFixed(2)} → ${t.loadAfter.toFixed(2)}`
  );
}

const scratch = await mkdtemp(join(tmpdir(), "logreg-bench-grade-"));
try {
  for (let i = 0; i < copies; i++) {
    await solutionSubmission(join(scratch, "class", `copy-${String(i).padStart(3, "0")}`));
  }
  console.log(
    `${copies} copies of the shipped solution, --jobs ${jobs}, ${availableParallelism()} cores`,
  );
  const sandboxed = await gradeClass(scratch, []);
  console.log(describe("with the OS sandbox", sandboxed));
  console.log(`goal: under 60 s: ${sandboxed.seconds < 60 ? "met" : "NOT met"}`);
  if (values.compare) {
    const bare = await gradeClass(scratch, ["--unsafe-no-sandbox"]);
    console.log(describe("without (--unsafe-no-sandbox)", bare));
    const perSubmission = (sandboxed.seconds - bare.seconds) / copies;
    console.log(
      `the sandbox's cost: ×${(sandboxed.seconds / bare.seconds).toFixed(3)} ` +
        `(${perSubmission.toFixed(3)} s per submission of wall time at --jobs ${jobs})`,
    );
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
