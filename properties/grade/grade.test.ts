import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bugSubmission, copyFixtures, solutionSubmission } from "./class.js";

/**
 * `npm run grade` on a class: the committed hostile submissions (fixtures/submissions), the
 * shipped solution and three catalogued bugs. Every score and every one-line reason is checked;
 * a control that fails must stop the grading; then three of them graded again with a rubric must
 * get the same result and message for every property (the same seed), the rubric's points and its
 * hidden property. Kept small for `npm test`: one run of the class, one of three submissions, and
 * one that stops at the control (≈ 40 s on a loaded two-core machine).
 */

const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const bugs = [
  "sigmoid-sign-flipped",
  "cost-summed-not-averaged",
  "gradient-descent-mutates-weights",
];
const traces = [
  "/tmp/logreg-grade-fake-report.json",
  "/tmp/logreg-grade-writes-file.txt",
  "/tmp/logreg-grade-spawned.txt",
];

let scratch: string;
const hidden =
  "sigmoid is monotone non-decreasing: z₁ ≤ z₂ gives σ(z₁) ≤ σ(z₂), also for neighbouring doubles";

async function grade(submissions: string, out: string, extra: string[] = [], env = {}) {
  const args = ["--import", "tsx", "scripts/grade.ts", submissions, "--out", out];
  return run(process.execPath, [...args, "--timeout", "3", "--memory", "128", ...extra], {
    cwd: root,
    maxBuffer: 1 << 24,
    env: { ...process.env, ...env },
  });
}

interface GradesJson {
  seed: number;
  submissions: {
    submission: string;
    total: number;
    notes: string[];
    properties: { name: string; step: number; passed: boolean; points: number; message?: string }[];
  }[];
}

let csv: string;
let json: GradesJson;
let progress: string;

