import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { confinedSource, findEntry, MAX_SOURCE_BYTES } from "../../src/grade/confined-files.js";

/**
 * What the bundler may read of a submission (src/grade/confined-files.ts): regular files under
 * the cap, by their real path inside its folder. (FIFOs and whole runs: red-team.integration.)
 */

let root: string;
let alice: string;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), "logreg-confined-")));
  alice = join(root, "alice");
  await mkdir(join(root, "bob"), { recursive: true });
  await mkdir(alice);
  await writeFile(join(root, "bob", "index.ts"), "export const x = 1;\n");
  await writeFile(join(alice, "own.ts"), "export const y = 2;\n");
  await symlink("../bob/index.ts", join(alice, "copied.ts"));
  await symlink("own.ts", join(alice, "inner-link.ts"));
  await symlink("/dev/zero", join(alice, "zero.ts"));
  await writeFile(join(alice, "huge.ts"), "x".repeat(MAX_SOURCE_BYTES + 1));
  await mkdir(join(alice, "folder.ts"));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const source = (file: string) => () => confinedSource(join(alice, file), [alice], [], alice);

describe("the bundler's reads", () => {
  test("a regular file inside the folder, directly or through a link inside it, is read", () => {
    expect(source("own.ts")().contents.toString()).toBe("export const y = 2;\n");
    expect(source("inner-link.ts")().loader).toBe("ts");
  });

  test("a link to a classmate's file or to a device is refused before it is opened", () => {
    expect(source("copied.ts")).toThrow(`copied.ts is ${join(root, "bob", "index.ts")}, outside`);
    expect(source("zero.ts")).toThrow("zero.ts is /dev/zero, outside the submission's folder");
  });

  test("a file over the cap, or a folder, is refused", () => {
    expect(source("huge.ts")).toThrow(`more than ${MAX_SOURCE_BYTES} bytes`);
    expect(source("folder.ts")).toThrow("folder.ts is a folder, not a regular file");
  });

  test("the entry: the first present, checked the same way", () => {
    expect(findEntry(alice, ["index.ts", "own.ts"])).toBe("own.ts");
    expect(findEntry(alice, ["index.ts"])).toBeUndefined();
    expect(() => findEntry(alice, ["copied.ts"])).toThrow("copied.ts is a link to");
    expect(() => findEntry(alice, ["zero.ts"])).toThrow("zero.ts is a link to /dev/zero");
    expect(() => findEntry(alice, ["huge.ts"])).toThrow("more than");
  });
});
