/**
 * Brings the generated blocks of the pages up to date (`npm run docs`) or says which are stale
 * (`--check`): unknown block ids, table blocks that no page holds, and blocks whose content
 * differs from what the code generates now.
 */
import type { Page, Problem } from "./check-names.js";
import { findBlocks, replaceBlocks } from "./generated-blocks.js";
import { CAPTURED_BLOCKS, TABLE_BLOCKS } from "./tables.js";

/** The pages as they should be, and what is wrong with their blocks as they are. */
interface Refreshed {
  pages: Page[];
  problems: Problem[];
}

/** What is wrong with the blocks of one page: unknown ids, and contents that are stale. */
function blockProblems(page: Page, refreshed: string, contents: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  const now = findBlocks(refreshed, page.path);
  const lines = page.text.split("\n");
  const newLines = refreshed.split("\n");
  findBlocks(page.text, page.path).forEach((block, k) => {
    const at = { page: page.path, line: block.start + 1 };
    if (!TABLE_BLOCKS.has(block.id) && !CAPTURED_BLOCKS.has(block.id)) {
      problems.push({ ...at, message: `unknown generated block: ${block.id}` });
    } else if (contents.has(block.id)) {
      const was = lines.slice(block.start, block.end + 1).join("\n");
      const fresh = newLines.slice(now[k].start, now[k].end + 1).join("\n");
      if (was !== fresh) {
        problems.push({ ...at, message: `stale generated block ${block.id}: run npm run docs` });
      }
    }
  });
  return problems;
}

/** Each page with its table blocks replaced by `contents`, and the problems found on the way. */
export function refreshPages(pages: readonly Page[], contents: Map<string, string>): Refreshed {
  const used = new Set<string>();
  const problems: Problem[] = [];
  const refreshed = pages.map((page) => {
    const text = replaceBlocks(page.text, page.path, contents);
    for (const block of findBlocks(page.text, page.path)) used.add(block.id);
    problems.push(...blockProblems(page, text, contents));
    return { path: page.path, text };
  });
  for (const id of [...TABLE_BLOCKS, ...CAPTURED_BLOCKS].filter((id) => !used.has(id))) {
    problems.push({ page: "docs", line: 0, message: `no page holds the generated block ${id}` });
  }
  return { pages: refreshed, problems };
}
