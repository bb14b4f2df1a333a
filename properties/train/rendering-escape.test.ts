import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { printable } from "../../src/data/index.js";
import { escapeMarkdown, escapeXml, INVISIBLE } from "../../src/text/escape.js";
import { renderLossCurveSvg } from "../../src/train/svg.js";
import { runs } from "../support/runs.js";
import { xmlProblem } from "./xml-well-formed.js";

/*
 * Issue #23, classes 4 and 6: names and values from the data (the file's name, extra column
 * names, invalid cells kept by --drop-invalid-rows, category levels) reached report.md and
 * loss-curve.svg raw: control characters made the SVG ill-formed XML, and invisible format
 * characters made two different names look the same. One function escapes them all.
 */

/** Every character the issue names: C0, DEL, C1, and the Unicode format characters. */
const NAMED = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)),
  "\u007f",
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(0x80 + c)),
  "\ufeff",
  ..."\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\u061c",
  ..."\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
];

/** Strings mixing those with XML and Markdown markup, lone surrogates and non-characters. */
const hostile = fc.string({
  unit: fc.constantFrom(
    ...NAMED,
    ..."<>&\"'|*_ ab–é",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\uffff",
    "😀",
  ),
  maxLength: 40,
});

/** A character that must never reach md, svg or a terminal raw. */
const RAW = new RegExp(`[${NAMED.join("").replace(/[\\\]^-]/g, "\\$&")}]`);

describe("one escaping function for md, svg and the terminal", () => {
  test("INVISIBLE matches exactly the characters the issue names (and separators, bidi, non-characters)", () => {
    for (const c of NAMED) expect(INVISIBLE.test(c), JSON.stringify(c)).toBe(true);
    for (const c of ["a", " ", "é", "–", "😀", "\u00a0"]) expect(INVISIBLE.test(c)).toBe(false);
  });

  test("printable, escapeMarkdown and escapeXml leave none of them raw", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const escaped of [printable(text), escapeMarkdown(text), escapeXml(text)]) {
          expect(escaped).not.toMatch(RAW);
          expect(escaped).not.toMatch(/[\ud800-\udfff\ufffe\uffff]/u);
        }
      }),
      { numRuns: runs },
    );
  });

  test("a zero-width space and a byte-order mark are shown, by code point", () => {
    expect(printable("\u200bage")).toBe("\\u200bage");
    expect(escapeXml("\ufeffage")).toBe("\\ufeffage");
    // In Markdown the backslash of the escape is itself escaped: it shows as \u202e.
    expect(escapeMarkdown("a\u202eb")).toBe("a\\\\u202eb");
  });

  test("the loss-curve SVG is well-formed XML whatever its title", () => {
    fc.assert(
      fc.property(hostile, (title) => {
        const svg = renderLossCurveSvg({ title, costHistory: [0.69, 0.5], optimum: 0.4 });
        expect(xmlProblem(svg)).toBeUndefined();
      }),
      { numRuns: runs },
    );
  });

  test("the well-formedness check catches what it must (it is not a check that cannot fail)", () => {
    expect(xmlProblem("<svg><title>a\u001bb</title></svg>")).toMatch(/character U\+1b/);
    expect(xmlProblem("<svg><title>a &#1; b</title></svg>")).toMatch(/reference "&#1;"/);
    expect(xmlProblem("<svg><title>a & b</title></svg>")).toMatch(/reference/);
    expect(xmlProblem("<svg><title>a</svg>")).toMatch(/closes nothing/);
    expect(xmlProblem('<svg a="1" a="2"/>')).toMatch(/attribute a twice/);
    expect(xmlProblem("<svg/><svg/>")).toMatch(/second root/);
    expect(xmlProblem("<svg><title>\ud800</title></svg>")).toMatch(/U\+d800/);
    expect(xmlProblem("<svg><title>a &#60; b &amp; c</title></svg>")).toBeUndefined();
  });
});
