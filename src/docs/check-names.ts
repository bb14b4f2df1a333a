/**
 * The docs checker's first half: every repository path a page names (in a code span or a link)
 * exists, every link's #anchor is a heading of its page, and every `npm run <script>` / `tsx scripts/<file>`
 * command names a script that exists.
 */
import { posix } from "node:path";
import { headingAnchors } from "./anchors.js";
import { pageNames, type Named } from "./markdown-names.js";
import type { Repository } from "./repository.js";

/** A page of the docs: its path relative to the repository's root, and its text. */
export interface Page {
  path: string;
  text: string;
}

/** One thing a page names that does not exist: where, and what. */
export interface Problem {
  page: string;
  line: number;
  message: string;
}

/** A bare file name (`runner.ts`, no folder) checked to exist somewhere: TypeScript or Python
 * source (a bare `index.mjs` is the submission's entry the grader accepts, not the kit's file). */
const SOURCE_NAME = /^[\w.-]+\.(ts|mts|py)$/;
/** Characters that make a code span a placeholder or code rather than a path. */
const NOT_A_PATH = /[\s<>…"'=(){}$|,;:]/;

/** The path as the repository may hold it: `x.js` is also the TypeScript source `x.ts`. */
function exists(repo: Repository, path: string): boolean {
  const plain = path.replace(/\/$/, "");
  const candidates = [plain, plain.replace(/\.js$/, ".ts")];
  if (plain.includes("*")) return globMatches(repo, plain);
  return candidates.some((c) => repo.files.has(c) || repo.folders.has(c));
}

/** Whether a pattern with `*` (any characters within one path segment) matches some file. */
function globMatches(repo: Repository, pattern: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  const regex = new RegExp(`^${source}$`);
  return [...repo.files].some((file) => regex.test(file));
}

/** The repository's top-level entries ("src", "README.md"), which a root-relative path starts with. */
function topLevel(repo: Repository): Set<string> {
  return new Set([...repo.files, ...repo.folders].map((path) => path.split("/")[0]));
}

/**
 * The path a code span names, relative to the root, or undefined when it is not a repository
 * path: a placeholder (`<dir>`), a command, an outside path (`../shared/data/bank.csv`), or a
 * path under a top-level name the repository does not have (`path/to/my-logreg.ts`, outputs
 * such as `reports/latest/`, which git ignores).
 */
function codeSpanPath(span: string, roots: Set<string>): string | undefined {
  if (NOT_A_PATH.test(span) || span.startsWith("-")) return undefined;
  const path = span.replace(/^\.\//, "");
  const first = path.split("/")[0];
  if (path.includes("/") || roots.has(path)) return roots.has(first) ? path : undefined;
  return undefined;
}

function missingCodeSpans(page: Page, spans: Named[], repo: Repository): Problem[] {
  const roots = topLevel(repo);
  const basenames = new Set([...repo.files].map((file) => posix.basename(file)));
  const problems: Problem[] = [];
  for (const { text, line } of spans) {
    const path = codeSpanPath(text, roots);
    if (path !== undefined && !exists(repo, path)) {
      problems.push({ page: page.path, line, message: `no such file or folder: ${text}` });
    } else if (path === undefined && SOURCE_NAME.test(text)) {
      const name = text.replace(/\.js$/, ".ts");
      if (!basenames.has(text) && !basenames.has(name)) {
        problems.push({ page: page.path, line, message: `no file of that name anywhere: ${text}` });
      }
    }
  }
  return problems;
}

function missingLinks(page: Page, links: Named[], pages: Map<string, string>, repo: Repository) {
  const problems: Problem[] = [];
  for (const { text, line } of links) {
    if (/^[a-z][a-z+.-]*:/i.test(text)) continue; // https:, mailto: — not in the repository
    const [target, anchor] = text.split("#", 2);
    const path =
      target === "" ? page.path : posix.normalize(posix.join(posix.dirname(page.path), target));
    if (path.startsWith("../") || !exists(repo, path)) {
      problems.push({ page: page.path, line, message: `link to a missing file: ${text}` });
      continue;
    }
    const linked = pages.get(path);
    if (anchor !== undefined && linked !== undefined && !headingAnchors(linked).has(anchor)) {
      problems.push({ page: page.path, line, message: `link to a missing heading: ${text}` });
    }
  }
  return problems;
}

function missingCommands(page: Page, npm: Named[], tsx: Named[], repo: Repository): Problem[] {
  const problems: Problem[] = [];
  for (const { text, line } of npm) {
    if (!repo.scripts.has(text)) {
      problems.push({
        page: page.path,
        line,
        message: `no script "${text}" in package.json (npm run ${text})`,
      });
    }
  }
  for (const { text, line } of tsx) {
    if (!repo.files.has(text))
      problems.push({ page: page.path, line, message: `no such script: ${text}` });
  }
  return problems;
}

/** Everything the pages name that does not exist, in page and line order. */
export function checkNames(pages: readonly Page[], repo: Repository): Problem[] {
  const texts = new Map(pages.map((page) => [page.path, page.text]));
  return pages.flatMap((page) => {
    const names = pageNames(page.text);
    return [
      ...missingCodeSpans(page, names.codeSpans, repo),
      ...missingLinks(page, names.links, texts, repo),
      ...missingCommands(page, names.npmScripts, names.tsxScripts, repo),
    ].sort((a, b) => a.line - b.line);
  });
}
