import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";

/** A file to write: its name inside the output directory and its whole content. */
export interface OutputFile {
  name: string;
  content: string;
}

/**
 * Writes `files` into `dir` (created if missing) so that no reader ever sees a half-written
 * file and a failure replaces nothing: every file is first written in full to a temporary
 * sibling (`.<name>.<random>.tmp`) and flushed to disk; only when all of them are written is
 * each renamed over its target, in the order given (rename within one directory is atomic
 * on POSIX). If any write fails, the temporary files are removed, the previous files are left
 * as they were, and the error is rethrown.
 */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[]) {
  await mkdir(dir, { recursive: true });
  const suffix = randomBytes(6).toString("hex");
  const staged = files.map((file) => ({
    target: join(dir, file.name),
    temporary: join(dir, `.${file.name}.${suffix}.tmp`),
    content: file.content,
  }));
  try {
    for (const file of staged) await writeDurably(file.temporary, file.content);
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temporary, { force: true })));
    throw error;
  }
  for (const file of staged) await rename(file.temporary, file.target);
}

async function writeDurably(path: string, content: string) {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}
