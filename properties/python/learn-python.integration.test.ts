/**
 * `npm run learn -- --python <file.py>`: the learner's loop against a numpy module. With `--run`,
 * the kit's solution passes every step (exit 0) and a catalogued mistake stops the loop at the
 * step of the function it breaks, the report blaming that Python function (exit 1). In watch
 * mode, a save of the module in its folder runs the loop again: the mistake, then the fix. Each
 * run checks the model properties step by step, a python process per property file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { LearnSession } from "../../scripts/bench/learn-session.js";
import { catalogueSeed } from "../../src/catalogue/catalogue-doc.js";
import { ARTICLE_STEP, type ContractFunction } from "../../src/contract.js";
import { stepsOf } from "../../src/learn/steps.js";
import { pythonName } from "../../src/python/adapter.js";
import { NO_PYTHON } from "../../src/python/find-python.js";
import { python, pythonBugs, root, SUITE_TIMEOUT_MS } from "./python-suite.js";

const steps = stepsOf(readdirSync(join(root, "properties", "model"))).map(({ step }) => step);

function learn(modulePath: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync("npm", ["run", "--silent", "learn", "--", "--run", "--python", modulePath], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0", ...env },
    encoding: "utf8",
    timeout: SUITE_TIMEOUT_MS - 10_000,
  });
}

test(
  "fixtures/python/logreg.py: every step passes, exit 0",
  ({ skip }) => {
    if (python === undefined) return skip(NO_PYTHON);
    const result = learn("fixtures/python/logreg.py");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      new RegExp(`^every step passes\\.\\n\\nsteps done: ${steps.length} of ${steps.length} `),
    );
    expect(result.status).toBe(0);
  },
  SUITE_TIMEOUT_MS,
);

const bug = pythonBugs().find(({ name }) => name === "cost-clip");

/** The catalogued mistake and the article step of the function it breaks (its BREAKS line). */
function mistake(): { path: string; breaks: string; step: number } {
  if (bug === undefined) throw new Error("properties/catalogue/python/cost-clip.py is missing");
  const broken = (Object.keys(ARTICLE_STEP) as ContractFunction[]).find(
    (name) => pythonName(name) === bug.breaks,
  );
  if (broken === undefined) throw new Error(`BREAKS = "${bug.breaks}" is no article function`);
  return { ...bug, step: ARTICLE_STEP[broken] };
}

/** The "blames" line of a failure report that blames `name` of article step `step`. */
const blames = (name: string, step: number) =>
  new RegExp(`\\n {2}blames {9}${name} \\(article step ${step}\\)\\n`);

test(
  "a catalogued mistake: the loop stops at its function's step and blames that Python function, exit 1",
  ({ skip }) => {
    if (python === undefined) return skip(NO_PYTHON);
    const { path, breaks, step } = mistake();
    // The catalogue's seed, with which python-catalogue.integration.test.ts finds the mistake.
    const result = learn(path, { PROPERTY_SEED: String(catalogueSeed) });
    expect(result.stdout).toMatch(new RegExp(`^step ${step}: 1 failing test`));
    expect(result.stdout).toMatch(blames(breaks, step));
    expect(result.stdout).toContain(`\nsteps done: ${steps.indexOf(step)} of ${steps.length}  (`);
    expect(result.status).toBe(1);
  },
  SUITE_TIMEOUT_MS,
);

test(
  "watch mode: a save of the module runs the loop again; the mistake is reported, then the fix",
  async ({ skip }) => {
    if (python === undefined) return skip(NO_PYTHON);
    const { path, breaks, step } = mistake();
    const folder = mkdtempSync(join(tmpdir(), "logreg-learn-python-"));
    const solution = readFileSync(join(root, "fixtures", "python", "logreg.py"), "utf8");
    // The solution with the catalogued mistake's function defined again after it (the later def wins).
    const wrong = readFileSync(path, "utf8");
    const broken = `${solution}\n${wrong.slice(wrong.indexOf("\ndef "))}`;
    writeFileSync(join(folder, "logreg.py"), solution);
    const session = new LearnSession(root, {
      args: ["--python", join(folder, "logreg.py")],
      folder,
      env: { PROPERTY_SEED: String(catalogueSeed) },
    });
    try {
      const started = await session.started();
      expect(started.reports.at(-1)).toContain(`steps done: ${steps.length} of ${steps.length}`);
      const saved = await session.save("logreg.py", broken);
      expect(saved.reports.at(-1)).toMatch(blames(breaks, step));
      expect(saved.reports.at(-1)).toContain(
        `steps done: ${steps.indexOf(step)} of ${steps.length}`,
      );
      const fixed = await session.save("logreg.py", solution);
      expect(fixed.reports.at(-1)).toContain(`steps done: ${steps.length} of ${steps.length}`);
    } finally {
      await session.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
  SUITE_TIMEOUT_MS,
);
