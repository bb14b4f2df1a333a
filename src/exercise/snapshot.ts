import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";

/**
 * A file as the exercise tool compares it: its size and SHA-256 (two files are the same when
 * both agree), and how to get its bytes, which are read only when the snapshot is written out.
 */
export interface FileEntry {
  size: number;
  sha256: string;
  bytes(): Buffer;
}

/** A file, a symbolic link's target (kept as a link), or an empty folder. */
export type Entry = FileEntry | { link: string } | { emptyFolder: true };

/** A file entry for bytes already in memory (git's blobs). */
export function bufferEntry(bytes: Buffer): FileEntry {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { size: bytes.length, sha256, bytes: () => bytes };
}

/** A file entry for the file at `path`: hashed in 64 KiB chunks, its bytes not kept. */
function diskEntry(path: string): FileEntry {
  const hash = createHash("sha256");
  const chunk = Buffer.alloc(64 * 1024);
  const fd = openSync(path, "r");
  let size = 0;
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest("hex"), bytes: () => readFileSync(path) };
}

/**
 * Everything in a folder, exactly: path relative to the folder (with "/") → entry. Files, links
 * (as links, never followed) and empty folders, so that nothing the learner made is left out.
 */
export type Snapshot = Map<string, Entry>;

/**
 * The most a snapshot holds: 1000 entries and 32 MiB of file bytes. src/impl is a handful of
 * source files; anything bigger is not an exercise, and is refused (naming the limit, or the
 * file that passes it) before its bytes are read.
 */
export const SNAPSHOT_LIMITS = { files: 1000, bytes: 32 * 1024 * 1024 };

/**
 * Reads everything under `dir`, recursively, never following a link; a missing folder is an
 * empty snapshot. `label` names `dir` in errors ("src/impl"). Throws when the folder passes
 * SNAPSHOT_LIMITS, before reading the file that passes it.
 */
export function readSnapshot(dir: string, label = dir): Snapshot {
  const snapshot: Snapshot = new Map();
  if (!existsSync(dir)) return snapshot;
  let bytes = 0;
  const pending = [""];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = readdirSync(join(dir, folder), { withFileTypes: true });
    if (entries.length === 0 && folder !== "") snapshot.set(folder, { emptyFolder: true });
    for (const entry of entries) {
      const key = folder === "" ? entry.name : `${folder}/${entry.name}`;
      const path = join(dir, key);
      if (snapshot.size >= SNAPSHOT_LIMITS.files) {
        throw new Error(
          `${label} holds more than ${SNAPSHOT_LIMITS.files} files: more than the exercise tool copies (is it the right folder?); nothing was changed`,
        );
      }
      if (entry.isSymbolicLink()) snapshot.set(key, { link: readlinkSync(path) });
      else if (entry.isDirectory()) pending.push(key);
      else if (entry.isFile()) {
        const size = lstatSync(path).size;
        bytes += size;
        if (bytes > SNAPSHOT_LIMITS.bytes) {
          throw new Error(
            `${label}/${key} is ${size} bytes: with it ${label} passes the ${SNAPSHOT_LIMITS.bytes} bytes the exercise tool copies; move it out, then try again (nothing was changed)`,
          );
        }
        snapshot.set(key, diskEntry(path));
      }
    }
  }
  return new Map([...snapshot].sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes `snapshot` into `dir` (which should not exist yet), creating subfolders as needed. */
export function writeSnapshot(dir: string, snapshot: Snapshot): void {
  mkdirSync(dir, { recursive: true });
  for (const [path, entry] of snapshot) {
    const target = join(dir, path);
    if ("sha256" in entry) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.bytes());
    } else if ("link" in entry) {
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(entry.link, target);
    } else {
      mkdirSync(target, { recursive: true });
    }
  }
}

/** Whether two entries are the same: files by size and SHA-256, links by target. */
function same(a: Entry, b: Entry): boolean {
  if ("sha256" in a || "sha256" in b) {
    return "sha256" in a && "sha256" in b && a.size === b.size && a.sha256 === b.sha256;
  }
  if ("link" in a || "link" in b) return "link" in a && "link" in b && a.link === b.link;
  return true;
}

/** How `current` differs from `base`, entry by entry ("cost.ts changed", "notes.md added", …). */
export function differences(base: Snapshot, current: Snapshot): string[] {
  const changes: string[] = [];
  for (const [path, entry] of current) {
    const before = base.get(path);
    if (before === undefined) changes.push(`${path} added`);
    else if (!same(before, entry)) changes.push(`${path} changed`);
  }
  for (const path of base.keys()) if (!current.has(path)) changes.push(`${path} deleted`);
  return changes;
}

/** True when the two snapshots hold the same paths with the same entries. */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return differences(a, b).length === 0;
}

/** The UTF-8 text of the file at `path` in `snapshot`; undefined when it is not a file there. */
export function fileText(snapshot: Snapshot, path: string): string | undefined {
  const entry = snapshot.get(path);
  return entry !== undefined && "sha256" in entry ? entry.bytes().toString("utf8") : undefined;
}
