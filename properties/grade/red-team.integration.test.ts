import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copySolution, solutionSubmission } from "../../src/grade/solution-copy.js";
import { copyFixtures } from "./class.js";

/**
 * The red team (fixtures/submissions/red-team, and what cannot be committed — links, a FIFO, a
 * 254-character name — made here): one `npm run grade` of a class reached through a symbolic
 * link, with two honest classmates (the shipped solution and the exercise's stubs). Each attack
 * must gain nothing, the honest classmates must keep exactly the grades they get when graded
 * alone, nothing outside the sandbox may be reached (a local server, a process of the user),
 * and the run must end with exit 0, a row for every submission and no scratch folder left.
 */

const root = resolve(import.meta.dirname, "../..");
const redTeam = join(root, "fixtures/submissions/red-team");
const longName = "l".repeat(254);

interface Row {
  submission: string;
  total: number;
  max: number;
  steps: Record<string, { score: number; max: number }>;
  notes: string[];
  properties: { name: string; passed: boolean }[];
}

let scratch: string;
let victim: ChildProcess;
let server: Server;
let requests = 0;
let exitCode: number | null;
let progress = "";
let rows: Map<string, Row>;
let baseline: Map<string, Row>;

/** Runs `npm run grade` on `folder`, with TMPDIR `tmp`; its exit code and stderr. */
function grade(folder: string, out: string, tmp: string) {
  const args = ["--import", "tsx", "scripts/grade.ts", folder, "--out", out];
  const options = { cwd: root, env: { ...process.env, TMPDIR: tmp }, maxBuffer: 1 << 26 };
  return new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = execFile(
      process.execPath,
      [...args, "--timeout", "3", "--memory", "128", "--jobs", "2"],
      options,
      (_error, _stdout, stderr) => done({ code: child.exitCode, stderr }),
    );
  });
}

async function readRows(out: string): Promise<Map<string, Row>> {
  const json = JSON.parse(await readFile(join(out, "grades.json"), "utf8")) as {
    submissions: Row[];
  };
  return new Map(json.submissions.map((row) => [row.submission, row]));
}

