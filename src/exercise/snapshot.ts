import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";

/** A file's bytes, a symbolic link's target (kept as a link), or an empty folder. */
export type Entry = Buffer | { link: string } | { emptyFolder: true };

/**
 * Everything in a folder, exactly: path relative to the folder (with "/") → entry. Files, links
 * (as links, never followed) and empty folders, so that nothing the learner made is left out.
 */
export type Snapshot = Map<string, Entry>;

/** Reads everything under `dir`, recursively; a missing folder is an empty snapshot. */
export function readSnapshot(dir: string): Snapshot {
  const snapshot: Snapshot = new Map();
  if (!existsSync(dir)) return snapshot;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const key = relative(dir, path).split("\\").join("/");
    if (entry.isSymbolicLink()) snapshot.set(key, { link: readlinkSync(path) });
    else if (entry.isFile()) snapshot.set(key, readFileSync(path));
    else if (entry.isDirectory() && readdirSync(path).length === 0) {
      snapshot.set(key, { emptyFolder: true });
    }
  }
  return new Map([...snapshot].sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes `snapshot` into `dir` (which should not exist yet), creating subfolders as needed. */
export function writeSnapshot(dir: string, snapshot: Snapshot): void {
  mkdirSync(dir, { recursive: true });
  for (const [path, entry] of snapshot) {
    const target = join(dir, path);
    if (Buffer.isBuffer(entry)) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry);
    } else if ("link" in entry) {
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(entry.link, target);
    } else {
      mkdirSync(target, { recursive: true });
    }
  }
}

function same(a: Entry, b: Entry): boolean {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) {
    return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
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
