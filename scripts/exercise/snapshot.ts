import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** The files of a folder, exactly: path relative to the folder (with "/") → bytes. */
export type Snapshot = Map<string, Buffer>;

/** Reads every file under `dir`, recursively; a missing folder is an empty snapshot. */
export function readSnapshot(dir: string): Snapshot {
  const snapshot: Snapshot = new Map();
  if (!existsSync(dir)) return snapshot;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    snapshot.set(relative(dir, path).split("\\").join("/"), readFileSync(path));
  }
  return new Map([...snapshot].sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes `snapshot` into `dir` (which should not exist yet), creating subfolders as needed. */
export function writeSnapshot(dir: string, snapshot: Snapshot): void {
  mkdirSync(dir, { recursive: true });
  for (const [path, bytes] of snapshot) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** How `current` differs from `base`, file by file ("cost.ts changed", "notes.md added", …). */
export function differences(base: Snapshot, current: Snapshot): string[] {
  const changes: string[] = [];
  for (const [path, bytes] of current) {
    const before = base.get(path);
    if (before === undefined) changes.push(`${path} added`);
    else if (!before.equals(bytes)) changes.push(`${path} changed`);
  }
  for (const path of base.keys()) if (!current.has(path)) changes.push(`${path} deleted`);
  return changes;
}

/** True when the two snapshots hold the same paths with the same bytes. */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return differences(a, b).length === 0;
}
