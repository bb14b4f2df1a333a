import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { ContractFunction } from "../../src/contract.js";
import { matrixFromRows } from "../../src/matrix.js";
import * as stubs from "../../src/impl-stubs/index.js";
import { exercise } from "./in-process.js";
import { differences, readSnapshot, type Snapshot } from "../../src/exercise/snapshot.js";

/**
 * `npm run exercise` works on a temporary copy of src/impl (with its own git repository where
 * the test needs one), never on this project's src/impl: other people work in this tree.
 */
const projectRoot = resolve(import.meta.dirname, "../..");
const stubFiles = readSnapshot(join(projectRoot, "src/impl-stubs"));
const temporaryRoots: string[] = [];

afterEach(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A temporary project holding a copy of src/impl, committed to a fresh git repository if asked. */
function copyOfProject({ git }: { git: boolean }): string {
  const root = mkdtempSync(join(tmpdir(), "logreg-exercise-"));
  temporaryRoots.push(root);
  cpSync(join(projectRoot, "src/impl"), join(root, "src/impl"), { recursive: true });
  if (git) {
    const run = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
    run("init", "--quiet");
    run("add", "src/impl");
    run(
      "-c",
      "user.name=test",
      "-c",
      "user.email=test@example.org",
      "commit",
      "--quiet",
      "-m",
      "shipped",
    );
  }
  return root;
}

const impl = (root: string): Snapshot => readSnapshot(join(root, "src/impl"));

function saves(root: string): string[] {
  const folder = join(root, ".exercise/saved");
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe("npm run exercise", () => {
  test("start replaces src/impl with the stubs, and restore brings it back byte for byte", () => {
    const root = copyOfProject({ git: true });
    const shipped = impl(root);

    expect(exercise(root, "start")).toMatchObject({ status: 0, err: "" });
    expect(differences(stubFiles, impl(root))).toEqual([]);
    expect(saves(root)).toHaveLength(1);

    expect(exercise(root, "restore")).toMatchObject({ status: 0, err: "" });
    expect(differences(shipped, impl(root))).toEqual([]);
    expect(
      execFileSync("git", ["status", "--porcelain", "src/impl"], { cwd: root }).toString(),
    ).toBe("");
  });

  test("start refuses to replace changes git has not committed, and changes nothing", () => {
    const root = copyOfProject({ git: true });
    writeFileSync(join(root, "src/impl/2-cost.ts"), "// my own cost\n", { flag: "a" });
    writeFileSync(join(root, "src/impl/notes.md"), "my notes\n");
    const mine = impl(root);

    const refused = exercise(root, "start");
    expect(refused.status).toBe(1);
    expect(refused.err).toContain("2-cost.ts changed, notes.md added");
    expect(refused.err).toContain("start --force");
    expect(differences(mine, impl(root))).toEqual([]);
    expect(saves(root)).toEqual([]);
  });

  test("start --force saves the learner's changes, and restore brings them back byte for byte", () => {
    const root = copyOfProject({ git: true });
    writeFileSync(join(root, "src/impl/2-cost.ts"), "// my own cost\n", { flag: "a" });
    mkdirSync(join(root, "src/impl/notes"));
    writeFileSync(join(root, "src/impl/notes/todo.md"), "my notes\n");
    const mine = impl(root);

    expect(exercise(root, "start", "--force").status).toBe(0);
    expect(differences(stubFiles, impl(root))).toEqual([]);
    expect(exercise(root, "restore").status).toBe(0);
    expect(differences(mine, impl(root))).toEqual([]);
  });

  test("restore --shipped brings back git's src/impl, saving the work it replaces for restore --from", () => {
    const root = copyOfProject({ git: true });
    const shipped = impl(root);
    exercise(root, "start");
    writeFileSync(join(root, "src/impl/sigmoid.ts"), "export const sigmoid = () => 0.5;\n");
    const inProgress = impl(root);

    const restored = exercise(root, "restore", "--shipped");
    expect(restored.status).toBe(0);
    expect(restored.out).toContain("before-restore");
    expect(differences(shipped, impl(root))).toEqual([]);
    const [, setAside] = saves(root);
    expect(setAside).toMatch(/-before-restore$/);
    const saved = readSnapshot(join(root, ".exercise/saved", setAside));
    expect(differences(inProgress, saved)).toEqual([]);

    expect(exercise(root, "restore", "--from", `.exercise/saved/${setAside}`).status).toBe(0);
    expect(differences(inProgress, impl(root))).toEqual([]);
  });

  test("without git, start needs --force and restore --shipped says why it cannot", () => {
    const root = copyOfProject({ git: false });
    const original = impl(root);

    const refused = exercise(root, "start");
    expect(refused.status).toBe(1);
    expect(refused.err).toContain("cannot tell whether src/impl has changes");
    expect(differences(original, impl(root))).toEqual([]);

    const noGit = exercise(root, "restore", "--shipped");
    expect(noGit.status).toBe(1);
    expect(noGit.err).toMatch(/^exercise: git ls-tree failed: /);

    expect(exercise(root, "start", "--force").status).toBe(0);
    expect(exercise(root, "restore").status).toBe(0);
    expect(differences(original, impl(root))).toEqual([]);
  });

  test("#14.9 restore over the stubs saves a link and an empty folder the learner added", () => {
    const root = copyOfProject({ git: true });
    const shipped = impl(root);
    expect(exercise(root, "start").status).toBe(0);
    symlinkSync("1-model.ts", join(root, "src/impl/alias.ts"));
    mkdirSync(join(root, "src/impl/scratch"));

    const restored = exercise(root, "restore");
    expect(restored.status).toBe(0);
    expect(restored.out).toContain("before-restore");
    expect(differences(shipped, impl(root))).toEqual([]);
    const setAside = saves(root).find((name) => name.endsWith("-before-restore")) as string;
    const saved = join(root, ".exercise/saved", setAside);
    expect(readlinkSync(join(saved, "alias.ts"))).toBe("1-model.ts");
    expect(readdirSync(join(saved, "scratch"))).toEqual([]);

    // And restore --from brings them back as they were: a link as a link, the empty folder.
    expect(exercise(root, "restore", "--from", `.exercise/saved/${setAside}`).status).toBe(0);
    expect(readlinkSync(join(root, "src/impl/alias.ts"))).toBe("1-model.ts");
    expect(readdirSync(join(root, "src/impl/scratch"))).toEqual([]);
  });

  test("#14.9 a second command while one runs is refused by the lock; a stale lock is taken over", () => {
    const root = copyOfProject({ git: true });
    const shipped = impl(root);
    mkdirSync(join(root, ".exercise"));
    writeFileSync(join(root, ".exercise/lock"), `${process.pid}\n`); // a live process holds it
    const refused = exercise(root, "start");
    expect(refused.status).toBe(1);
    expect(refused.err).toContain(
      `another npm run exercise (pid ${process.pid}) is working on src/impl`,
    );
    expect(differences(shipped, impl(root))).toEqual([]);
    expect(saves(root)).toEqual([]);

    writeFileSync(join(root, ".exercise/lock"), "999999999\n"); // its process has ended
    const started = exercise(root, "start");
    expect(started.status).toBe(0);
    expect(started.out).toContain("removed a stale lock");
    expect(existsSync(join(root, ".exercise/lock"))).toBe(false);
    const [save] = saves(root);
    expect(differences(shipped, readSnapshot(join(root, ".exercise/saved", save)))).toEqual([]);
  });

  test("a usage error exits 2 with the usage and no stack trace", () => {
    const tsx = join(projectRoot, "node_modules/.bin/tsx");
    const run = spawnSync(tsx, ["scripts/exercise.ts", "begin"], {
      cwd: projectRoot,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("exercise: unknown command: begin");
    expect(run.stderr).toContain("Usage: npm run exercise -- <command> [options]");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

test("#14.2 when stdout is closed (| head), status stops quietly with exit code 141, no stack trace", async () => {
  const root = copyOfProject({ git: true });
  const tsx = join(projectRoot, "node_modules/.bin/tsx");
  const child = spawn(tsx, ["scripts/exercise.ts", "status", "--root", root], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  expect(stderr).toBe("");
  expect(code).toBe(141);
}, 30_000);

describe("the exercise's stubs", () => {
  const X = matrixFromRows([[1]]);
  const y = Float64Array.of(1);
  const w = Float64Array.of(0);
  const counts = { truePositives: 1, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  const calls: { name: ContractFunction; step: number; call: () => unknown }[] = [
    { name: "predict", step: 1, call: () => stubs.predict(w, w, 0) },
    { name: "sigmoid", step: 1, call: () => stubs.sigmoid(0) },
    { name: "computeCost", step: 2, call: () => stubs.computeCost(X, y, w, 0) },
    { name: "computeCostVectorized", step: 2, call: () => stubs.computeCostVectorized(X, y, w, 0) },
    { name: "computeGradients", step: 3, call: () => stubs.computeGradients(X, y, w, 0) },
    {
      name: "computeGradientsVectorized",
      step: 3,
      call: () => stubs.computeGradientsVectorized(X, y, w, 0),
    },
    {
      name: "gradientDescent",
      step: 4,
      call: () => stubs.gradientDescent(X, y, w, 0, { alpha: 0.1, epochs: 1 }),
    },
    { name: "ageGroup", step: 5, call: () => stubs.ageGroup(30) },
    { name: "yesNoFlag", step: 5, call: () => stubs.yesNoFlag("yes") },
    { name: "oneHot", step: 5, call: () => stubs.oneHot(["a", "b"]) },
    { name: "fitScaler", step: 6, call: () => stubs.fitScaler(X) },
    {
      name: "transformScaler",
      step: 6,
      call: () => stubs.transformScaler(X, { means: w, scales: y }),
    },
    { name: "standardizeFeatures", step: 6, call: () => stubs.standardizeFeatures(X, 0) },
    { name: "confusionMatrix", step: 9, call: () => stubs.confusionMatrix(y, y) },
    { name: "accuracy", step: 9, call: () => stubs.accuracy(counts) },
    { name: "precision", step: 9, call: () => stubs.precision(counts) },
    { name: "recall", step: 9, call: () => stubs.recall(counts) },
    { name: "f1", step: 9, call: () => stubs.f1(counts) },
    { name: "rocAuc", step: 9, call: () => stubs.rocAuc(y, y) },
    { name: "logLoss", step: 9, call: () => stubs.logLoss(y, y) },
  ];

  test("export exactly the contract's functions", () => {
    expect(Object.keys(stubs).sort()).toEqual(calls.map(({ name }) => name).sort());
  });

  test("each throws “not implemented yet: <function> (article step N)”", () => {
    for (const { name, step, call } of calls) {
      expect(call).toThrow(new Error(`not implemented yet: ${name} (article step ${step})`));
    }
  });
});
