/**
 * Generated blocks: the generator rewrites what is between the markers and nothing else, twice
 * gives the same bytes, and `--check` names a stale, unknown or missing block.
 */
import { expect, test } from "vitest";
import {
  END_MARKER,
  findBlocks,
  replaceBlocks,
  startMarker,
} from "../../src/docs/generated-blocks.js";
import { refreshPages } from "../../src/docs/refresh.js";
import { TABLE_BLOCKS } from "../../src/docs/tables.js";

const page = [
  "# Title",
  "hand-written prose",
  startMarker("layout.src"),
  "old table",
  END_MARKER,
  "more prose",
].join("\n");

test("the content between the markers is replaced, the prose around it kept", () => {
  const once = replaceBlocks(page, "p.md", new Map([["layout.src", "| new |"]]));
  expect(once).toBe(
    [
      "# Title",
      "hand-written prose",
      startMarker("layout.src"),
      "",
      "| new |",
      "",
      END_MARKER,
      "more prose",
    ].join("\n"),
  );
  expect(replaceBlocks(once, "p.md", new Map([["layout.src", "| new |"]]))).toBe(once);
});

test("markers that do not pair up are an error naming the page and line", () => {
  expect(() => findBlocks(`${startMarker("a")}\nx`, "p.md")).toThrow(
    "p.md:1: block a is never closed",
  );
  expect(() => findBlocks(`x\n${END_MARKER}`, "p.md")).toThrow("p.md:2:");
});

test("a stale block, an unknown block and a table no page holds are problems", () => {
  const unknown = `${startMarker("made.up")}\n${END_MARKER}`;
  const { problems } = refreshPages(
    [
      { path: "p.md", text: page },
      { path: "q.md", text: unknown },
    ],
    new Map([["layout.src", "| new |"]]),
  );
  const messages = problems.map((p) => `${p.page}:${p.line}: ${p.message}`);
  expect(messages).toContain("p.md:3: stale generated block layout.src: run npm run docs");
  expect(messages).toContain("q.md:1: unknown generated block: made.up");
  expect(messages).toContain("docs:0: no page holds the generated block learners.steps");
  expect(TABLE_BLOCKS.has("learners.steps")).toBe(true);
});

test("a fresh block is no problem", () => {
  const fresh = replaceBlocks(page, "p.md", new Map([["layout.src", "| new |"]]));
  const { problems } = refreshPages(
    [{ path: "p.md", text: fresh }],
    new Map([["layout.src", "| new |"]]),
  );
  expect(problems.filter((p) => p.page === "p.md")).toEqual([]);
});
