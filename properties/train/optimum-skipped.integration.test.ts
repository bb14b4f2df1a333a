import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { lossCurve, main } from "../../src/train/main.js";
import { MAX_NEWTON_FEATURES } from "../../src/train/optimum-bound.js";
import { renderMarkdown } from "../../src/train/markdown.js";
import { renderLossCurveSvg } from "../../src/train/svg.js";
import type { Report } from "../../src/train/report.js";
import { bankRow, smallCsv } from "../support/bank-csv.js";
import { xmlProblem } from "./xml-well-formed.js";

/*
 * Issue #23, class 2: Newton's method runs only up to MAX_NEWTON_FEATURES features; past it the
 * report, the terminal and the picture say the optimum was skipped and why, and --verify
 * re-checks the skipped optimum as skipped. (In-process main(): it spawns `git rev-parse`.)
 */

const directory = mkdtempSync(join(tmpdir(), "logreg-optimum-skipped-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** 300 rows whose job (64 levels) and education (60 levels) give 13 + 63 + 59 = 135 features. */
const wide = join(directory, "wide.csv");
writeFileSync(
  wide,
  smallCsv(
    Array.from({ length: 300 }, (_, k) =>
      bankRow({
        job: `j${k % 64}`,
        education: `e${k % 60}`,
        balance: String((k * 37) % 1000),
        deposit: (k * 7) % 3 === 0 ? "yes" : "no",
      }),
    ),
  ),
);

/** Runs main() in-process with captured output. */
async function train(argv: string[]) {
  const captured = { stdout: "", stderr: "" };
  const sink = (key: "stdout" | "stderr") =>
    ({
      isTTY: false,
      write: (text: string) => ((captured[key] += text), true),
    }) as unknown as NodeJS.WritableStream;
  const code = await main(argv, { stdout: sink("stdout"), stderr: sink("stderr") });
  return { code, ...captured };
}

const read = (name: string) => readFileSync(join(out, name), "utf8");
const out = join(directory, "report");

describe(`more than ${MAX_NEWTON_FEATURES} features: the exact optimum is skipped`, () => {
  const expected = new RegExp(
    `optimum skipped: p = 135 features > ${MAX_NEWTON_FEATURES} \\(Newton's p×p Hessian`,
  );

  test("report.json, report.md and the terminal say so, with p and the bound", async () => {
    const { code, stdout, stderr } = await train(["--data", wide, "--epochs", "5", "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(expected);
    const report = JSON.parse(read("report.json")) as Report;
    expect(report.features).toHaveLength(135);
    expect(report.optimum).toEqual({
      method: expect.stringContaining("Newton") as string,
      skipped: expect.stringMatching(expected) as string,
    });
    // Markdown shows ">" as the entity &#62; (src/text/escape.ts).
    expect(read("report.md")).toContain(
      `optimum skipped: p = 135 features &#62; ${MAX_NEWTON_FEATURES} (Newton's p×p Hessian`,
    );
    expect(read("report.md")).toBe(renderMarkdown(report));
  });

  test("loss-curve.svg draws no optimum line, says why in a note, and is well-formed", () => {
    const svg = read("loss-curve.svg");
    expect(svg).not.toContain('stroke-dasharray="6 4"');
    expect(svg).toMatch(/optimum skipped: p = 135 features &#62; 128/);
    expect(xmlProblem(svg)).toBeUndefined();
    expect(svg).toBe(renderLossCurveSvg(lossCurve(JSON.parse(read("report.json")) as Report)));
  });

  test("--verify re-checks the skipped optimum as skipped, and an edited one as a difference", async () => {
    const report = join(out, "report.json");
    expect((await train(["--verify", report, "--quiet"])).code).toBe(0);
    const edited = join(directory, "edited.json");
    const json = JSON.parse(readFileSync(report, "utf8")) as { optimum: Record<string, unknown> };
    json.optimum = { ...json.optimum, skipped: "no" };
    writeFileSync(edited, JSON.stringify(json));
    const result = await train(["--verify", edited, "--quiet"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/optimum\.skipped: recorded "no", re-computed "optimum skipped/);
  });

  test(`at ${MAX_NEWTON_FEATURES} features or fewer Newton still runs`, async () => {
    const narrow = join(directory, "narrow.csv");
    writeFileSync(
      narrow,
      smallCsv(
        Array.from({ length: 300 }, (_, k) =>
          bankRow({ job: `j${k % 64}`, deposit: (k * 7) % 3 === 0 ? "yes" : "no" }),
        ),
      ),
    );
    const dir = join(directory, "narrow");
    expect((await train(["--data", narrow, "--epochs", "5", "--out", dir, "--quiet"])).code).toBe(
      0,
    );
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report;
    expect(report.features.length).toBeLessThanOrEqual(MAX_NEWTON_FEATURES);
    expect(report.optimum).not.toHaveProperty("skipped");
    expect(readFileSync(join(dir, "loss-curve.svg"), "utf8")).toContain('stroke-dasharray="6 4"');
  });
});
