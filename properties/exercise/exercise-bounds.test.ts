import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import { exercise } from "./in-process.js";
import { SNAPSHOT_LIMITS } from "../../src/exercise/snapshot.js";

/**
 * The exercise tool touches only what it should, within stated bounds: it never follows a
 * src/impl that is a link, reads `--from` only inside the project, and refuses a src/impl too
 * big to copy (naming the file or the limit) before reading it. Each case works on a temporary
 * project holding a copy of src/impl.
 */
const projectRoot = resolve(import.meta.dirname, "../..");

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "logreg-bounds-"));
  cpSync(join(projectRoot, "src/impl"), join(root, "src/impl"), { recursive: true });
  return root;
}

test("a src/impl that is a link is refused by start, restore and status, naming its target; the link is kept", () => {
  const root = project();
  const elsewhere = mkdtempSync(join(tmpdir(), "logreg-elsewhere-"));
  writeFileSync(join(elsewhere, "notes.md"), "mine\n");
  const impl = join(root, "src/impl");
  // The folder replaced by a link to the user's folder.
  rmSync(impl, { recursive: true });
  symlinkSync(elsewhere, impl);
  for (const command of [["start", "--force"], ["restore", "--shipped"], ["status"]]) {
    const { status, err } = exercise(root, ...command);
    expect(status, command.join(" ")).toBe(1);
    expect(err).toContain(`src/impl is a symbolic link to ${elsewhere}`);
  }
  expect(readlinkSync(impl)).toBe(elsewhere);
  expect(existsSync(join(elsewhere, "notes.md"))).toBe(true);
});

test("restore --from outside the project is refused, naming the folder, before anything is read", () => {
  const root = project();
  for (const from of ["/usr", "../../", tmpdir()]) {
    const { status, err } = exercise(root, "restore", "--from", from);
    expect(status, from).toBe(1);
    expect(err).toContain("is not inside the project");
  }
});

test("a file bigger than the byte limit in src/impl is named, with the limit, and nothing is read or changed", () => {
  const root = project();
  const big = join(root, "src/impl/data.bin");
  writeFileSync(big, "");
  truncateSync(big, 3 * 1024 ** 3); // a sparse 3 GiB file: no disk used
  const before = process.memoryUsage().rss;
  const { status, err } = exercise(root, "start", "--force");
  expect(status).toBe(1);
  expect(err).toContain("src/impl/data.bin is 3221225472 bytes");
  expect(err).toContain(`${SNAPSHOT_LIMITS.bytes} bytes`);
  // Reading the file would add 3 GiB; 256 MiB is far above a walk's garbage and far below that.
  expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 ** 2);
  expect(existsSync(join(root, ".exercise/saved"))).toBe(false);
});

test("a src/impl of more files than the limit is refused, naming the limit", () => {
  const root = project();
  const many = join(root, "src/impl/many");
  mkdirSync(many);
  for (let i = 0; i <= SNAPSHOT_LIMITS.files; i++) writeFileSync(join(many, `${i}.txt`), "");
  const { status, err } = exercise(root, "status");
  expect(status).toBe(1);
  expect(err).toContain(`more than ${SNAPSHOT_LIMITS.files} files`);
});

test("a missing src/impl is called missing by status, not the exercise in progress", () => {
  const root = mkdtempSync(join(tmpdir(), "logreg-bounds-"));
  mkdirSync(join(root, "src"));
  const { status, out } = exercise(root, "status");
  expect(status).toBe(0);
  expect(out).toContain("src/impl does not exist");
});

test("--root must be a folder holding src/: a missing one is a usage error", () => {
  const root = join(mkdtempSync(join(tmpdir(), "logreg-bounds-")), "no-such-folder");
  const { status, err } = exercise(root, "start");
  expect(status).toBe(2);
  expect(err).toContain(`--root ${root}: no such folder`);
  expect(existsSync(root)).toBe(false);
});

// On a machine whose / holds a src/ folder, / passes this check: the case does not apply there.
test.skipIf(existsSync("/src"))(
  "--root / (no src/ there) is a usage error, and /.exercise is not created",
  () => {
    const { status, err } = exercise("/", "start");
    expect(status).toBe(2);
    expect(err).toContain("--root /: it holds no src/ folder");
    expect(existsSync("/.exercise")).toBe(false);
  },
);

test("--ref must name a commit, never an option that git would obey", () => {
  const { status, err } = exercise(project(), "status", "--ref=--output=/tmp/x");
  expect(status).toBe(2);
  expect(err).toContain("--ref --output=/tmp/x: a commit is expected, not an option");
});

test("status says why it cannot compare with --ref, instead of ignoring it", () => {
  const { status, out } = exercise(project(), "status", "--ref", "nosuchref");
  expect(status).toBe(0);
  expect(out).toContain("(not compared with nosuchref: git ls-tree failed:");
});

test("file names in src/impl reach the terminal escaped, never as control characters", () => {
  const root = project();
  writeFileSync(join(root, "src/impl/\u001b[2J\u001b]0;pwned\u0007.ts"), "");
  const { status, out } = exercise(root, "status");
  expect(status).toBe(0);
  // eslint-disable-next-line no-control-regex -- the point: no raw control character
  expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  expect(out).toContain("\\u001b[2J\\u001b]0;pwned\\u0007.ts added");
});
