import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copySolution } from "../../src/grade/solution-copy.js";

/**
 * `npm run grade -- --gradescope-autograder OUT.zip`: the zip is built, unzipped into a
 * temporary folder laid out as Gradescope's /autograder (LOGREG_AUTOGRADER_ROOT, see
 * scripts/gradescope/run_autograder), and its run_autograder grades two sample submissions into
 * results/results.json, checked against Gradescope's results format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
 *
 * What cannot run here: setup.sh (apt-get and npm ci on Gradescope's image, with its network).
 * In its place the unzipped kit gets a link to this checkout's node_modules; setup.sh is only
 * checked to parse.
 */

const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
/** Building the zip, then grading the control and one submission, on a loaded two-core machine. */
const ZIP_MS = 60_000;
const GRADE_MS = 180_000;

let scratch: string;
let autograder: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "logreg-gradescope-test-"));
  autograder = join(scratch, "autograder");
  const zip = join(scratch, "autograder.zip");
  const args = ["--import", "tsx", "scripts/grade.ts", "--gradescope-autograder", zip];
  await run(process.execPath, [...args, "--timeout", "5", "--memory", "256"], { cwd: root });
  await mkdir(join(autograder, "source"), { recursive: true });
  await run("unzip", ["-q", zip, "-d", join(autograder, "source")]);
  // What setup.sh's `npm ci` would install there.
  await symlink(join(root, "node_modules"), join(autograder, "source/kit/node_modules"));
}, ZIP_MS);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Runs run_autograder on `submission` (a folder) as Gradescope would; returns its results.json. */
async function runAutograder(submission: string) {
  await rm(join(autograder, "submission"), { recursive: true, force: true });
  await rm(join(autograder, "results"), { recursive: true, force: true });
  await cp(submission, join(autograder, "submission"), { recursive: true });
  await run(join(autograder, "source/run_autograder"), [], {
    cwd: autograder,
    env: { ...process.env, LOGREG_AUTOGRADER_ROOT: autograder },
    maxBuffer: 1 << 24,
  });
  return JSON.parse(await readFile(join(autograder, "results/results.json"), "utf8")) as unknown;
}

const VISIBILITY = ["hidden", "after_due_date", "after_published", "visible"];

/** Checks `value` against Gradescope's results.json format: the fields the grader writes. */
function expectGradescopeResults(value: unknown) {
  const results = value as Record<string, unknown>;
  expect(Object.keys(results).sort()).toEqual(
    ["execution_time", "output", "score", "stdout_visibility", "tests"].sort(),
  );
  expect(typeof results.score).toBe("number");
  expect(typeof results.execution_time).toBe("number");
  expect(results.execution_time).toBeGreaterThan(0);
  expect(typeof results.output).toBe("string");
  expect(VISIBILITY).toContain(results.stdout_visibility);
  expect(Array.isArray(results.tests)).toBe(true);
  const tests = results.tests as Record<string, unknown>[];
  for (const t of tests) {
    expect(Object.keys(t).sort()).toEqual(
      ["max_score", "name", "output", "score", "status", "visibility"].sort(),
    );
    expect(typeof t.name).toBe("string");
    expect(typeof t.output).toBe("string");
    expect(["passed", "failed"]).toContain(t.status);
    expect(VISIBILITY).toContain(t.visibility);
    expect(t.score).toBe(t.status === "passed" ? t.max_score : 0);
  }
  const sum = tests.reduce((total, t) => total + (t.score as number), 0);
  expect(results.score).toBeCloseTo(sum, 6); // the total is the tests' sum, rounded to 1e-6
  return { score: results.score as number, output: results.output as string, tests };
}

describe("Gradescope's autograder zip", () => {
  test("holds setup.sh and run_autograder at its root, executable, and the kit", async () => {
    for (const script of ["setup.sh", "run_autograder"]) {
      const mode = (await stat(join(autograder, "source", script))).mode;
      expect(mode & 0o111).toBe(0o111);
      await run("bash", ["-n", join(autograder, "source", script)]);
    }
    const options = await readFile(join(autograder, "source/grade-options"), "utf8");
    expect(options.split("\n")).toEqual(["--timeout", "5", "--memory", "256", "--jobs", "1", ""]);
    await stat(join(autograder, "source/kit/properties/model/1-model.test.ts"));
  });

  test(
    "run_autograder grades the shipped solution: every test passed, full marks",
    async () => {
      const submission = join(scratch, "correct");
      await copySolution(submission);
      await writeFile(join(submission, "index.ts"), 'export * from "./solution/index.js";\n');
      const { score, tests, output } = expectGradescopeResults(await runAutograder(submission));
      expect(tests.length).toBeGreaterThan(0);
      expect(tests.every((t) => t.status === "passed")).toBe(true);
      expect(score).toBe(tests.length); // one point per property without a rubric
      expect(output).toBe("All properties ran.");
    },
    GRADE_MS,
  );

  test(
    "a submission uploaded as one folder, without gradientDescent, loses only what calls it",
    async () => {
      const upload = join(scratch, "upload");
      const submission = join(upload, "my-work");
      await copySolution(submission);
      const fixture = join(root, "fixtures/submissions/fairness/missing-gradient-descent");
      await cp(join(fixture, "index.ts"), join(submission, "index.ts"));
      const { tests, output } = expectGradescopeResults(await runAutograder(upload));
      // It loses exactly the properties that call gradientDescent (step 4's, and one of step 3
      // that runs it), each with the note; steps 1 and 2 call it nowhere.
      const failed = tests.filter((t) => t.status === "failed");
      expect(failed.length).toBeGreaterThan(0);
      for (const t of failed) {
        expect(t.output).toContain(
          "threw          Error: does not export gradientDescent (article step 4)",
        );
      }
      const early = tests.filter((t) => /^step [12] /.test(t.name as string));
      expect(early.length).toBeGreaterThan(0);
      expect(early.every((t) => t.status === "passed")).toBe(true);
      expect(output).toContain("does not export gradientDescent (article step 4)");
    },
    GRADE_MS,
  );
});
