import { randomBytes } from "node:crypto";
import {
  lstat,
  mkdir,
  open,
  readdir,
  readlink,
  rename,
  rm,
  rmdir,
  stat,
  symlink,
} from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isAlive } from "./process-alive.js";

/** A file to write: its name inside the output directory and its whole content. */
export interface OutputFile {
  name: string;
  content: string;
}

/** An output folder that cannot be used; its message names it and says why (exit code 4). */
export class OutputError extends Error {
  override name = "OutputError";
}

/** For tests: called after each file is written; may throw, or never settle (a simulated kill). */
export interface PublishHooks {
  afterWrite?(name: string): Promise<void> | void;
}

/** A report being written into a fresh folder, not yet visible at `--out`. */
export interface Publication {
  /** Writes `files` into the fresh folder, then makes `--out` point at it in one rename. */
  publish(files: readonly OutputFile[]): Promise<void>;
  /** Removes the fresh folder (a run that failed publishes nothing). */
  discard(): Promise<void>;
}

/** Folders created one level at a time, at most this many (a path deeper than that is refused). */
const MAX_NEW_LEVELS = 64;
/** What an output folder written by older versions may hold: the report and its temporaries. */
const REPORT_FILE =
  /^(report\.json|report\.md|loss-curve\.svg|\.(report\.json|report\.md|loss-curve\.svg)\.[0-9a-f]+\.tmp)$/;

/**
 * Prepares `--out` before any work is done, so that a bad output folder fails fast: creates its
 * parent folders one level at a time (never looping, unlike a recursive mkdir on /proc), creates
 * a fresh sibling folder `.<name>.<pid>-<time>-<random>` for the new report and writes and
 * removes a probe file in it. Removes what earlier killed runs left behind. Throws an
 * {@link OutputError} naming the folder and the reason.
 *
 * Publication is one atomic step: `--out` is a symbolic link to the folder of the latest
 * report; a new link to the fresh folder is renamed over it (rename(2) replaces a link
 * atomically), so a reader sees the old report or the new one, whole, never a mix; the old
 * folder is then removed. A real folder at `--out` (from older versions, holding only report
 * files) is migrated: moved aside, replaced by the link, then removed.
 */
export async function prepareOutput(out: string, hooks: PublishHooks = {}): Promise<Publication> {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  const fail = (reason: string): never => {
    throw new OutputError(`--out ${out}: ${reason}`);
  };
  const created = await createFolders(parent, fail);
  const existing = await inspect(target, fail);
  await removeLeftovers(parent, name);
  const id = `${process.pid}-${Date.now()}-${randomBytes(4).toString("hex")}`;
  const folder = join(parent, `.${name}.${id}`);
  try {
    await mkdir(folder);
    const probe = join(folder, ".probe");
    await writeDurably(probe, "probe");
    await rm(probe);
  } catch (error) {
    await rm(folder, { recursive: true, force: true }).catch(() => {});
    for (const path of [...created].reverse()) await rmdir(path).catch(() => {});
    fail(`cannot write in ${parent} (${(error as Error).message})`);
  }
  return {
    async discard() {
      await rm(folder, { recursive: true, force: true });
      // The parents this run created, if they are still empty: a failed run leaves nothing.
      for (const path of [...created].reverse()) await rmdir(path).catch(() => {});
    },
    async publish(files) {
      for (const file of files) {
        await writeDurably(join(folder, file.name), file.content);
        await hooks.afterWrite?.(file.name);
      }
      await syncFolder(folder);
      const link = join(parent, `.${name}.${id}.link`);
      await symlink(basename(folder), link);
      const now = await inspect(target, fail);
      let aside: string | undefined;
      if (now.kind === "folder") {
        // Older versions wrote a real folder: move it aside (a link cannot replace a folder).
        aside = join(parent, `.${name}.${id}.old`);
        await rename(target, aside);
      }
      await rename(link, target);
      await syncFolder(parent);
      if (aside !== undefined) await rm(aside, { recursive: true, force: true });
      const previous =
        now.kind === "link" ? now.points : existing.kind === "link" ? existing.points : undefined;
      if (previous !== undefined && isOurs(previous, name)) {
        await rm(join(parent, previous), { recursive: true, force: true });
      }
      await removeLeftovers(parent, name);
    },
  };
}

/** Creates `folder` and its missing parents, one level at a time, with a bound; returns them. */
async function createFolders(folder: string, fail: (reason: string) => never): Promise<string[]> {
  const missing: string[] = [];
  for (let path = folder; ; path = dirname(path)) {
    let stats;
    try {
      stats = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") fail(`a parent of ${path} is a file, not a folder`);
      if (code !== "ENOENT") fail(`cannot look at ${path} (${(error as Error).message})`);
    }
    if (stats !== undefined) {
      if (!stats.isDirectory()) fail(`${path} is a file, not a folder`);
      break;
    }
    missing.unshift(path);
    if (missing.length > MAX_NEW_LEVELS) fail(`more than ${MAX_NEW_LEVELS} folders to create`);
    if (dirname(path) === path) break;
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      fail(`cannot create the folder ${path} (${(error as Error).message})`);
    }
  }
  return missing;
}

type Existing = { kind: "none" } | { kind: "link"; points: string } | { kind: "folder" };

/** What is at `--out` now; a file there, or a folder holding anything but a report, is refused. */
async function inspect(target: string, fail: (reason: string) => never): Promise<Existing> {
  let stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    return fail(`cannot look at it (${(error as Error).message})`);
  }
  if (stats.isSymbolicLink()) return { kind: "link", points: await readlink(target) };
  if (!stats.isDirectory()) return fail("exists and is not a folder");
  const foreign = (await readdir(target)).filter((entry) => !REPORT_FILE.test(entry));
  if (foreign.length > 0) {
    const listed = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? ", …" : "");
    fail(
      `holds files that are not a report (${listed}); reports are now published by replacing ` +
        "this folder with a link, which would hide them: move them, or choose another --out",
    );
  }
  return { kind: "folder" };
}

/** Whether `entry` (a name in the parent folder) is one of the folders this module creates. */
function isOurs(entry: string, name: string): boolean {
  return (
    !entry.includes("/") &&
    entry.startsWith(`.${name}.`) &&
    /^\d+-/.test(entry.slice(name.length + 2))
  );
}

/**
 * Removes the fresh folders, links and moved-aside folders of `--out` left by runs that were
 * killed (their process no longer exists) or by this process, except the one `--out` points at.
 */
async function removeLeftovers(parent: string, name: string) {
  let current: string | undefined;
  try {
    current = await readlink(join(parent, name));
  } catch {
    current = undefined;
  }
  for (const entry of await readdir(parent)) {
    if (!isOurs(entry, name) || entry === current) continue;
    const pid = Number(/^(\d+)-/.exec(entry.slice(name.length + 2))?.[1]);
    if (pid === process.pid || !isAlive(pid)) {
      await rm(join(parent, entry), { recursive: true, force: true });
    }
  }
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

/** Flushes a folder's entries to disk (best effort: not every platform can open a folder). */
async function syncFolder(path: string) {
  try {
    const handle = await open(path, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here: the renames are still atomic, only their durability is the OS's.
  }
}
