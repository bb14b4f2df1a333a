/** What the first line of a CSV file says about how the file is written. */
export interface Sniffed {
  bom: boolean;
  delimiter: "," | ";";
  lineEnding: "LF" | "CRLF" | "CR" | "none";
  /** True when the bytes hold nothing but a BOM and blank lines. */
  blank: boolean;
}

/**
 * Detects, from the head of a file, a UTF-8 byte-order mark, the line ending of the first line,
 * and the field delimiter: whichever of `,` and `;` occurs more often in the first line outside
 * double quotes (the UCI files quote their header: `"age";"job";…`); `,` when neither occurs.
 */
export function sniff(head: Buffer): Sniffed {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const text = head.toString("utf8", bom ? 3 : 0);
  const blank = text.trim() === "";
  const start = text.length - text.trimStart().length;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let lineEnding: Sniffed["lineEnding"] = "none";
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ",") commas++;
    else if (c === ";") semicolons++;
    else if (c === "\n") lineEnding = "LF";
    else if (c === "\r") lineEnding = text[i + 1] === "\n" ? "CRLF" : "CR";
    if (lineEnding !== "none") break;
  }
  return { bom, delimiter: semicolons > commas ? ";" : ",", lineEnding, blank };
}
