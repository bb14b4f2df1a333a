/**
 * `npm run learn -- --run --python <file.py>`: the learner's loop against a numpy module. The
 * kit's solution passes every step (exit 0); a catalogued mistake stops the loop at the step of
 * the function it breaks, and the report blames that Python function (exit 1). Each run checks
 * the model properties step by step against a python process per file.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
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

test(
  "a catalogued mistake: the loop stops at its function's step and blames that Python function, exit 1",
  ({ skip }) => {
    if (python === undefined) return skip(NO_PYTHON);
    if (bug === undefined) throw new Error("properties/catalogue/python/cost-clip.py is missing");
    const broken = (Object.keys(ARTICLE_STEP) as ContractFunction[]).find(
      (name) => pythonName(name) === bug.breaks,
    );
    if (broken === undefined) throw new Error(`BREAKS = "${bug.breaks}" is no article function`);
    const step = ARTICLE_STEP[broken];
    // The catalogue's seed, with which python-catalogue.integration.test.ts finds the mistake.
    const result = learn(bug.path, { PROPERTY_SEED: String(catalogueSeed) });
    expect(result.stdout).toMatch(new RegExp(`^step ${step}: 1 failing test`));
    expect(result.stdout).toMatch(
      new RegExp(`\\n {2}blames {9}${bug.breaks} \\(article step ${step}\\)\\n`),
    );
    expect(result.stdout).toContain(`\nsteps done: ${steps.indexOf(step)} of ${steps.length}  (`);
    expect(result.status).toBe(1);
  },
  SUITE_TIMEOUT_MS,
);
