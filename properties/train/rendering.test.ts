import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { escapeMarkdown, escapeXml, printable } from "../../src/text/escape.js";
import { niceTicks, renderLossCurveSvg } from "../../src/train/svg.js";
import { runs } from "../support/runs.js";
import { xmlProblem } from "./xml-well-formed.js";

/** Strings rich in the characters that matter to XML and Markdown. */
const hostile = fc.string({ unit: fc.constantFrom(..."<>&\"'|\\`*_[]~\n\r ab–é"), maxLength: 30 });

describe("escaping text from the data", () => {
  test("in XML no < > & \" ' survives raw, and decoding the entities gives the printable text back", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeXml(text);
        expect(escaped).not.toMatch(/[<>"']|&(?!#\d+;)/);
        expect(escaped.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))).toBe(
          printable(text),
        );
      }),
      { numRuns: runs },
    );
  });

  test("in Markdown no raw < > or line break survives and every | ` * _ [ ] ~ \\ is backslash-escaped", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/[<>\r\n]/);
        // Remove escaped pairs; what remains must hold no markup character at all.
        expect(escaped.replace(/\\[\\`*_[\]|~]/g, "")).not.toMatch(/[\\`*_[\]|~]/);
      }),
      { numRuns: runs },
    );
  });

  test("a level named <script> or a|b stays one table cell", () => {
    expect(escapeMarkdown("job_<script>alert(1)</script>|x")).toBe(
      "job\\_&#60;script&#62;alert(1)&#60;/script&#62;\\|x",
    );
  });
});

describe("the loss-curve SVG", () => {
  const curve = {
    title: "bank <script>.csv & co",
    costHistory: [0.69, 0.5, 0.45, 0.44],
    optimum: 0.43,
  };

  test("escapes its title, labels both axes and draws the optimum line", () => {
    const svg = renderLossCurveSvg(curve);
    expect(svg).toContain("<title>bank &#60;script&#62;.csv &#38; co</title>");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain(">epoch</text>");
    expect(svg).toContain("cost J(w, b)");
    expect(svg).toContain("optimum (Newton) 0.430000");
    expect(svg.match(/<polyline points="([^"]*)"/)?.[1].split(" ")).toHaveLength(4);
  });

  test("is the same bytes for the same history, and long histories are sampled to ≤ 1001 points", () => {
    expect(renderLossCurveSvg(curve)).toBe(renderLossCurveSvg({ ...curve }));
    const long = Array.from({ length: 5000 }, (_, k) => 1 / (k + 1));
    const points = renderLossCurveSvg({ title: "t", costHistory: long, optimum: null })
      .match(/<polyline points="([^"]*)"/)?.[1]
      .split(" ");
    expect(points?.length).toBeLessThanOrEqual(1001);
    expect(points?.at(-1)).toBe(
      renderLossCurveSvg({ title: "t", costHistory: long, optimum: null }).match(
        /(\S+)" fill="none" stroke="#1f77b4"/,
      )?.[1],
    );
  });

  test("a one-epoch history still draws (a flat range is widened, not divided by zero)", () => {
    const svg = renderLossCurveSvg({ title: "t", costHistory: [0.5], optimum: 0.5 });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  test("a diverged run's non-finite costs (null in report.json) are left out, never drawn as NaN", () => {
    const svg = renderLossCurveSvg({ title: "t", costHistory: [0.7, null, 0.5], optimum: null });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg.match(/<polyline points="([^"]*)"/)?.[1].split(" ")).toHaveLength(2);
    expect(renderLossCurveSvg({ title: "t", costHistory: [null], optimum: null })).toContain(
      'points=""',
    );
  });

  test("ticks are round numbers that cover the range", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        (lo, width) => {
          const ticks = niceTicks(lo, lo + width);
          expect(ticks[0]).toBeLessThanOrEqual(lo);
          expect(ticks.at(-1)).toBeGreaterThanOrEqual(lo + width);
          expect(ticks.length).toBeLessThanOrEqual(12);
        },
      ),
      { numRuns: runs },
    );
  });
});

describe("the loss-curve SVG without an optimum line", () => {
  test("shows the optimum note instead, broken into lines of at most 90 characters, escaped", () => {
    const note = `optimum skipped: p = 135 features > 128 ${"(Newton's p×p Hessian) ".repeat(6)}`;
    const svg = renderLossCurveSvg({
      title: "t",
      costHistory: [0.7, 0.6],
      optimum: null,
      optimumNote: note,
    });
    expect(svg).not.toContain('stroke-dasharray="6 4"');
    const lines = [...svg.matchAll(/<text [^>]*fill="#d62728">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.replace(/&#\d+;/g, "x").length <= 90)).toBe(true);
    expect(lines.join(" ")).toBe(escapeXml(note.trim()));
    expect(xmlProblem(svg)).toBeUndefined();
  });
});
