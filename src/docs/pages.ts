/** The pages the docs checker reads: README.md and every Markdown file under docs/. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "./check-names.js";
import type { Repository } from "./repository.js";

/** README.md and docs/**\/*.md of `repo`, in path order. */
export function readPages(repo: Repository): Page[] {
  return [...repo.files]
    .filter((path) => path === "README.md" || (path.startsWith("docs/") && path.endsWith(".md")))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(repo.root, path), "utf8") }));
}
