/**
 * A Markdown table with its columns padded to equal width, so that it reads as a table in a
 * terminal and Prettier leaves it unchanged when it is pasted into the README.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
  const widths = header.map((_, j) => Math.max(3, ...cells.map((row) => row[j].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, j) => cell.padEnd(widths[j])).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}
