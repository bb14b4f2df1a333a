import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { writeFilesAtomically } from "../../src/train/atomic-write.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "logreg-atomic-"));
  dirs.push(dir);
  return dir;
}

describe("writeFilesAtomically", () => {
  test("writes every file (creating the directory) and leaves no temporary file", async () => {
    const dir = join(tempDir(), "nested", "out");
    await writeFilesAtomically(dir, [
      { name: "a.txt", content: "A" },
      { name: "b.txt", content: "B" },
    ]);
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b.txt"]);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("B");
  });

  test("when one file cannot be written, none is replaced and the temporary files are removed", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), "old A");
    mkdirSync(join(dir, "sub"));
    // "sub/x.txt" under a name whose parent is missing makes the second write fail.
    const failing = writeFilesAtomically(dir, [
      { name: "a.txt", content: "new A" },
      { name: "missing/x.txt", content: "X" },
    ]);
    await expect(failing).rejects.toThrow(/ENOENT/);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("old A");
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "sub"]);
  });
});
