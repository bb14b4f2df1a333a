import { expect, test } from "vitest";
import { FIXTURE_PATH } from "../../src/data/index.js";
import { renderMarkdown } from "../../src/train/markdown.js";
import { runPipeline } from "../../src/train/pipeline.js";
import type { Report } from "../../src/train/report.js";
import { renderLossCurveSvg } from "../../src/train/svg.js";
import { bankRow, KAGGLE_HEADER, writeTemp } from "../support/bank-csv.js";
import { xmlProblem } from "./xml-well-formed.js";
import { readFileSync } from "node:fs";

/*
 * Issue #23, class 4: the data file's name, extra column names and the invalid cells kept by
 * --drop-invalid-rows reached report.md and loss-curve.svg raw. A run on a file that has all
 * three, with control and invisible characters, renders neither raw, and the SVG is well-formed.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2060-\u2064\ufeff]/;

test("report.md and loss-curve.svg show hostile names and cells escaped", async () => {
  const rows = readFileSync(FIXTURE_PATH, "utf8").trimEnd().split("\n").slice(1, 301);
  const header = [...KAGGLE_HEADER, "note\u001b]0;pwned\u0007\u200b"];
  const bad = [...bankRow({ balance: "\u001b[2J\u202e9" }), "x"].join(",");
  const text = [header.join(","), ...rows.map((r) => `${r},x`), bad].join("\n") + "\n";
  const path = writeTemp(text, "\u001b[2J\u001b]0;pwned\u0007.csv");
  const config = {
    data: path,
    alpha: 0.1,
    epochs: 3,
    gradient: "default" as const,
    impl: "reference" as const,
    seed: 42,
    testFraction: 0.2,
    dropInvalidRows: true,
  };
  const quiet = { step() {}, epoch() {}, diverged() {} };
  const { report } = await runPipeline(config, quiet);
  const run = {
    note: "",
    startedAt: "",
    durationMs: 0,
    trainingMs: 0,
    epochsPerSecond: 0,
    stepsMs: {},
    host: "",
    platform: "",
    versions: {},
    gitCommit: null,
    command: "",
  };
  const parsed = JSON.parse(JSON.stringify({ ...report, run })) as Report;
  // The audit keeps what was found (a raw U+202E here); only the renderings escape it.
  expect(parsed.data.audit.droppedRows[0].reasons[0]).toContain("\u202e");
  const md = renderMarkdown(parsed);
  expect(md).not.toMatch(RAW);
  expect(md).toContain("\\\\u001b\\[2J\\\\u001b\\]0;pwned\\\\u0007.csv");
  const svg = renderLossCurveSvg({
    title: parsed.data.file,
    costHistory: [0.7, 0.6],
    optimum: 0.5,
  });
  expect(svg).not.toMatch(RAW);
  expect(xmlProblem(svg)).toBeUndefined();
}, 30_000);
