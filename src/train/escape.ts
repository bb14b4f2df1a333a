/**
 * Text from the data (category levels become feature names) escaped for the two formats the
 * report is written in, so that a value such as `<script>` or `a|b` is shown, never obeyed.
 */

/** XML character data and attribute values: & < > " ' as entities. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Markdown inline text, never at the start of a line (a table cell, or after a label): the
 * HTML-significant & < > as entities; the inline-markup characters \ ` * _ [ ] ~ and the cell
 * separator | backslash-escaped; line breaks as spaces (a newline would end the table row).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\\`*_[\]|~]/g, "\\$&")
    .replace(/\r\n|[\r\n]/g, " ");
}
