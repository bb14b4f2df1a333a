/**
 * The repository as the docs checker sees it: every file git tracks or would track (ignored
 * outputs such as reports/ left out), the folders that hold them, and package.json's scripts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What exists in the repository, by path relative to its root ("src/contract.ts", "src/data"). */
export interface Repository {
  root: string;
  files: ReadonlySet<string>;
  folders: ReadonlySet<string>;
  /** The names of package.json's scripts. */
  scripts: ReadonlySet<string>;
}

/** Every folder that holds one of `files`, at any depth. */
function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split("/");
    for (let k = 1; k < parts.length; k++) folders.add(parts.slice(0, k).join("/"));
  }
  return folders;
}

/** A repository from its file list and package.json's scripts (the checker's tests build these). */
export function repositoryOf(
  root: string,
  files: Iterable<string>,
  scripts: Iterable<string>,
): Repository {
  const fileSet = new Set(files);
  return { root, files: fileSet, folders: foldersOf(fileSet), scripts: new Set(scripts) };
}

/** The repository at `root`: `git ls-files` (tracked, and untracked but not ignored). */
export function readRepository(root: string): Repository {
  const listed = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "-z"],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  // --cached still lists a tracked file deleted from the working tree: keep what is there.
  const files = listed.split("\0").filter((name) => name !== "" && existsSync(join(root, name)));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  return repositoryOf(root, files, Object.keys(pkg.scripts ?? {}));
}
