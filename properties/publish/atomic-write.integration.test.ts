/**
 * Publishing a report at `--out` (src/publish): atomically, and touching only what this tool
 * created (#23 class 10). prepareOutput starts git (to ask what it tracks), hence
 * *.integration.test.ts.
 */
import { execFileSync } from "node:child_process";
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

  test("#14.7 a real folder from older runs is migrated: its report is replaced, the old copy kept", async () => {
    const parent = tempDir();
    const out = join(parent, "latest");
    mkdirSync(out);
    for (const { name } of files("old")) writeFileSync(join(out, name), "old");
    const report =
      '{"schemaVersion":1,"config":{},"data":{},"training":{},"model":{},"optimum":{}}';
    writeFileSync(join(out, "report.json"), report);
    writeFileSync(join(out, ".report.json.0123456789ab.tmp"), "half");
    await (await prepareOutput(out)).publish(files("new"));
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(contents(out)).toEqual(["svg of new", "json of new", "md of new"].sort());
    const kept = readdirSync(parent).filter((entry) => entry.startsWith("latest.before-link-"));
    expect(readdirSync(parent).sort()).toEqual([readlinkSync(out), "latest", ...kept].sort());
    expect(readFileSync(join(parent, kept[0], "report.json"), "utf8")).toBe(report);
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

  test("a dangling link to one of its own folders is replaced; a failed run leaves no staging folder", async () => {
    const parent = tempDir();
    const out = join(parent, "latest");
    // The name of a hidden folder of a run long gone (pid 999999999 does not exist).
    symlinkSync(".latest.999999999-1-00000000", out);
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

/** The top-level shape of a report.json this tool writes (src/train/report.ts). */
const ownReport = JSON.stringify({
  schemaVersion: 1,
  config: {},
  data: {},
  training: {},
  model: {},
  optimum: {},
});
const reportFiles = [
  { name: "loss-curve.svg", content: "svg" },
  { name: "report.md", content: "md" },
  { name: "report.json", content: ownReport },
];

describe("--out touches only what this tool created", () => {
  test("a link to a user's folder is refused, naming its target; the link and folder are kept", async () => {
    const parent = tempDir();
    const mine = join(parent, "my-notes");
    mkdirSync(mine);
    writeFileSync(join(mine, "report.md"), "my notes");
    const out = join(parent, "latest");
    symlinkSync(mine, out);
    await expect(prepareOutput(out)).rejects.toThrow(
      `is a link to ${mine}, which this tool did not create`,
    );
    expect(readlinkSync(out)).toBe(mine);
    expect(readFileSync(join(mine, "report.md"), "utf8")).toBe("my notes");
    expect(readdirSync(parent).sort()).toEqual(["latest", "my-notes"]);
  });

  test("a folder holding a user's report.md (no report.json of ours) is refused and untouched", async () => {
    const out = join(tempDir(), "latest");
    mkdirSync(out);
    writeFileSync(join(out, "report.md"), "my notes");
    await expect(prepareOutput(out)).rejects.toThrow("holds no report.json written by this tool");
    expect(readdirSync(out)).toEqual(["report.md"]);
    // A report.json that is not this tool's report (a user's JSON) does not make it ours either.
    writeFileSync(join(out, "report.json"), '{"mine": true}');
    await expect(prepareOutput(out)).rejects.toThrow("holds no report.json written by this tool");
  });

  test("a folder of this tool's report is migrated, and the old copy kept beside it", async () => {
    const parent = tempDir();
    const out = join(parent, "latest");
    mkdirSync(out);
    for (const file of reportFiles) writeFileSync(join(out, file.name), file.content);
    const publication = await prepareOutput(out);
    await publication.publish(
      reportFiles.map((file) => ({ ...file, content: `new ${file.name}` })),
    );
    expect(readFileSync(join(out, "report.md"), "utf8")).toBe("new report.md");
    const kept = readdirSync(parent).filter((entry) => entry.startsWith("latest.before-link-"));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(parent, kept[0], "report.json"), "utf8")).toBe(ownReport);
  });

  test("a folder git tracks is refused, naming a tracked file, even holding our report", async ({
    skip,
  }) => {
    const clone = tempDir();
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", clone, ...args], { stdio: "ignore" });
    try {
      git("init", "-q");
    } catch {
      return skip("git is not installed: nothing git tracks to protect");
    }
    const out = join(clone, "docs", "training");
    mkdirSync(out, { recursive: true });
    for (const file of reportFiles) writeFileSync(join(out, file.name), file.content);
    git("add", "docs/training/loss-curve.svg");
    await expect(prepareOutput(out)).rejects.toThrow(
      "git tracks what is there (docs/training/loss-curve.svg)",
    );
    expect(readFileSync(join(out, "loss-curve.svg"), "utf8")).toBe("svg");
    expect(readdirSync(join(clone, "docs"))).toEqual(["training"]);
  });

  test("#23.15 a name too long for its hidden folders is refused naming the 255-byte limit", async () => {
    const parent = tempDir();
    const name = "n".repeat(250);
    await expect(prepareOutput(join(parent, name))).rejects.toThrow(
      /: the name is 250 bytes; its fresh folder adds \d+ \(\.n…n\.\d+-\d+-[0-9a-f]{8}\.link\), over 255 bytes, the longest name a file system allows: use a name of at most \d+ bytes$/,
    );
    expect(readdirSync(parent)).toEqual([]);
  });
});
