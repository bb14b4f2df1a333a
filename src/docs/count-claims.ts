/**
 * Counts of the model properties written in prose: "all 51 properties", "51 tests", "48/51".
 * Outside fenced code and generated blocks, every "N properties" or "N tests" (N ≥ 10, so that
 * "5 tests" of one file is not read as the total) and every score "k/N" of a progress line must
 * use the number of model properties the code has now.
 */
import type { Page, Problem } from "./check-names.js";
import { fencedLines } from "./fences.js";
import { findBlocks } from "./generated-blocks.js";

const COUNT = /\b(\d{2,}) (?:model )?(?:properties|tests)\b/g;
const SCORE = /: (\d+)\/(\d+)\b/g;

/** The lines of `page` that are prose: neither fenced code nor inside a generated block. */
function proseLines(page: Page): [number, string][] {
  const fenced = fencedLines(page.text);
  const generated = new Set(
    findBlocks(page.text, page.path).flatMap((b) =>
      Array.from({ length: b.end - b.start + 1 }, (_, k) => b.start + k),
    ),
  );
  return page.text
    .split("\n")
    .map((line, k): [number, string] => [k, line])
    .filter(([k]) => !fenced[k] && !generated.has(k));
}

/**
 * Each count in the prose of `pages` that is not `total()`, the number of model properties
 * (asked for only when a page states a count).
 */
export function checkCounts(pages: readonly Page[], total: () => number): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    for (const [k, line] of proseLines(page)) {
      const counts = [...line.matchAll(COUNT)].map((m) => Number(m[1]));
      const scores = [...line.matchAll(SCORE)].map((m) => Number(m[2]));
      for (const n of [...counts, ...scores].filter((n) => n !== total())) {
        problems.push({
          page: page.path,
          line: k + 1,
          message: `says ${n} where the model properties number ${total()} (generate it, or say it without the count)`,
        });
      }
    }
  }
  return problems;
}
