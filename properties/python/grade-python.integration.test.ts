/**
 * `npm run grade` on a class of Python submissions (a folder with logreg.py), each run in the
 * grader's OS sandbox (src/grade/python-sandbox.ts, python-confinement.ts): the kit's numpy
 * solution gets full marks; a catalogued mistake loses properties, each failure blaming the
 * function it breaks; a submission that reaches outside its sandbox finds nothing there; one that
 * runs past its CPU budget is stopped for the rest of the step. Skipped,
 * saying why, without a python with numpy or without bubblewrap (Python submissions are run in
 * bwrap only).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { probeConfinement } from "../../src/grade/confinement.js";
import { NO_PYTHON } from "../../src/python/find-python.js";
import { python, pythonBugs, root } from "./python-suite.js";

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "logreg-grade-python-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

mkdirSync(join(scratch, "probe"));
const bwrap = probeConfinement(join(scratch, "probe")).kind === "bwrap";
const why =
  python === undefined ? NO_PYTHON : bwrap ? undefined : "skipped: bwrap does not work here";

const solution = readFileSync(join(root, "fixtures", "python", "logreg.py"), "utf8");
const bug = pythonBugs().find(({ name }) => name === "cost-clip");
if (bug === undefined) throw new Error("properties/catalogue/python/cost-clip.py is missing");
const wrong = readFileSync(bug.path, "utf8");

/**
 * A sigmoid that reports what it can reach: files outside its folder, a write, the network, a
 * new or signalled process, native code.
 */
const PROBE = `
import os as _os, socket as _socket, subprocess as _subprocess

def sigmoid(z):
    found = []
    for path in ["/etc/passwd", ${JSON.stringify(join(root, "README.md"))}, "../correct/logreg.py"]:
        try:
            open(path).read()
            found.append("read " + path)
        except OSError as error:
            found.append(type(error).__name__)
    try:
        open("/submission/written", "w").write("x")
        found.append("wrote its folder")
    except OSError as error:
        found.append(type(error).__name__)
    try:
        _socket.create_connection(("1.1.1.1", 80), timeout=1)
        found.append("reached the network")
    except OSError as error:
        found.append(type(error).__name__)
    for attempt in [_os.fork, lambda: _subprocess.run(["true"]), lambda: _os.kill(1, 0),
                    lambda: __import__("ctypes").CDLL(None)]:
        try:
            if attempt() == 0:
                _os._exit(0)  # a child, had the fork not been refused
            found.append("started or signalled a process, or loaded native code")
        except (OSError, ImportError) as error:
            found.append(type(error).__name__)
    raise RuntimeError("reached: " + ", ".join(found) + f"; uid {_os.getuid()}")
`;

/** A sigmoid that spends seconds of CPU time on every call. */
const BUSY = `
def sigmoid(z):
    total = 0
    for i in range(3_000_000):
        total += i
    return 1 / (1 + np.exp(-z))
`;

interface Graded {
  submission: string;
  total: number;
  notes: string[];
  properties: { name: string; step: number; passed: boolean; message?: string }[];
}
let graded: Graded[] = [];

beforeAll(async () => {
  if (why) return;
  const submissions = join(scratch, "class");
  const write = (name: string, text: string) => {
    mkdirSync(join(submissions, name), { recursive: true });
    writeFileSync(join(submissions, name, "logreg.py"), text);
  };
  write("correct", solution);
  // The solution with the mistake's function defined again after it (the later def wins).
  write(bug.name, `${solution}\n${wrong.slice(wrong.indexOf("\ndef "))}`);
  write("reaches-out", `${solution}\n${PROBE}`);
  write("busy", `${solution}\n${BUSY}`);
  const out = join(scratch, "grades");
  const args = ["--import", "tsx", "scripts/grade.ts", submissions, "--out", out, "--timeout", "5"];
  await run(process.execPath, args, { cwd: root, maxBuffer: 1 << 24 });
  const json = JSON.parse(readFileSync(join(out, "grades.json"), "utf8")) as {
    submissions: Graded[];
  };
  graded = json.submissions;
}, 600_000);

function submission(name: string): Graded {
  const found = graded.find((s) => s.submission === name);
  if (!found) throw new Error(`no grades for ${name}`);
  return found;
}

test("the kit's numpy solution gets full marks", ({ skip }) => {
  if (why) return skip(why);
  const correct = submission("correct");
  expect(correct.properties.length).toBeGreaterThanOrEqual(61);
  expect(correct.properties.filter((p) => !p.passed)).toEqual([]);
  expect(correct.total).toBe(correct.properties.length);
  expect(correct.notes).toEqual([]);
});

test("a catalogued mistake loses properties, each blaming the function it breaks", ({ skip }) => {
  if (why) return skip(why);
  const lost = submission(bug.name).properties.filter((p) => !p.passed);
  expect(lost.length).toBeGreaterThan(0);
  for (const property of lost) {
    expect(property.message).toMatch(new RegExp(`\\n {2}blames {9}${bug.breaks} \\(article step `));
  }
});

test("a submission that reaches outside its sandbox finds nothing: no file, no write, no network, no process, no native code", ({
  skip,
}) => {
  if (why) return skip(why);
  const messages = submission("reaches-out")
    .properties.map((p) => p.message ?? "")
    .filter((message) => message.includes("reached: "));
  expect(messages.length).toBeGreaterThan(0);
  expect(messages[0]).toMatch(
    /reached: FileNotFoundError, FileNotFoundError, FileNotFoundError, OSError, OSError, PermissionError, PermissionError, PermissionError, PermissionError; uid 65534/,
  );
});

test("a submission past its CPU budget is stopped, timed out, for the rest of the step only", ({
  skip,
}) => {
  if (why) return skip(why);
  const busy = submission("busy");
  expect(busy.notes).toContain("step 1: timed out after 5 s");
  const step1 = busy.properties.filter((p) => p.step === 1 && !p.passed);
  expect(
    step1.some((p) => p.message === "not run: your code timed out after 5 s (the limit per step)"),
  ).toBe(true);
  // Steps that do not call sigmoid run in a fresh process and pass.
  expect(busy.properties.filter((p) => p.step === 9).every((p) => p.passed)).toBe(true);
});
