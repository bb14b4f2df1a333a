/** Anchors of Markdown headings, for checking links such as `instructors.md#reading-a-failure`. */
import { fencedLines } from "./fences.js";

/**
 * The anchors GitHub gives a Markdown page's headings: the heading's text lower-cased, stripped
 * of punctuation other than "-" and "_", spaces turned into "-", a repeated anchor suffixed -1, -2….
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const fenced = fencedLines(markdown);
  markdown.split("\n").forEach((line, index) => {
    const heading = fenced[index] ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) return;
    const base = heading[1]
      .replace(/`/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  });
  return anchors;
}