/** The contents of `path`, or undefined when it cannot be read (yet, or any more). */
function readIfThere(path: string, list: true): string[] | undefined;
function readIfThere(path: string, list: false): string | undefined;
function readIfThere(path: string, list: boolean): string | string[] | undefined {
  try {
    return list ? readdirSync(path) : readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Every 100 ms, kills or stops the checking process whose bundle (in the grader's scratch
 * folder, under `tmp`) holds a red-team marker: what a submission's own sandbox can no longer do.
 */
function watchCheckers(tmp: string): () => void {
  const done = new Set<string>();
  const timer = setInterval(() => {
    for (const run of readdirSync(tmp).filter((name) => name.startsWith("logreg-grade-"))) {
      const entries = readIfThere(join(tmp, run), true) ?? [];
      for (const entry of entries.filter((name) => name.startsWith("bundle-"))) {
        const pid = Number(entry.slice("bundle-".length));
        const text = readIfThere(join(tmp, run, entry, "bundle.mjs"), false) ?? "";
        const signal = text.includes("red-team: kill my checker")
          ? "SIGKILL"
          : text.includes("red-team: stop my checker")
            ? "SIGSTOP"
            : undefined;
        if (signal && !done.has(entry)) {
          done.add(entry);
          process.kill(pid, signal);
        }
      }
    }
  }, 100);
  return () => clearInterval(timer);
}

/** The class: the red team, links, a FIFO, a long name and two honest classmates. */
async function makeClass(folder: string, port: number): Promise<void> {
  await copyFixtures(redTeam, folder);
  for (const [name, from, to] of [
    ["network", "__PORT__", String(port)],
    ["signals", "__VICTIM__", String(victim.pid)],
  ]) {
    const index = join(folder, name, "index.ts");
    await writeFile(index, (await readFile(index, "utf8")).replaceAll(from, to));
  }
  await honest(folder);
  await solutionSubmission(join(folder, longName));
  const made = async (name: string) => {
    await mkdir(join(folder, name), { recursive: true });
    return join(folder, name);
  };
  await symlink("../correct/index.ts", join(await made("entry-link"), "index.ts"));
  await symlink("../correct/solution/1-model.ts", join(folder, "import-link", "helper.ts"));
  await symlink("/dev/zero", join(await made("dev-zero-entry"), "index.ts"));
  const zero = await made("dev-zero-import");
  await symlink("/dev/zero", join(zero, "zero.ts"));
  await writeFile(join(zero, "index.ts"), 'export * from "./zero.js";\n');
  execFileSync("mkfifo", [join(await made("fifo-entry"), "index.ts")]);
}

/** The honest classmates: the shipped solution, and the exercise's stubs. */
async function honest(folder: string): Promise<void> {
  await solutionSubmission(join(folder, "correct"));
  await copySolution(join(folder, "zz-stubs"), "src/impl-stubs");
  await writeFile(join(folder, "zz-stubs", "index.ts"), 'export * from "./solution/index.js";\n');
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "logreg-red-team-"));
  victim = spawn("sleep", ["900"], { stdio: "ignore" });
  server = createServer((_request, response) => {
    requests++;
    response.end("return { sigmoid: () => 0.5, predict: () => 0 };");
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const port = (server.address() as { port: number }).port;
  const tmp = join(scratch, "tmp");
  await mkdir(tmp);

  const alone = join(scratch, "alone");
  await honest(alone);
  await solutionSubmission(join(alone, "pollution-twin"));
  const twin = await readFile(join(redTeam, "pollution", "twin.ts"), "utf8");
  await writeFile(join(alone, "pollution-twin", "index.ts"), twin);
  await grade(alone, join(scratch, "grades-alone"), tmp);
  baseline = await readRows(join(scratch, "grades-alone"));

  await makeClass(join(scratch, "class-real"), port);
  await symlink(join(scratch, "class-real"), join(scratch, "class"));
  const stop = watchCheckers(tmp);
  try {
    const result = await grade(join(scratch, "class"), join(scratch, "grades"), tmp);
    exitCode = result.code;
    progress = result.stderr;
  } finally {
    stop();
  }
  rows = await readRows(join(scratch, "grades"));
}, 1_500_000);

afterAll(async () => {
  victim?.kill("SIGKILL");
  server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function row(name: string): Row {
  const found = rows.get(name);
  if (!found) throw new Error(`no row for ${name}; progress:\n${progress}`);
  return found;
}

/** Every property's point (the default rubric): the count the control reports passing. */
function fullScore(): number {
  const match = /control: src\/reference passes all (\d+) properties/.exec(progress);
  if (!match) throw new Error(`no control line; progress:\n${progress}`);
  return Number(match[1]);
}

describe("the run", () => {
  test("ends with exit 0, a row for every submission, and no scratch folder left", () => {
    expect(exitCode, progress).toBe(0);
    const names = readdirSync(join(scratch, "class-real")).sort();
    expect([...rows.keys()].sort()).toEqual(names);
    expect(readdirSync(join(scratch, "tmp")).filter((n) => n.startsWith("logreg-grade-"))).toEqual(
      [],
    );
    expect(progress).toContain("sandbox: bwrap");
  });

  test("the honest classmates keep exactly the grades they get alone", () => {
    for (const name of ["correct", "zz-stubs"]) {
      const alone = baseline.get(name)!;
      expect(row(name).properties).toEqual(alone.properties);
      expect(row(name).total).toBe(alone.total);
    }
    expect(row("correct").total).toBe(fullScore());
  });

  test("a 254-character folder name gets its row and its feedback file", () => {
    expect(row(longName).total).toBe(fullScore());
    const feedback = readdirSync(join(scratch, "grades", "feedback"));
    expect(feedback.filter((file) => file.startsWith("lll"))).toHaveLength(1);
  });
});

describe("each attack gains nothing", () => {
  test("prototype pollution through an argument: refused; it passes nothing its twin fails", () => {
    const polluter = row("pollution");
    const twin = baseline.get("pollution-twin")!;
    expect(polluter.notes.join("\n")).toContain("sent the grader a message it cannot read");
    const passedByTwin = new Set(twin.properties.filter((p) => p.passed).map((p) => p.name));
    const gained = polluter.properties.filter((p) => p.passed && !passedByTwin.has(p.name));
    expect(gained).toEqual([]);
    expect(polluter.total).toBeLessThanOrEqual(twin.total);
    expect(twin.total).toBeLessThan(fullScore());
  });

  test.each([
    ["entry-link", "index.ts is a link to"],
    ["dev-zero-entry", "index.ts is a link to /dev/zero, outside"],
    ["fifo-entry", "index.ts is a FIFO (named pipe), not a regular file"],
    ["import-link", "outside"],
    ["dev-zero-import", "outside"],
    ["template-import", "uses a glob or template-literal import"],
    ["glob-import", "uses a glob or template-literal import"],
  ])("%s: 0, and its note says why", (name, why) => {
    expect(row(name).total).toBe(0);
    expect(row(name).notes.join("\n")).toContain(why);
  });

  test("network at import time: 127.0.0.1 is unreachable, it gets 0, the server saw nothing", () => {
    expect(row("network").total).toBe(0);
    expect(row("network").notes.join("\n")).toContain("threw at import");
    expect(requests).toBe(0);
  });

  test("forged time: its slow sigmoid times out, measured from outside", () => {
    const forged = row("forged-time");
    expect(forged.notes.join("\n")).toMatch(/step 1: (timed out after 3 s|sent the grader)/);
    expect(forged.steps["1"].score).toBeLessThan(forged.steps["1"].max);
  });

  test("signals: the user's other process and the grader live on", () => {
    expect(() => process.kill(victim.pid!, 0)).not.toThrow();
    expect(row("signals").total).toBe(fullScore());
  });

  test("a stopped sandbox is ended at once, not at the wall limit", () => {
    expect(row("self-stop").notes.join("\n")).toContain(
      "step 1: stopped its own process (SIGSTOP)",
    );
  });

  test("a killed or stopped checking process costs that submission only", () => {
    expect(row("killed-checker").total).toBe(0);
    expect(row("killed-checker").notes.join("\n")).toContain("its checking process ended");
    expect(row("stopped-checker").total).toBe(0);
    expect(row("stopped-checker").notes.join("\n")).toContain("was stopped (SIGSTOP)");
  });

  test("a stderr flood gets a row and changes nobody else's", () => {
    expect(row("stderr-flood").max).toBe(fullScore());
    expect(existsSync(join(scratch, "grades", "grades.csv"))).toBe(true);
  });
});
