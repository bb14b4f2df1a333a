import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { DataError } from "./errors.js";

/** Bytes read to detect the BOM, the delimiter and the line ending. */
const SNIFF_BYTES = 64 * 1024;

/** What fstat says of a file version: enough to tell that its bytes changed. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** An open data file, its head (for sniffing) and its version when opened. */
export interface OpenedFile {
  handle: FileHandle;
  head: Buffer;
  version: FileVersion;
}

/** Opens `path` for reading, refusing what is not a regular file or cannot be read. */
export async function openDataFile(path: string): Promise<OpenedFile> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, "r");
    const version = await versionOf(handle);
    if (!(await handle.stat()).isFile()) {
      throw new DataError("unreadable", path, "not a file (a directory?)");
    }
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, version.size));
    await handle.read(head, 0, head.length, 0);
    return { handle, head, version };
  } catch (error) {
    await handle?.close();
    if (error instanceof DataError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError("unreadable", path, `cannot read the file (${reason})`);
  }
}

/** The file's version now (fstat of the open handle). */
export async function versionOf(handle: FileHandle): Promise<FileVersion> {
  const { size, mtimeMs, ctimeMs, ino } = await handle.stat();
  return { size, mtimeMs, ctimeMs, ino };
}

/**
 * Why the bytes read are not one version of the file, or undefined when they are: the count of
 * bytes read (and hashed) must be the size fstat gave when the file was opened, and fstat after
 * the read must give the same size, modification and change times.
 */
export function changeWhileRead(
  first: FileVersion,
  bytesRead: number,
  second: FileVersion,
): string | undefined {
  const differences = [
    bytesRead !== first.size ? `${bytesRead} bytes were read` : "",
    second.size !== first.size ? `it now has ${second.size}` : "",
    second.mtimeMs !== first.mtimeMs || second.ctimeMs !== first.ctimeMs || second.ino !== first.ino
      ? "it was modified"
      : "",
  ].filter((text) => text !== "");
  if (differences.length === 0) return undefined;
  return `the file changed while it was read (it had ${first.size} bytes when opened; ${differences.join("; ")}): read it again once nothing writes to it`;
}
