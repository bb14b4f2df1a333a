import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { stepFingerprints } from "../../src/learn/fingerprint.js";
import { planRun } from "../../src/learn/schedule.js";
import { pythonWorkspace } from "../../src/learn/workspace.js";

const STEPS = [1, 2, 3, 4, 5, 6, 9];

test("at start every step is stale and the run goes in order from step 1", () => {
  expect(planRun(STEPS, new Set(STEPS), undefined)).toEqual({
    current: 1,
    earlier: [],
    later: [2, 3, 4, 5, 6, 9],
  });
});

test("after a save the step reported last runs first, and the earlier steps only when stale", () => {
  // Steps 1 and 2 passed for the files as they are; the learner is on step 3.
  expect(planRun(STEPS, new Set([3, 4, 5, 6, 9]), 3)).toEqual({
    current: 3,
    earlier: [],
    later: [4, 5, 6, 9],
  });
  // A save of 1-model.ts made steps 1 and 2 stale: step 3 still first, then 1 and 2.
  expect(planRun(STEPS, new Set(STEPS), 3)).toEqual({
    current: 3,
    earlier: [1, 2],
    later: [4, 5, 6, 9],
  });
});

test("steps that passed and are not stale are skipped on either side", () => {
  expect(planRun(STEPS, new Set([2, 5, 9]), 5)).toEqual({ current: 5, earlier: [2], later: [9] });
});

test("when every step passed, a stale step becomes the current one; none stale, nothing runs", () => {
  expect(planRun(STEPS, new Set([4, 5, 6, 9]), undefined)).toEqual({
    current: 4,
    earlier: [],
    later: [5, 6, 9],
  });
  expect(planRun(STEPS, new Set(), undefined)).toBeUndefined();
  expect(planRun(STEPS, new Set(), 3)).toBeUndefined();
});

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** A learner's folder with the given files. */
function implFolder(files: Record<string, string>): string {
  folder = mkdtempSync(join(tmpdir(), "learn-fingerprint-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, ".."), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

test("a step's fingerprint changes with its own file and earlier steps' files, not later ones", () => {
  const dir = implFolder({ "1-model.ts": "a", "3-gradients.ts": "b", "9-evaluation.ts": "c" });
  const before = stepFingerprints(dir, STEPS);
  writeFileSync(join(dir, "3-gradients.ts"), "b2");
  const after = stepFingerprints(dir, STEPS);
  expect(after.get(1)).toBe(before.get(1));
  expect(after.get(2)).toBe(before.get(2));
  for (const step of [3, 4, 5, 6, 9]) expect(after.get(step)).not.toBe(before.get(step));
});

test("a file of no step (index.ts, a helper in a subfolder) changes every step's fingerprint", () => {
  const dir = implFolder({ "1-model.ts": "a", "index.ts": "x", "util/sum.ts": "s" });
  const before = stepFingerprints(dir, STEPS);
  writeFileSync(join(dir, "util/sum.ts"), "s2");
  const middle = stepFingerprints(dir, STEPS);
  writeFileSync(join(dir, "index.ts"), "x2");
  const after = stepFingerprints(dir, STEPS);
  for (const step of STEPS) {
    expect(middle.get(step)).not.toBe(before.get(step));
    expect(after.get(step)).not.toBe(middle.get(step));
  }
});

test("the same files give the same fingerprints; moving text between files does not", () => {
  const one = stepFingerprints(implFolder({ "1-model.ts": "ab", "2-cost.ts": "c" }), STEPS);
  const again = stepFingerprints(implFolder({ "1-model.ts": "ab", "2-cost.ts": "c" }), STEPS);
  const moved = stepFingerprints(implFolder({ "1-model.ts": "a", "2-cost.ts": "bc" }), STEPS);
  expect(again).toEqual(one);
  expect(moved.get(2)).not.toBe(one.get(2));
});

test("a Python module's folder: its .py files (not __pycache__) count for every step", () => {
  const dir = implFolder({
    "logreg.py": "def predict(x, w, b): ...",
    "helpers.py": "h",
    "notes.txt": "n",
    "__pycache__/logreg.cpython-311.pyc": "p",
  });
  const workspace = pythonWorkspace(tmpdir(), join(dir, "logreg.py"));
  expect(workspace.project).toBe("LOGREG_IMPL");
  expect(workspace.sources().sort()).toEqual(["helpers.py", "logreg.py"]);
  expect([workspace.watches("logreg.py"), workspace.watches("logreg.cpython-311.pyc")]).toEqual([
    true,
    false,
  ]);
  expect(workspace.stubs().size).toBe(0);
  const fingerprints = () => stepFingerprints(dir, STEPS, workspace.sources());
  const before = fingerprints();
  writeFileSync(join(dir, "__pycache__/logreg.cpython-311.pyc"), "p2");
  writeFileSync(join(dir, "notes.txt"), "n2");
  expect(fingerprints()).toEqual(before);
  writeFileSync(join(dir, "helpers.py"), "h2");
  const after = fingerprints();
  for (const step of STEPS) expect(after.get(step)).not.toBe(before.get(step));
});
