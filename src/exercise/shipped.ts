import { execFileSync } from "node:child_process";
import { bufferEntry } from "./snapshot.js";
import type { Snapshot } from "./snapshot.js";

/**
 * The shipped solution: the files of `folder` (relative to `root`) as git has them committed at
 * `ref`, read with `git ls-tree` and `git cat-file` — plumbing that reads the object store only,
 * so the working tree, the index and HEAD are left exactly as they are.
 * Throws an Error saying why when git, the repository, the ref or the folder is missing.
 */
export function shippedSnapshot(root: string, folder: string, ref: string): Snapshot {
  const listing = git(root, ["ls-tree", "-r", "-z", ref, "--", `${folder}/`]).toString("utf8");
  const snapshot: Snapshot = new Map();
  for (const line of listing.split("\0")) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/.exec(line);
    if (!match) continue;
    const [, mode, object, path] = match;
    const bytes = git(root, ["cat-file", "blob", object]);
    // Mode 120000 is a symbolic link: its blob is the link's target.
    snapshot.set(
      path.slice(folder.length + 1),
      mode === "120000" ? { link: bytes.toString("utf8") } : bufferEntry(bytes),
    );
  }
  if (snapshot.size === 0) throw new Error(`git has no ${folder}/ at ${ref}`);
  return snapshot;
}

function git(root: string, args: string[]): Buffer {
  try {
    return execFileSync("git", args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString("utf8").trim();
    throw new Error(`git ${args[0]} failed: ${stderr || (error as Error).message}`, {
      cause: error,
    });
  }
}
