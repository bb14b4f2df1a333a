import { lstatSync, readFileSync, realpathSync, type Stats } from "node:fs";
import { dirname, extname, join, relative, sep } from "node:path";
import type { Loader } from "esbuild";

/**
 * The files of a submission the bundler may read (bundle.ts): found by their real path inside
 * the allowed folders, checked with `lstat` before they are opened — a regular file, at most
 * {@link MAX_SOURCE_BYTES} — and read here, never by esbuild. A FIFO, a socket, a device
 * (/dev/zero), a link that leaves the folder or a huge file is refused with a reason.
 */

/** The largest source file read (the kit's biggest source file is a few tens of kB). */
export const MAX_SOURCE_BYTES = 2 ** 20;

export class SourceError extends Error {}

/** Whether `path` lies inside `folder` (both real paths). */
export function inside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function kind(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isDirectory()) return "a folder";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

/** Throws unless `path` (a real path) is a regular file of at most MAX_SOURCE_BYTES. */
function checkRegular(path: string, shown: string): void {
  const stats = lstatSync(path);
  if (!stats.isFile()) throw new SourceError(`${shown} is ${kind(stats)}, not a regular file`);
  if (stats.size > MAX_SOURCE_BYTES) {
    throw new SourceError(`${shown} is ${stats.size} bytes, more than ${MAX_SOURCE_BYTES} bytes`);
  }
}

/** The real path of `path`, which must lie inside `folder`. */
function realInside(path: string, folder: string, shown: string): string {
  const real = realpathSync(path);
  if (!inside(real, folder)) {
    throw new SourceError(`${shown} is a link to ${real}, outside the submission's folder`);
  }
  return real;
}

/**
 * The first of `entries` present in `folder` (a real path), after checking it: undefined when
 * none is there; a SourceError when it is a link out of the folder or not a regular file.
 */
export function findEntry(folder: string, entries: string[]): string | undefined {
  for (const entry of entries) {
    const path = join(folder, entry);
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch {
      continue;
    }
    const real = stats.isSymbolicLink() ? realInside(path, folder, entry) : path;
    checkRegular(real, entry);
    return entry;
  }
  return undefined;
}

const loaders: Record<string, Loader> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "js",
  ".mjs": "js",
  ".cjs": "js",
  ".jsx": "jsx",
  ".json": "json",
};

/**
 * The source of `path` for esbuild's onLoad: its real path must lie inside one of `folders` or
 * be one of `files`, and be a regular file under the cap. `folder` is the submission's, for
 * messages.
 */
export function confinedSource(path: string, folders: string[], files: string[], folder: string) {
  const shown = relative(folder, path);
  const real = realpathSync(path);
  if (!folders.some((allowed) => inside(real, allowed)) && !files.includes(real)) {
    throw new SourceError(`${shown} is ${real}, outside the submission's folder`);
  }
  checkRegular(real, shown);
  const loader = loaders[extname(real)];
  if (loader === undefined)
    throw new SourceError(
      `${shown}: cannot import a ${extname(real) || "file without an extension"}`,
    );
  return { contents: readFileSync(real), loader, resolveDir: dirname(path) };
}
