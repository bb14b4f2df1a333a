import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { solutionSubmission } from "../../src/grade/solution-copy.js";
import { bugSubmission, copyFixtures } from "./class.js";

/**
 * `npm run grade` on a class: the committed hostile submissions (fixtures/submissions), the
 * shipped solution and three catalogued bugs. Every score and every one-line reason is checked;
 * then three of them graded again with a rubric must
 * get the same result and message for every property (the same seed), the rubric's points and its
 * hidden property. (The control's verdict: grade-control.test.ts.)
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

async function grade(submissions: string, out: string, extra: string[] = []) {
  const args = ["--import", "tsx", "scripts/grade.ts", submissions, "--out", out];
  return run(process.execPath, [...args, "--timeout", "3", "--memory", "128", ...extra], {
    cwd: root,
    maxBuffer: 1 << 24,
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
        "correct,61,61,8,8,13,11,8,5,8",
        "cost-summed-not-averaged,52,61,8,3,11,9,8,5,8",
        "fake-passed,12,61,3,2,4,3,0,0,0",
        "gradient-descent-mutates-weights,54,61,8,8,12,5,8,5,8",
        "imports-reference,6,61,6,0,0,0,0,0,0",
        "infinite-loop,42,61,8,0,8,5,8,5,8",
        "patches-globals,36,61,3,3,6,7,8,5,4",
        "process-exit,55,61,2,8,13,11,8,5,8",
        "sigmoid-sign-flipped,58,61,5,8,13,11,8,5,8",
        "spawns-process,58,61,6,8,13,10,8,5,8",
        "syntax-error,0,61,0,0,0,0,0,0,0",
        "throws-at-import,0,61,0,0,0,0,0,0,0",
        "unbounded-allocation,49,61,8,8,12,0,8,5,8",
        "writes-file,46,61,8,0,9,8,8,5,8",
        "",
      ].join("\n"),
    );
  });

  test("each submission that broke something outside the properties has its one-line reason", () => {
    const notes = Object.fromEntries(json.submissions.map((s) => [s.submission, s.notes]));
    expect(notes).toEqual({
      correct: [],
      "cost-summed-not-averaged": [],
      // It exports steps 1–4 only: one note names every missing function (src/grade/exports.ts).
      "fake-passed": [
        "does not export ageGroup (article step 5), yesNoFlag (article step 5), oneHot (article step 5), fitScaler (article step 6), transformScaler (article step 6), standardizeFeatures (article step 6), confusionMatrix (article step 9), accuracy (article step 9), precision (article step 9), recall (article step 9), f1 (article step 9), rocAuc (article step 9), logLoss (article step 9)",
      ],
      "gradient-descent-mutates-weights": [],
      "imports-reference": [
        "imports the kit's implementation src/reference/index.ts: what comes from it earns no marks (flagged)",
      ],
      // Each step starts a fresh sandbox: it loses the steps that call computeCostVectorized only
      // (step 9's log-loss is judged against the reference's cost, not the learner's: #19).
      "infinite-loop": [
        "step 2: timed out after 3 s",
        "step 3: timed out after 3 s",
        "step 4: timed out after 3 s",
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
    // A missing function fails the properties that call it, inside the suite's own report.
    expect(failureMessages("fake-passed").at(-1)).toMatch(
      /\n {2}threw {10}Error: does not export \w+ \(article step 9\)\n/,
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
    expect(flipped).toContain(
      "property failed: sigmoid is within 6 units of roundoff, relative, of the exact σ(z)",
    );
    expect(flipped).toContain("counterexample (seed 42,");
    expect(flipped).toContain("LOGREG_IMPL=sigmoid-sign-flipped/index.ts npx vitest run");
  });

  test("nothing a submission tried to write or start exists, and its claims count for nothing", () => {
    for (const trace of traces) expect(existsSync(trace)).toBe(false);
    expect(submission("fake-passed").total).toBeLessThan(submission("correct").total);
  });

  test("every learner gets feedback and a Gradescope results.json", async () => {
    const out = join(scratch, "grades");
    const names = json.submissions.map((s) => s.submission);
    expect(readdirSync(join(out, "feedback")).sort()).toEqual(names.map((n) => `${n}.md`).sort());
    const feedback = await readFile(join(out, "feedback/sigmoid-sign-flipped.md"), "utf8");
    expect(feedback).toContain("Score on the properties shown here: **58 / 61**.");
    expect(feedback).toContain("## Step 1: 5 / 8");
    const results = JSON.parse(
      await readFile(join(out, "gradescope/infinite-loop/results.json"), "utf8"),
    ) as { score: number; output: string; tests: Record<string, unknown>[] };
    expect(results.score).toBe(42);
    expect(results.output).toContain("step 2: timed out after 3 s");
    expect(results.tests).toHaveLength(61);
    expect(Object.keys(results.tests[0]).sort()).toEqual(
      ["max_score", "name", "output", "score", "status", "visibility"].sort(),
    );
    expect(progress).toContain("control: src/reference passes all 61 properties");
    expect(progress).toMatch(/done 14\/14/);
    expect(json.seed).toBe(42);
  });
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
    // max: 7 + 10 (step 1) + 8 + 13 + 11 × 2 + 8 + 5 + 8; sigmoid-sign-flipped fails the hidden
    // one and two more of step 1.
    expect(rows).toContain("correct,81,81,17,8,13,22,8,5,8");
    expect(rows).toContain("sigmoid-sign-flipped,69,81,5,8,13,22,8,5,8");
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
