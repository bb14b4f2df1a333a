/**
 * Captured terminal output made fit for a page and stable from one capture to the next: colours
 * and the npm banner removed, the scratch clone's path written `<clone>`, times of day, saved
 * copies' timestamps and run times replaced by placeholders, test durations dropped, trailing
 * spaces and runs of blank lines cut.
 */

/** ANSI escape sequences (colours, cursor movement). */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

const RULES: [RegExp, string][] = [
  [/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z/g, "<time>"], // saved copies: 2026-11-28T08-45-42.738Z
  [/ \d+(?:\.\d+)?m?s\b/g, ""], // test durations: " 123ms", " 1.2s"
  [/\(\d+(?:\.\d+)? s\)/g, "(<seconds> s)"], // npm run learn's run time: "(3.9 s)"
  [/^.*\b(?:Start at|Duration)\b.*$/gm, ""], // vitest's clock lines
];

/** `text` normalised; `cloneDir` is the scratch clone's absolute path. */
export function normalise(text: string, cloneDir: string): string {
  let out = text.replace(ANSI, "").split(cloneDir).join("<clone>");
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
