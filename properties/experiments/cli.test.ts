import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { fixtureCsvChunks } from "../../src/data/index.js";
import {
  DEFAULT_ALPHAS,
  EXPERIMENT_NAMES,
  parseExperimentCommand,
} from "../../src/experiments/cli.js";
import { experimentMain } from "../../src/experiments/main.js";
import { bankRow, smallCsv, writeTemp } from "../support/bank-csv.js";

const directory = mkdtempSync(join(tmpdir(), "logreg-experiment-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs experimentMain in-process with captured output. */
async function experiment(argv: string[]) {
  const captured = { stdout: "", stderr: "" };
  const sink = (key: "stdout" | "stderr") =>
    ({ write: (text: string) => ((captured[key] += text), true) }) as NodeJS.WritableStream;
  const code = await experimentMain(argv, { stdout: sink("stdout"), stderr: sink("stderr") });
  return { code, ...captured };
}

const small = writeTemp([...fixtureCsvChunks({ rows: 200, seed: 3 })].join(""));

describe("npm run experiment: the command line", () => {
  test("defaults: the fixture, the article's 1000 epochs, the issue's α sweep, reports/experiments/<name>", () => {
    expect(parseExperimentCommand(["learning-rate"], "fixtures/bank.csv")).toEqual({
      kind: "run",
      config: {
        experiment: "learning-rate",
        data: "fixtures/bank.csv",
        epochs: 1000,
        alphas: [...DEFAULT_ALPHAS],
      },
      out: "reports/experiments/learning-rate",
      quiet: false,
    });
  });

  test.each([
    [[], "name an experiment: one of learning-rate, scaling, clipping, vectorization"],
    [["speed"], 'unknown experiment "speed"'],
    [["learning-rate", "scaling"], "one experiment at a time, not 2"],
    [["learning-rate", "--epochs", "0"], '--epochs "0": expected an integer from 1 to 1000000'],
    [["learning-rate", "--epochs", "0x10"], '--epochs "0x10"'],
    [["learning-rate", "--alphas", "0.1,-1"], '"-1" is not a finite number > 0'],
    [["learning-rate", "--alphas", "0.1,,1"], '"" is not a finite number > 0'],
    [["learning-rate", "--alphas", "1,1"], "1 is named twice"],
    [["scaling", "--alphas", "1"], "--alphas is used only with learning-rate, not scaling"],
    [["learning-rate", "--data", join(directory, "none.csv")], "none.csv: no such file"],
    [["learning-rate", "--data", directory], ": not a file"],
    [["learning-rate", "--bogus"], "Unknown option '--bogus'"],
    [["learning-rate", "--out", " "], '--out "": expected a folder path'],
  ])("usage error %j: exit 2, the message and the usage, no stack", async (argv, message) => {
    const { code, stdout, stderr } = await experiment(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: npm run experiment -- <name> [options]");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test("--help prints the usage on stdout, exit 0", async () => {
    const { code, stdout } = await experiment(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("learning-rate   gradient descent from zero");
  });

  test.each([...EXPERIMENT_NAMES])(
    "%s, a bad data file: exit 3, the pipeline's message naming file, line and value, nothing written",
    async (name) => {
      const bad = writeTemp(smallCsv([bankRow(), bankRow({ age: "forty", deposit: "no" })]));
      const out = join(directory, `bad-${name}`);
      const { code, stdout, stderr } = await experiment([name, "--data", bad, "--out", out]);
      expect(code).toBe(3);
      expect(stdout).toBe("");
      expect(stderr).toContain(bad);
      expect(stderr).toContain("line 3");
      expect(stderr).toContain("forty");
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(() => readFileSync(join(out, "report.json"))).toThrow();
    },
  );

  test.each([...EXPERIMENT_NAMES])(
    "%s, an output folder that cannot be made: exit 4, checked before running",
    async (name) => {
      const { code, stderr } = await experiment([
        name,
        "--data",
        small,
        "--out",
        join(small, "under-a-file"),
      ]);
      expect(code).toBe(4);
      expect(stderr).toContain("nothing was written");
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );

  test("a run writes report.json, report.md and the SVG, and prints the summary and the path", async () => {
    const out = join(directory, "lr");
    const argv = ["learning-rate", "--data", small, "--epochs", "20", "--alphas", "0.1,50"];
    const { code, stdout } = await experiment([...argv, "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^α +final cost/);
    expect(stdout.trimEnd().split("\n").pop()).toBe(out);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
      runs: { alpha: number }[];
    };
    expect(report.runs.map((r) => r.alpha)).toEqual([0.1, 50]);
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("](learning-rate.svg)");
    expect(readFileSync(join(out, "learning-rate.svg"), "utf8")).toMatch(/^<svg /);
  });
});
