import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The largest report.json read to recognise a report this tool wrote (a real one is < 1 MiB). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/**
 * Whether the folder `folder` holds a report.json this tool wrote: a JSON object with
 * `schemaVersion` a number and `config`, `data`, `training`, `model` and `optimum` objects (the
 * report's top-level shape, src/train/report.ts). A user's file that happens to be named
 * report.json, or a folder without one, is not ours.
 */
export async function holdsOwnReport(folder: string): Promise<boolean> {
  const file = join(folder, "report.json");
  try {
    const stats = await stat(file);
    if (!stats.isFile() || stats.size > MAX_REPORT_BYTES) return false;
    const parsed = JSON.parse(await readFile(file, "utf8")) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return false;
    const report = parsed as Record<string, unknown>;
    const objects = ["config", "data", "training", "model", "optimum"];
    return (
      typeof report.schemaVersion === "number" &&
      objects.every((key) => typeof report[key] === "object" && report[key] !== null)
    );
  } catch {
    return false;
  }
}

/**
 * The files git tracks at or under `path` (at most `limit` of them, named from the work tree's
 * root), when `path`'s folder is
 * inside a git work tree; an empty list when it is not, or when git is not installed.
 */
export function gitTracked(path: string, limit = 5): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["ls-files", "-z", "--full-name", "--", basename(path)],
      { cwd: dirname(path), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        // Not a work tree (exit 128) or no git (ENOENT): there is nothing git tracks to protect.
        if (error !== null) return resolve([]);
        resolve(stdout.split("\0").filter(Boolean).slice(0, limit));
      },
    );
  });
}
