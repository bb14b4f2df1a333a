import { linkSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { isAlive } from "../publish/process-alive.js";

/** Where lock messages go. */
export interface LockOutput {
  log(message: string): void;
}

/**
 * An exclusive lock on a file path, held by one process at a time. The lock appears whole: this
 * process's id is written to a temporary file first, which is then `link()`ed into place (link
 * fails when the name exists), so no one ever sees a lock without its pid. A lock that is empty,
 * unreadable or not a file counts as held. A lock whose process has ended (a killed command) is
 * stale: it is removed only under a second lock, `<path>.breaking`, taken the same way, after
 * its pid is read again, so two commands never both break it and both enter.
 */
export function withLock(path: string, name: string, output: LockOutput, work: () => void): void {
  mkdirSync(dirname(path), { recursive: true });
  if (!take(path)) {
    const holder = holderOf(path, name);
    breakStale(path, name, holder, output);
  }
  try {
    work();
  } finally {
    rmSync(path, { force: true });
  }
}

/** Links a fresh file holding this process's id to `path`; false when `path` exists. */
function take(path: string): boolean {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, `${process.pid}\n`, { flag: "wx" });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The id of the process holding the lock `path`; throws "held" unless it has ended. */
function holderOf(path: string, name: string): number {
  let text: string;
  try {
    if (!lstatSync(path).isFile()) {
      throw new Error(`${name} is not a file (a folder?): remove it, then try again`);
    }
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return 0; // released in between: an ended holder, take it
    if (code === undefined) throw error;
    throw new Error(`${name} exists but cannot be read (${code}): it counts as held`, {
      cause: error,
    });
  }
  const holder = Number(text.trim());
  if (!/^\d+\s*$/.test(text) || !Number.isSafeInteger(holder) || holder <= 0) {
    throw new Error(
      `${name} holds no process id: another command may be writing it, so it counts as held.\n` +
        `Try again (if no npm run exercise is running, delete ${name}).`,
    );
  }
  if (isAlive(holder)) {
    throw new Error(
      `another npm run exercise (pid ${holder}) is working on src/impl; nothing was changed.\n` +
        `Try again when it has finished (if no such command is running, delete ${name}).`,
    );
  }
  return holder;
}

/** Removes the stale lock of `holder` and takes `path`, under `<path>.breaking`. */
function breakStale(path: string, name: string, holder: number, output: LockOutput): void {
  const breaking = `${path}.breaking`;
  if (!take(breaking)) {
    throw new Error(
      `${name}.breaking exists: another command is removing a stale lock. Try again ` +
        `(if no npm run exercise is running, delete ${name}.breaking).`,
    );
  }
  try {
    const again = holderOf(path, name);
    if (again !== holder && again !== 0) {
      throw new Error(`${name} changed hands while it was checked: try again`);
    }
    rmSync(path, { force: true });
    if (!take(path)) throw new Error(`${name} was taken by another command: try again`);
  } finally {
    rmSync(breaking, { force: true });
  }
  if (holder > 0)
    output.log(`(removed a stale lock: ${name} of process ${holder}, which has ended)`);
}
