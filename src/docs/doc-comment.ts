/**
 * The first line a module says about itself, for the generated layout tables: the first
 * sentence of its module doc comment (one not attached to a declaration), else of the doc
 * comment of its first documented export, named ("`pairwiseSum`: …").
 */

/** Longest description a table cell gets; longer ones are cut at a word and end with "…". */
const MAX_LENGTH = 150;

const DOC_COMMENT = /\/\*\*([\s\S]*?)\*\/[ \t]*\n?([^\n]*)/g;
const EXPORTED =
  /^export\s+(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/;
/** What may follow a module doc comment: a blank line, an import, a re-export, a comment. */
const MODULE_FOLLOWER = /^(?:$|import\b|export\s*(?:type\s*)?[{*]|\/\/|\/\*)/;

/** The first paragraph of a doc comment's body, its lines joined, or undefined when empty. */
function firstParagraph(body: string): string | undefined {
  const lines = body.split("\n").map((line) => line.replace(/^\s*\*?\s?/, "").trim());
  const start = lines.findIndex((line) => line !== "");
  if (start < 0) return undefined;
  const end = lines.findIndex((line, k) => k > start && line === "");
  return lines.slice(start, end < 0 ? undefined : end).join(" ");
}

/** Cuts `text` to at most MAX_LENGTH characters, at a space, marking the cut with "…". */
function shorten(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.lastIndexOf(" ", MAX_LENGTH - 2);
  return `${text.slice(0, cut > 0 ? cut : MAX_LENGTH - 2)} …`;
}

/** The first sentence of `paragraph`: up to a full stop and a space, outside backticks. */
function firstSentence(paragraph: string): string {
  let inCode = false;
  for (let k = 0; k < paragraph.length; k++) {
    if (paragraph[k] === "`") inCode = !inCode;
    const stop = !inCode && paragraph[k] === "." && paragraph[k + 1] === " ";
    if (stop && !/\b(e\.g|i\.e|vs|cf|al)$/.test(paragraph.slice(0, k)))
      return paragraph.slice(0, k + 1);
  }
  return paragraph;
}

/**
 * What `source` says about itself first (see the module's comment), shortened; undefined when
 * it has neither a module doc comment nor a documented export.
 */
export function firstDocLine(source: string): string | undefined {
  let exported: string | undefined;
  for (const [, body, next] of source.matchAll(DOC_COMMENT)) {
    const paragraph = firstParagraph(body);
    if (paragraph === undefined) continue;
    const after = next.trim();
    if (MODULE_FOLLOWER.test(after)) return shorten(firstSentence(paragraph));
    const name = EXPORTED.exec(after)?.[1];
    if (name !== undefined && exported === undefined) {
      exported = shorten(`\`${name}\`: ${firstSentence(paragraph)}`);
    }
  }
  return exported;
}
