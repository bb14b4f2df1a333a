import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { isUtf8, rowName } from "./names.js";

/**
 * The submissions of a class folder: its direct sub-folders, with their names taken as bytes.
 *
 * - The class folder is resolved once (realpath), so a class reached through a symbolic link
 *   (macOS's /tmp, a synced folder) is graded as if it were named directly.
 * - Hidden folders (".x") and symbolic links are not graded, and are reported with the reason;
 *   so are plain files and anything else at the top level.
 * - A folder whose name is not UTF-8 (Latin-1 from a Windows zip) cannot be named by a string
 *   path: {@link submissionFolder} gives a copy of its regular files, made in the grader's
 *   scratch folder.
 */

/** One submission to grade. */
export interface Submission {
  /** The folder name's bytes, as the file system gives them. */
  bytes: Buffer;
  /** Its row name ({@link rowName}): unique, printable. */
  name: string;
}

/** Something at the top of the class folder that is not graded, and why. */
export interface Skipped {
  name: string;
  reason: string;
}

export interface Discovery {
  /** The class folder, resolved. */
  folder: string;
  submissions: Submission[];
  skipped: Skipped[];
}

/** Largest copy made of a submission with a non-UTF-8 name (its bundle is capped far lower). */
const MAX_COPY_BYTES = 64 * 2 ** 20;

function compareBytes(a: Submission, b: Submission): number {
  return Buffer.compare(a.bytes, b.bytes);
}

/** The submissions of `classFolder` and what is left out (see the module's comment). */
export function discoverSubmissions(classFolder: string): Discovery {
  const folder = realpathSync(classFolder);
  const submissions: Submission[] = [];
  const skipped: Skipped[] = [];
  const base = Buffer.from(folder);
  for (const entry of readdirSync(base, { withFileTypes: true, encoding: "buffer" })) {
    const bytes = entry.name;
    const name = rowName(bytes);
    if (entry.isSymbolicLink()) {
      skipped.push({
        name,
        reason: "a symbolic link, not graded: it may point at another student's work; copy it in",
      });
    } else if (!entry.isDirectory()) {
      skipped.push({ name, reason: "not a folder, not graded" });
    } else if (bytes[0] === 0x2e) {
      skipped.push({ name, reason: "a hidden folder, not graded: rename it without the dot" });
    } else {
      submissions.push({ bytes, name });
    }
  }
  submissions.sort(compareBytes);
  skipped.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { folder, submissions, skipped };
}

function childPath(parent: Buffer, name: Buffer): Buffer {
  return Buffer.concat([parent, Buffer.from("/"), name]);
}

/** Copies the folders and regular files under `from` (bytes) to `to`; links and the rest stay. */
function copyRegular(from: Buffer, to: string, budget: { bytes: number }): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true, encoding: "buffer" })) {
    const source = childPath(from, entry.name);
    const target = join(to, rowName(entry.name));
    if (entry.isDirectory()) copyRegular(source, target, budget);
    else if (entry.isFile()) {
      budget.bytes -= lstatSync(source).size;
      if (budget.bytes < 0) throw new Error(`larger than ${MAX_COPY_BYTES / 2 ** 20} MiB`);
      writeFileSync(target, readFileSync(source));
    }
  }
}

/**
 * A string path to the submission's folder: the folder itself when its name is UTF-8, else a
 * copy of its folders and regular files in `scratch` (symbolic links, FIFOs and devices are not
 * copied: the grader would refuse them anyway).
 */
function readablePath(discovery: Discovery, submission: Submission, scratch: string): string {
  if (isUtf8(submission.bytes)) return join(discovery.folder, submission.bytes.toString("utf8"));
  const copy = join(scratch, "named-copy");
  copyRegular(childPath(Buffer.from(discovery.folder), submission.bytes), copy, {
    bytes: MAX_COPY_BYTES,
  });
  return copy;
}

/**
 * A string path to the `index`-th submission's folder, for its checking process to bundle
 * ({@link readablePath}): the folder itself, or a copy in `scratch`; throws when a copy fails.
 */
export function submissionFolder(discovery: Discovery, index: number, scratch: string): string {
  return readablePath(discovery, discovery.submissions[index], scratch);
}
