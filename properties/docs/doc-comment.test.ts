/** The layout tables' descriptions: a module's own doc comment first, else its first export's. */
import { expect, test } from "vitest";
import { firstDocLine } from "../../src/docs/doc-comment.js";

test("a module doc comment (followed by a blank line or an import) gives its first sentence", () => {
  const source = '/**\n * The data pipeline, one way. More.\n */\nimport x from "y";\n';
  expect(firstDocLine(source)).toBe("The data pipeline, one way.");
  expect(
    firstDocLine("/** Re-exports, e.g. the steps. Two. */\nexport { a } from './a.js';\n"),
  ).toBe("Re-exports, e.g. the steps.");
});

test("without one, the first documented export, named", () => {
  const source = "const x = 1;\n/** What one run came to. */\nexport interface Outcome {}\n";
  expect(firstDocLine(source)).toBe("`Outcome`: What one run came to.");
});

test("a full stop inside backticks does not end the sentence; a long one is cut at a word", () => {
  expect(firstDocLine("/** Reads `a.b` files. Then. */\n\n")).toBe("Reads `a.b` files.");
  const long = firstDocLine(`/** ${"word ".repeat(60)}*/\n\n`) ?? "";
  expect(long.length).toBeLessThanOrEqual(150);
  expect(long.endsWith(" …")).toBe(true);
});

test("no doc comment at all gives undefined", () => {
  expect(firstDocLine("// a line comment\nexport const a = 1;\n")).toBeUndefined();
});
