import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { OutputError, prepareOutput } from "../../src/publish/atomic-write.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "logreg-atomic-"));
  dirs.push(dir);
  return dir;
}

const files = (run: string) => [
  { name: "loss-curve.svg", content: `svg of ${run}` },
  { name: "report.md", content: `md of ${run}` },
  { name: "report.json", content: `json of ${run}` },
];
const contents = (dir: string) =>
  readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .sort();

describe("publishing a report", () => {
  test("creates the folder (parents one level at a time) and publishes the three files", async () => {
    const out = join(tempDir(), "nested", "deeper", "latest");
    const publication = await prepareOutput(out);
    await publication.publish(files("one"));
    expect(contents(out)).toEqual(["svg of one", "json of one", "md of one"].sort());
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(out, ".."))).toHaveLength(2); // the link and its folder, no temporary
  });

  test("#14.7 a kill between writes leaves the previous report whole; the next run removes the leftovers", async () => {
    const parent = tempDir();
    const out = join(parent, "latest");
    await (await prepareOutput(out)).publish(files("one"));
    // A run "killed" after writing two of its three files: its publication never finishes.
    const killed = await prepareOutput(out, {
      afterWrite: (name) => (name === "report.md" ? new Promise<void>(() => {}) : undefined),
    });
    void killed.publish(files("two"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(contents(out)).toEqual(["svg of one", "json of one", "md of one"].sort());
    // Leftovers of an earlier killed run (a process that no longer exists), in both layouts.
    mkdirSync(join(parent, ".latest.999999999-1-abc"));
    writeFileSync(join(parent, ".latest.999999999-1-abc", "report.json"), "partial");
    await (await prepareOutput(out)).publish(files("three"));
    expect(contents(out)).toEqual(["svg of three", "json of three", "md of three"].sort());
    expect(readdirSync(parent).sort()).toEqual([readlinkSync(out), "latest"].sort());
  });

  test("#14.7 a real folder from older runs is migrated: its report is replaced, its leftovers removed", async () => {
    const parent = tempDir();
    const out = join(parent, "latest");
    mkdirSync(out);
    for (const { name } of files("old")) writeFileSync(join(out, name), "old");
    writeFileSync(join(out, ".report.json.0123456789ab.tmp"), "half");
    await (await prepareOutput(out)).publish(files("new"));
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(contents(out)).toEqual(["svg of new", "json of new", "md of new"].sort());
    expect(readdirSync(parent)).toHaveLength(2);
  });

  test("a real folder holding other files is refused before anything is done", async () => {
    const out = join(tempDir(), "latest");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine");
    await expect(prepareOutput(out)).rejects.toThrow(OutputError);
    await expect(prepareOutput(out)).rejects.toThrow(
      /holds files that are not a report \(notes\.txt\)/,
    );
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
  });

  test("a dangling link is replaced; a failed run leaves no staging folder", async () => {
    const parent = tempDir();
    const out = join(parent, "latest");
    symlinkSync(join(parent, "nowhere"), out);
    const failed = await prepareOutput(out);
    await failed.discard();
    expect(readdirSync(parent)).toEqual(["latest"]);
    await (await prepareOutput(out)).publish(files("one"));
    expect(contents(out)).toHaveLength(3);
    // The folders it had to create for a run that failed are removed too.
    await (await prepareOutput(join(parent, "a", "b", "latest"))).discard();
    expect(readdirSync(parent).sort()).toEqual([readlinkSync(out), "latest"].sort());
  });
});
