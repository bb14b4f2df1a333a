/**
 * Text from the data or the command line — file names, column names, cells, category levels —
 * made safe for the three places it is shown: a terminal, report.md and loss-curve.svg. One
 * function, {@link printable}, decides which characters never appear raw; the two formats add
 * their own markup escapes on top of it.
 */

/**
 * The characters never shown raw: C0 controls (tab and line breaks included), DEL, C1 controls;
 * the line and paragraph separators; the bidirectional controls (U+061C, U+200E–U+200F,
 * U+202A–U+202E, U+2066–U+2069); the invisible format characters (U+200B–U+200D, U+2060–U+2064,
 * U+FEFF, the byte-order mark); the non-characters U+FFFE and U+FFFF (not allowed in XML); and
 * lone surrogates (not text at all). Without the `g` flag: `INVISIBLE.test` is safe to call.
 */
export const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");

/** U+XXXX, the code point of one UTF-16 unit, as messages name it. */
export function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * `text` with each {@link INVISIBLE} character written as a \uXXXX escape, so that what is shown
 * can never move the cursor, change colours or the window title, reorder what follows, or make
 * two different names look the same.
 */
export function printable(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * XML character data and attribute values: {@link printable}, then & < > " ' as entities.
 * The result holds only characters XML allows, so the SVG stays well-formed.
 */
export function escapeXml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Markdown inline text, never at the start of a line (a table cell, or after a label):
 * {@link printable} (line breaks included, which would end a table row), then the
 * HTML-significant & < > as entities and the inline-markup characters \ ` * _ [ ] ~ and the cell
 * separator | backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\\`*_[\]|~]/g, "\\$&");
}
