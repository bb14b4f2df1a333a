/** The pages the docs checker reads: README.md and every Markdown file under docs/. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Problem } from "./check-names.js";
import type { Repository } from "./repository.js";

/** README.md and docs/**\/*.md of `repo`, in path order. */
export function readPages(repo: Repository): Page[] {
  return [...repo.files]
    .filter((path) => path === "README.md" || (path.startsWith("docs/") && path.endsWith(".md")))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(repo.root, path), "utf8") }));
}

/** The README's budget: a front page is read on a screen or two, and GitHub shows it whole. */
export const README_MAX_BYTES = 12 * 1024;

/** A problem when README.md is over its budget of README_MAX_BYTES. */
export function checkReadmeSize(pages: readonly Page[]): Problem[] {
  const readme = pages.find((page) => page.path === "README.md");
  const bytes = readme === undefined ? 0 : Buffer.byteLength(readme.text);
  if (bytes <= README_MAX_BYTES) return [];
  return [
    {
      page: "README.md",
      line: 1,
      message: `${bytes} bytes, over the ${README_MAX_BYTES} the README may take`,
    },
  ];
}
