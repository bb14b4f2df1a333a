/**
 * What a Markdown page names: the code spans and link targets outside fenced code blocks (the
 * candidates for repository paths) and the `npm run <script>`, `npm test` and `tsx scripts/<file>` commands
 * anywhere in it, fenced code included. Each with its 1-based line, for the checker's messages.
 */
import { fencedLines } from "./fences.js";

/** One name found on a page, and the line it is on. */
export interface Named {
  text: string;
  line: number;
}

/** What one page names. */
interface PageNames {
  /** Inline code spans outside fenced blocks (`src/contract.ts`). */
  codeSpans: Named[];
  /** Link targets, as written (`../README.md#layout`). */
  links: Named[];
  /** npm scripts run by name: `npm run train` gives "train", `npm test` gives "test". */
  npmScripts: Named[];
  /** Files under scripts/ run with tsx: `npx tsx scripts/docs.ts` gives "scripts/docs.ts". */
  tsxScripts: Named[];
}

const CODE_SPAN = /`([^`\n]+)`/g;
const LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const NPM_RUN = /\bnpm run ([\w:.-]*\w)/g;
const NPM_TEST = /\bnpm (?:test|t)\b/g;
const TSX_SCRIPT = /\btsx (scripts\/[\w./-]+)/g;

function matches(pattern: RegExp, text: string, line: number, group = 1): Named[] {
  return [...text.matchAll(pattern)].map((m) => ({ text: m[group] ?? m[0], line }));
}

/** Everything `markdown` names, line by line. */
export function pageNames(markdown: string): PageNames {
  const names: PageNames = { codeSpans: [], links: [], npmScripts: [], tsxScripts: [] };
  const fenced = fencedLines(markdown);
  markdown.split("\n").forEach((text, index) => {
    const line = index + 1;
    if (!fenced[index]) {
      names.codeSpans.push(...matches(CODE_SPAN, text, line));
      names.links.push(...matches(LINK, text, line));
    }
    names.npmScripts.push(...matches(NPM_RUN, text, line));
    names.npmScripts.push(...matches(NPM_TEST, text, line, 0).map((n) => ({ ...n, text: "test" })));
    names.tsxScripts.push(...matches(TSX_SCRIPT, text, line));
  });
  return names;
}
