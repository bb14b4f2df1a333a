import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import {
  differences,
  readSnapshot,
  sameSnapshot,
  writeSnapshot,
} from "../../src/exercise/snapshot.js";

/*
 * Issue #23 (the exercise tool): files are compared by size and SHA-256 (node:crypto), so a
 * snapshot holds no file's bytes; they are read again only when a snapshot is written out.
 */

const directory = mkdtempSync(join(tmpdir(), "logreg-snapshot-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding `files` (path → content). */
function folder(files: Record<string, string>): string {
  const dir = join(directory, String(folders++));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

test("each file of a snapshot is its size and SHA-256, not its bytes", () => {
  const snapshot = readSnapshot(folder({ "cost.ts": "export {};\n", "sub/é.md": "ünï\n" }));
  expect([...snapshot.keys()]).toEqual(["cost.ts", "sub/é.md"]);
  const entry = snapshot.get("sub/é.md");
  expect(entry).toMatchObject({ size: Buffer.byteLength("ünï\n"), sha256: sha256("ünï\n") });
  expect(Object.values(entry ?? {}).some((value) => Buffer.isBuffer(value))).toBe(false);
});

test("same size, other bytes is a change; other size is a change; same bytes elsewhere is not", () => {
  const base = readSnapshot(folder({ "a.ts": "x = 1;\n", "b.ts": "y\n" }));
  const sameSize = readSnapshot(folder({ "a.ts": "x = 2;\n", "b.ts": "y\n" }));
  expect(differences(base, sameSize)).toEqual(["a.ts changed"]);
  const longer = readSnapshot(folder({ "a.ts": "x = 1;\n", "b.ts": "y\n\n" }));
  expect(differences(base, longer)).toEqual(["b.ts changed"]);
  expect(sameSnapshot(base, readSnapshot(folder({ "a.ts": "x = 1;\n", "b.ts": "y\n" })))).toBe(
    true,
  );
});

test("a written snapshot has the bytes it was read with", () => {
  const files = { "a.ts": "const a = 1;\n", "deep/b.ts": "\u0000binary\u00ff" };
  const copy = join(directory, "copy");
  writeSnapshot(copy, readSnapshot(folder(files)));
  expect(sameSnapshot(readSnapshot(copy), readSnapshot(folder(files)))).toBe(true);
  expect(readSnapshot(copy).get("deep/b.ts")).toMatchObject({
    sha256: sha256("\u0000binary\u00ff"),
  });
});
