/** A count of the model properties written in prose must be the code's count. */
import { expect, test } from "vitest";
import { checkCounts } from "../../src/docs/count-claims.js";
import { END_MARKER, startMarker } from "../../src/docs/generated-blocks.js";

const page = (text: string) => [{ path: "docs/p.md", text }];

test("a stale count or score in prose fails, naming the page, the line and both numbers", () => {
  const text = "Each implementation gets 34 tests.\nall 51 properties\n`done 1/60  alice: 48/50 …`";
  expect(checkCounts(page(text), () => 51).map((p) => `${p.line}: ${p.message}`)).toEqual([
    "1: says 34 where the model properties number 51 (generate it, or say it without the count)",
    "3: says 50 where the model properties number 51 (generate it, or say it without the count)",
  ]);
});

test("counts in fenced output, in generated blocks and below 10 are not claims about the total", () => {
  const text = [
    "```text",
    "(34 tests)",
    "```",
    startMarker("x"),
    "34 tests",
    END_MARKER,
    "5 tests",
  ].join("\n");
  let asked = false;
  expect(checkCounts(page(text), () => ((asked = true), 51))).toEqual([]);
  expect(asked).toBe(false);
});
