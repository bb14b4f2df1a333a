/**
 * A src/impl that cannot be moved makes `start` fail with nothing left behind (#23 class 15): no
 * scratch folder `.exercise/incoming-…`, src/impl as it was. A learner's read-only folder
 * (renaming a folder needs write access to it) is made with chmod 555; as root, who may write
 * anywhere, with `chattr +i` (immutable) instead — a process, hence *.integration.test.ts.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import { exercise } from "./in-process.js";

const projectRoot = resolve(import.meta.dirname, "../..");
const root = process.getuid?.() === 0;

/** Makes `folder` impossible to rename; returns the undo, or undefined when it cannot. */
function freeze(folder: string): (() => void) | undefined {
  if (!root) {
    chmodSync(folder, 0o555);
    return () => chmodSync(folder, 0o755);
  }
  if (spawnSync("chattr", ["+i", folder]).status !== 0) return undefined;
  return () => spawnSync("chattr", ["-i", folder]);
}

test.skipIf(process.platform === "win32")(
  "start on a src/impl that cannot be moved fails and leaves no scratch folder",
  ({ skip }) => {
    const project = mkdtempSync(join(tmpdir(), "logreg-read-only-"));
    const impl = join(project, "src/impl");
    cpSync(join(projectRoot, "src/impl"), impl, { recursive: true });
    const before = readdirSync(impl).sort();
    const thaw = freeze(impl);
    if (thaw === undefined) {
      rmSync(project, { recursive: true, force: true });
      return skip("running as root and chattr +i is not available: cannot make src/impl fixed");
    }
    try {
      const { status, err } = exercise(project, "start", "--force");
      expect(status).toBe(1);
      expect(err).toMatch(/EACCES|EPERM/);
      const exerciseFolder = join(project, ".exercise");
      const left = existsSync(exerciseFolder) ? readdirSync(exerciseFolder) : [];
      expect(left.filter((entry) => entry.startsWith("incoming-"))).toEqual([]);
      expect(readdirSync(impl).sort()).toEqual(before);
    } finally {
      thaw();
      rmSync(project, { recursive: true, force: true });
    }
  },
);
