import { createHash } from "node:crypto";

/**
 * Submission names, which arrive as the bytes of a folder name (a Windows zip gives Latin-1, a
 * shell any bytes but "/" and NUL), and what the grader makes of them:
 *
 * - {@link rowName}: the name shown in grades.csv, grades.json and the feedback — UTF-8 as it is,
 *   every other byte and every control character escaped as `\xNN`, a backslash as `\\`. The
 *   escaping is one-to-one, so two different folders never share a row;
 * - {@link fileNames}: the names of their output files, each at most {@link MAX_FILE_BYTES}
 *   bytes with its suffix (a 254-byte folder name plus ".md" would be refused by the file system),
 *   and all different;
 * - {@link csvText}: a cell of grades.csv that a spreadsheet will not run as a formula.
 */

/** The longest file name (in bytes) of common file systems: ext4, APFS, NTFS (in UTF-16 units). */
export const MAX_FILE_BYTES = 255;

/** C0 and C1 control characters and DEL: escaped, so a name cannot move the cursor or break a line. */
function isControl(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function hex(byte: number): string {
  return `\\x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

/** The row name of a folder name given as bytes (see the module's comment). */
export function rowName(bytes: Uint8Array): string {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]);
    let char: string | undefined;
    if (length > 0 && i + length <= bytes.length) {
      try {
        char = decoder.decode(bytes.subarray(i, i + length));
      } catch {
        char = undefined;
      }
    }
    if (char === undefined) {
      out += hex(bytes[i]);
      i += 1;
    } else {
      out += char === "\\" ? "\\\\" : isControl(char) ? escapeChar(char) : char;
      i += length;
    }
  }
  return out;
}

function escapeChar(char: string): string {
  return [...new TextEncoder().encode(char)].map(hex).join("");
}

/** The length of the UTF-8 sequence that `lead` starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** True when the bytes are valid UTF-8, i.e. when a string path names the same folder. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The longest prefix of `text`, in whole code points, of at most `bytes` UTF-8 bytes. */
function prefixOfBytes(text: string, bytes: number): string {
  let out = "";
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}

/**
 * A file name for each row name, with `suffix` (".md", or "" for a folder): the row name itself
 * when it fits in {@link MAX_FILE_BYTES} bytes and is not taken, else a prefix of it, "~" and 12
 * hex digits of its SHA-256 — all different from each other, even ignoring case and Unicode
 * normalization. Ordinary names are unchanged.
 */
export function fileNames(rows: string[], suffix: string): string[] {
  // Compared as a case-insensitive, normalizing file system (macOS, Windows) would compare them.
  const taken = new Set<string>();
  const key = (name: string) => name.normalize("NFC").toLowerCase();
  return rows.map((row) => {
    let name = `${row}${suffix}`;
    for (
      let attempt = 0;
      Buffer.byteLength(name) > MAX_FILE_BYTES || taken.has(key(name));
      attempt++
    ) {
      const digest = createHash("sha256").update(`${attempt}\n${row}`).digest("hex").slice(0, 12);
      const tail = `~${digest}${suffix}`;
      name = `${prefixOfBytes(row, MAX_FILE_BYTES - Buffer.byteLength(tail))}${tail}`;
    }
    taken.add(key(name));
    return name;
  });
}

/**
 * A text cell of grades.csv: one that starts with "=", "+", "-", "@" (or a tab or carriage
 * return, which some spreadsheets skip before those) gets a leading "'", so a spreadsheet shows
 * it instead of running it as a formula (OWASP's advice on CSV injection); then quoted if needed.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