beforeAll(async () => {
  for (const trace of traces) await rm(trace, { force: true });
  scratch = await mkdtemp(join(tmpdir(), "logreg-grade-test-"));
  const submissions = join(scratch, "class");
  await copyFixtures(join(root, "fixtures/submissions"), submissions);
  await solutionSubmission(join(submissions, "correct"));
  for (const bug of bugs) await bugSubmission(join(submissions, bug), bug);
  const { stderr } = await grade(submissions, join(scratch, "grades"));
  progress = stderr;
  csv = await readFile(join(scratch, "grades/grades.csv"), "utf8");
  json = JSON.parse(await readFile(join(scratch, "grades/grades.json"), "utf8")) as GradesJson;
}, 600_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function submission(name: string) {
  const found = json.submissions.find((s) => s.submission === name);
  if (!found) throw new Error(`no grades for ${name}`);
  return found;
}

function failureMessages(name: string): string[] {
  return submission(name)
    .properties.filter((p) => !p.passed)
    .map((p) => p.message ?? "");
}

describe("a class with hostile submissions", () => {
  test("grades.csv: one row per submission, its total, the maximum and each step's points", () => {
    expect(csv).toBe(
      [
        "submission,total,max,step 1,step 2,step 3,step 4,step 5,step 6,step 9",
        "correct,43,43,5,5,8,8,6,5,6",
        "cost-summed-not-averaged,34,43,5,2,4,6,6,5,6",
        "fake-passed,12,43,3,3,4,2,0,0,0",
        "gradient-descent-mutates-weights,39,43,5,5,8,4,6,5,6",
        "imports-reference,4,43,4,0,0,0,0,0,0",
        "infinite-loop,24,43,5,0,3,1,6,5,4",
        "patches-globals,31,43,3,3,6,5,6,5,3",
        "process-exit,39,43,1,5,8,8,6,5,6",
        "sigmoid-sign-flipped,41,43,3,5,8,8,6,5,6",
        "spawns-process,40,43,4,4,8,7,6,5,6",
        "syntax-error,0,43,0,0,0,0,0,0,0",
        "throws-at-import,0,43,0,0,0,0,0,0,0",
        "unbounded-allocation,34,43,5,5,7,0,6,5,6",
        "writes-file,28,43,5,0,2,4,6,5,6",
        "",
      ].join("\n"),
    );
  });

  test("each submission that broke something outside the properties has its one-line reason", () => {
    const notes = Object.fromEntries(json.submissions.map((s) => [s.submission, s.notes]));
    expect(notes).toEqual({
      correct: [],
      "cost-summed-not-averaged": [],
      // It exports steps 1–4 only: the property files of steps 5, 6 and 9 say what is missing.
      "fake-passed": [
        "step 5: does not export ageGroup (article step 5), yesNoFlag (article step 5), oneHot (article step 5)",
        "step 6: does not export fitScaler (article step 6), transformScaler (article step 6), standardizeFeatures (article step 6)",
        "step 9: does not export confusionMatrix (article step 9), accuracy (article step 9), precision (article step 9), recall (article step 9), f1 (article step 9), rocAuc (article step 9), logLoss (article step 9)",
      ],
      "gradient-descent-mutates-weights": [],
      "imports-reference": [
        "imports the kit's implementation src/reference/index.ts: what comes from it earns no marks (flagged)",
      ],
      // Each step starts a fresh sandbox: it loses the steps that call computeCostVectorized only.
      "infinite-loop": [
        "step 2: timed out after 3 s",
        "step 3: timed out after 3 s",
        "step 4: timed out after 3 s",
        "step 9: timed out after 3 s",
      ],
      "patches-globals": [],
      "process-exit": ["step 1: called process.exit(0)"],
      "sigmoid-sign-flipped": [],
      "spawns-process": [],
      "syntax-error": ['does not compile: index.ts:4:31: Expected ")" but found ";"'],
      "throws-at-import": ["threw at import: Error: boom: a configuration file is missing"],
      "unbounded-allocation": [
        "step 3: ran out of memory (limit 128 MB)",
        "step 4: ran out of memory (limit 128 MB)",
      ],
      "writes-file": [],
    });
  });

  test("the failures say what stopped the code, inside the suite's own report", () => {
    const first = (name: string) => failureMessages(name)[0];
    expect(first("infinite-loop")).toContain(
      "threw          Error: the grader stopped your code: it timed out after 3 s",
    );
    expect(failureMessages("infinite-loop").at(-1)).toBe(
      "not run: your code timed out after 3 s (the limit per step)",
    );
    expect(failureMessages("fake-passed").at(-1)).toBe(
      "the property file failed to load: fake-passed/index.ts does not export confusionMatrix (article step 9), accuracy (article step 9), precision (article step 9), recall (article step 9), f1 (article step 9), rocAuc (article step 9), logLoss (article step 9)",
    );
    expect(first("process-exit")).toContain("it called process.exit(0)");
    expect(first("unbounded-allocation")).toContain("it ran out of memory (limit 128 MB)");
    expect(first("throws-at-import")).toBe(
      "your code was not run: it threw at import: Error: boom: a configuration file is missing",
    );
    expect(first("syntax-error")).toBe(
      'your code was not run: does not compile: index.ts:4:31: Expected ")" but found ";"',
    );
    for (const name of ["writes-file", "spawns-process"]) {
      for (const message of failureMessages(name)) {
        expect(message).toContain("Access to this API has been restricted");
      }
    }
    for (const message of failureMessages("imports-reference")) {
      expect(message).toMatch(/comes from the kit's src\/reference\/index\.ts|sigmoid/);
    }
    // The teaching report, with the replay command naming the learner's own file.
    const flipped = failureMessages("sigmoid-sign-flipped")[0];
    expect(flipped).toContain("property failed: sigmoid is monotone non-decreasing");
    expect(flipped).toContain("counterexample (seed 42,");
    expect(flipped).toContain("LOGREG_IMPL=sigmoid-sign-flipped/index.ts npx vitest run");
  });

  test("nothing a submission tried to write or start exists, and its claims count for nothing", () => {
    for (const trace of traces) expect(existsSync(trace)).toBe(false);
    expect(submission("fake-passed").total).toBeLessThan(43);
  });

  test("every learner gets feedback and a Gradescope results.json", async () => {
    const out = join(scratch, "grades");
    const names = json.submissions.map((s) => s.submission);
    expect(readdirSync(join(out, "feedback")).sort()).toEqual(names.map((n) => `${n}.md`).sort());
    const feedback = await readFile(join(out, "feedback/sigmoid-sign-flipped.md"), "utf8");
    expect(feedback).toContain("Score on the properties shown here: **41 / 43**.");
    expect(feedback).toContain("## Step 1: 3 / 5");
    const results = JSON.parse(
      await readFile(join(out, "gradescope/infinite-loop/results.json"), "utf8"),
    ) as { score: number; output: string; tests: Record<string, unknown>[] };
    expect(results.score).toBe(24);
    expect(results.output).toContain("step 2: timed out after 3 s");
    expect(results.tests).toHaveLength(43);
    expect(Object.keys(results.tests[0]).sort()).toEqual(
      ["max_score", "name", "output", "score", "visibility"].sort(),
    );
    expect(progress).toContain("control: src/reference passes all 43 properties");
    expect(progress).toMatch(/done 14\/14/);
    expect(json.seed).toBe(42);
  });
});

describe("the control", () => {
  test("a control that does not pass every property stops the grading, loudly, before any output", async () => {
    const out = join(scratch, "grades-control");
    const tiny = join(scratch, "tiny");
    await copyFixtures(join(root, "fixtures/submissions"), tiny, ["syntax-error"]);
    // The control is graded before any submission; here it is a catalogued bug instead of src/reference.
    const control = { LOGREG_GRADE_CONTROL: join(scratch, "class", "sigmoid-sign-flipped") };
    const error = (await grade(tiny, out, [], control).then(
      () => new Error("grade succeeded"),
      (e: unknown) => e,
    )) as { code?: number; stderr?: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toContain("passes 41 of 43 properties: the grader is broken");
    expect(existsSync(out)).toBe(false);
  }, 600_000);
});

describe("the same class again, with a rubric", () => {
  const subset = ["correct", "patches-globals", "sigmoid-sign-flipped"];
  let again: GradesJson;

  beforeAll(async () => {
    const folder = join(scratch, "again");
    await solutionSubmission(join(folder, "correct"));
    await bugSubmission(join(folder, "sigmoid-sign-flipped"), "sigmoid-sign-flipped");
    await copyFixtures(join(root, "fixtures/submissions"), folder, ["patches-globals"]);
    const rubric = join(scratch, "rubric.json");
    await writeFile(
      rubric,
      JSON.stringify({ steps: { "4": 2 }, properties: { [hidden]: 10 }, hidden: [hidden] }),
    );
    await grade(folder, join(scratch, "grades-rubric"), ["--rubric", rubric]);
    const text = await readFile(join(scratch, "grades-rubric/grades.json"), "utf8");
    again = JSON.parse(text) as GradesJson;
  }, 600_000);

  test("the same seed gives the same result and message for every property (the rubric sets only points)", () => {
    const results = (grades: GradesJson, name: string) =>
      grades.submissions
        .find((s) => s.submission === name)
        ?.properties.map((p) => [p.name, p.passed, p.message ?? ""]);
    for (const name of subset) expect(results(again, name)).toEqual(results(json, name));
  });

  test("a rubric sets points per step and per property, and hides properties from the feedback", async () => {
    const out = join(scratch, "grades-rubric");
    const rows = (await readFile(join(out, "grades.csv"), "utf8")).split("\n");
    // max: 4 + 10 (step 1) + 5 + 8 + 8 × 2 + 6 + 5 + 6; sigmoid-sign-flipped fails the hidden one.
    expect(rows).toContain("correct,60,60,14,5,8,16,6,5,6");
    expect(rows).toContain("sigmoid-sign-flipped,49,60,3,5,8,16,6,5,6");
    const feedback = await readFile(join(out, "feedback/sigmoid-sign-flipped.md"), "utf8");
    expect(feedback).not.toContain("monotone");
    expect(feedback).toContain("1 more property is graded but not shown (10 points).");
    const results = await readFile(
      join(out, "gradescope/sigmoid-sign-flipped/results.json"),
      "utf8",
    );
    const hiddenTest = (
      JSON.parse(results) as { tests: { name: string; visibility: string; max_score: number }[] }
    ).tests.find((t) => t.name.endsWith(hidden));
    expect(hiddenTest).toMatchObject({ visibility: "hidden", max_score: 10 });
  }, 600_000);
});
