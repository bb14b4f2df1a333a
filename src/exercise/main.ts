import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { printable } from "../data/errors.js";
import { withLock } from "./lock.js";
import { shippedSnapshot } from "./shipped.js";
import {
  differences,
  readSnapshot,
  sameSnapshot,
  writeSnapshot,
  type Snapshot,
} from "./snapshot.js";

export const usage = `Usage: npm run exercise -- <command> [options]

Turns src/impl into the exercise (every function a stub) and back, never losing a file: whatever
a command replaces is first saved under .exercise/saved/<time>-<why>/.

Commands:
  start               save src/impl, then replace it with stubs that throw
                      "not implemented yet: <function> (article step N)"
  restore             bring back the src/impl that the last \`start\` saved
  restore --shipped   bring back the shipped solution: src/impl as git has it committed
  restore --from DIR  bring back any saved copy (a folder \`status\` lists, relative to the root)
  status              say what src/impl holds now, and list the saved copies

Options:
  --force       let \`start\` replace a src/impl with changes git has not committed (saved first)
  --ref REV     the commit \`--shipped\` and \`start\` compare with (default HEAD)
  --root DIR    the project to work on (default: the one this script belongs to)
  -h, --help    print this help

Exit status: 0 done (or nothing to do); 1 refused or failed, src/impl unchanged; 2 usage error;
141 stdout was closed (e.g. \`| head -1\`): the command did its work, its output was cut off.`;

/** Where the output goes; tests pass their own. */
export interface Output {
  log(message: string): void;
  error(message: string): void;
}

/** The stubs `start` installs: the exercise's starting point, shipped with the kit. */
const stubsFolder = resolve(import.meta.dirname, "../impl-stubs");
const implFolder = "src/impl";
const savedFolder = ".exercise/saved";
const lockFile = ".exercise/lock";

/** Runs `npm run exercise -- <argv>` and returns its exit status. */
export function main(argv: string[], output: Output = console): number {
  return run(argv, {
    log: (message) => output.log(printableLines(message)),
    error: (message) => output.error(printableLines(message)),
  });
}

/** `text` for a terminal, line by line: file names can hold control characters (printable). */
function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

function run(argv: string[], output: Output): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        force: { type: "boolean", default: false },
        shipped: { type: "boolean", default: false },
        from: { type: "string" },
        ref: { type: "string", default: "HEAD" },
        root: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return usageError(output, (error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    output.log(usage);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (command === undefined)
    return usageError(output, "a command is needed: start, restore or status");
  if (extra.length > 0) return usageError(output, `unexpected argument: ${extra.join(" ")}`);
  if (values.shipped && values.from !== undefined) {
    return usageError(output, "--shipped and --from name two different sources: give one");
  }
  if ((values.shipped || values.from !== undefined) && command !== "restore") {
    return usageError(output, "--shipped and --from go with `restore`");
  }
  if (values.force && command !== "start") return usageError(output, "--force goes with `start`");
  if (values.ref.startsWith("-")) {
    return usageError(output, `--ref ${values.ref}: a commit is expected, not an option`);
  }
  const root =
    values.root === undefined
      ? resolve(import.meta.dirname, "../..")
      : fromUserDirectory(values.root);
  if (!isFolder(join(root, "src"))) {
    const why = isFolder(root) ? "it holds no src/ folder" : "no such folder";
    return usageError(output, `--root ${values.root}: ${why}, so it is not the kit's project`);
  }
  const project = new Project(root, values.ref);
  try {
    switch (command) {
      case "start":
        project.locked(output, () => project.start(values.force, output));
        return 0;
      case "restore":
        project.locked(output, () =>
          project.restore(
            values.shipped
              ? { kind: "shipped" }
              : values.from !== undefined
                ? { kind: "folder", path: resolve(root, values.from) }
                : { kind: "last start" },
            output,
          ),
        );
        return 0;
      case "status":
        project.status(output);
        return 0;
      default:
        return usageError(output, `unknown command: ${command}`);
    }
  } catch (error) {
    output.error(`exercise: ${(error as Error).message}`);
    return 1;
  }
}

/** What `restore` brings back: git's src/impl, the copy the last `start` saved, or a folder. */
type Source = { kind: "shipped" } | { kind: "last start" } | { kind: "folder"; path: string };

/** The src/impl of one project, and the copies of it saved under .exercise/saved/. */
class Project {
  constructor(
    readonly root: string,
    readonly ref: string,
  ) {}

  /** Runs `work` holding .exercise/lock (see lock.ts), so that two commands never change src/impl at once. */
  locked(output: Output, work: () => void): void {
    withLock(this.path(lockFile), lockFile, output, work);
  }

  start(force: boolean, output: Output): void {
    const current = this.readImpl();
    const stubs = readSnapshot(stubsFolder);
    if (sameSnapshot(current, stubs)) {
      output.log("src/impl already holds the untouched stubs: nothing to do. Next: npm run learn");
      return;
    }
    if (!force) {
      const changes = this.uncommittedChanges(current);
      if (changes.length > 0) {
        throw new Error(
          `src/impl has changes that git has not committed at ${this.ref} (${changes.join(", ")}).\n` +
            "Nothing was changed. To save them under .exercise/saved/ and start anyway:\n" +
            "  npm run exercise -- start --force",
        );
      }
    }
    const saved = this.replaceImpl(stubs, "before-start");
    output.log(`Saved src/impl to ${saved}/ (bring it back with: npm run exercise -- restore).`);
    output.log(
      'src/impl now holds stubs: each function throws "not implemented yet: <function> (article step N)".\n' +
        "Next: npm run learn — the properties run in the article's order; make step 1 pass first.",
    );
  }

  restore(source: Source, output: Output): void {
    const current = this.readImpl();
    const wanted = this.source(source);
    if (sameSnapshot(current, wanted.snapshot)) {
      output.log(`src/impl already holds ${wanted.label}: nothing to do.`);
      return;
    }
    const untouched = sameSnapshot(current, readSnapshot(stubsFolder)) || current.size === 0;
    const saved = this.replaceImpl(wanted.snapshot, untouched ? null : "before-restore");
    if (saved !== null) output.log(`Saved your src/impl to ${saved}/ first.`);
    output.log(`src/impl now holds ${wanted.label}.`);
  }

  status(output: Output): void {
    const current = this.readImpl();
    let shipped: Snapshot | null = null;
    try {
      shipped = shippedSnapshot(this.root, implFolder, this.ref);
    } catch (error) {
      // Not a git checkout, or no such ref: the state is described without the comparison.
      output.log(`(not compared with ${this.ref}: ${(error as Error).message})`);
    }
    const fromStubs = differences(readSnapshot(stubsFolder), current);
    const fromShipped = shipped === null ? null : differences(shipped, current);
    const state =
      fromStubs.length === 0
        ? "the untouched stubs (the exercise has started)"
        : fromShipped !== null && fromShipped.length === 0
          ? `the shipped solution (as committed at ${this.ref})`
          : fromShipped === null || fromStubs.length <= fromShipped.length
            ? `the exercise in progress (${fromStubs.join(", ")}, compared with the stubs)`
            : `your own work (${fromShipped.join(", ")}, compared with ${this.ref})`;
    if (!existsSync(this.path(implFolder))) {
      output.log(
        "src/impl does not exist: bring one back with npm run exercise -- restore --shipped (or start).",
      );
    } else output.log(`src/impl holds ${state}.`);
    const saves = this.saves();
    output.log(
      saves.length === 0
        ? "No saved copies."
        : `Saved copies, oldest first:\n  ${saves.join("\n  ")}`,
    );
  }

  /**
   * src/impl as it is now. Refuses a src/impl that is a symbolic link (naming its target): the
   * tool replaces a folder by renaming it, and would otherwise move the link or read the
   * user's folder behind it.
   */
  private readImpl(): Snapshot {
    const impl = this.path(implFolder);
    let stats;
    try {
      stats = lstatSync(impl);
    } catch {
      return new Map(); // missing: nothing to read
    }
    if (stats.isSymbolicLink()) {
      throw new Error(
        `src/impl is a symbolic link to ${readlinkSync(impl)}: the exercise tool works on a real folder only; nothing was changed`,
      );
    }
    return readSnapshot(impl, implFolder);
  }

  /** The files to restore, and how to name them in messages. */
  private source(source: Source): { snapshot: Snapshot; label: string } {
    if (source.kind === "shipped") {
      return {
        snapshot: shippedSnapshot(this.root, implFolder, this.ref),
        label: `the shipped solution (${this.ref})`,
      };
    }
    if (source.kind === "last start") {
      const last = this.saves()
        .filter((save) => save.endsWith("-before-start"))
        .at(-1);
      if (last === undefined) {
        throw new Error(
          "no copy saved by `start` in .exercise/saved/.\nFor the shipped solution: npm run exercise -- restore --shipped",
        );
      }
      return { snapshot: readSnapshot(this.path(last)), label: `the copy saved in ${last}/` };
    }
    const inside = relative(realpathSync(this.root), realpathOrSelf(source.path));
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      throw new Error(
        `${source.path} is not inside the project: --from takes a saved copy (see status), under ${savedFolder}/`,
      );
    }
    const snapshot = readSnapshot(source.path, relative(this.root, source.path));
    if (snapshot.size === 0)
      throw new Error(`${source.path}: no such folder, or it holds no files`);
    return { snapshot, label: `the copy saved in ${relative(this.root, source.path)}/` };
  }

  /** The paths in `current` that differ from the committed src/impl; throws when git cannot tell. */
  private uncommittedChanges(current: Snapshot): string[] {
    let shipped: Snapshot;
    try {
      shipped = shippedSnapshot(this.root, implFolder, this.ref);
    } catch (error) {
      throw new Error(
        `cannot tell whether src/impl has changes of yours (${(error as Error).message}).\n` +
          "Nothing was changed. To save src/impl under .exercise/saved/ and start anyway:\n" +
          "  npm run exercise -- start --force",
        { cause: error },
      );
    }
    return differences(shipped, current);
  }

  /**
   * Replaces src/impl with `files`: they are written to a scratch folder first, then the old
   * src/impl is moved (renamed, not copied) to .exercise/saved/<time>-<why> — or deleted when
   * `why` is null — and the scratch folder is renamed into place. Returns the save's path.
   */
  private replaceImpl(files: Snapshot, why: string | null): string | null {
    const scratch = this.path(`.exercise/incoming-${process.pid}-${Date.now()}`);
    writeSnapshot(scratch, files);
    const impl = this.path(implFolder);
    let saved: string | null = null;
    if (existsSync(impl)) {
      if (why === null) {
        rmSync(impl, { recursive: true });
      } else {
        saved = this.newSaveName(why);
        mkdirSync(this.path(savedFolder), { recursive: true });
        renameSync(impl, this.path(saved));
      }
    }
    renameSync(scratch, impl);
    return saved;
  }

  /** A fresh .exercise/saved/<ISO time>-<why>, so that names sort in time order. */
  private newSaveName(why: string): string {
    const stamp = new Date().toISOString().replaceAll(":", "-");
    let name = `${savedFolder}/${stamp}-${why}`;
    for (let n = 2; existsSync(this.path(name)); n++) name = `${savedFolder}/${stamp}-${n}-${why}`;
    return name;
  }

  /** The saved copies, oldest first, as paths relative to the project root. */
  private saves(): string[] {
    const folder = this.path(savedFolder);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .sort()
      .map((name) => `${savedFolder}/${name}`);
  }

  private path(relativePath: string): string {
    return join(this.root, relativePath);
  }
}

/** Whether `path` is a folder (following links). */
function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The real path of `path`, or `path` itself when it does not exist. */
function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A path the user typed, resolved from where they ran npm (npm runs scripts from the root). */
function fromUserDirectory(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function usageError(output: Output, message: string): number {
  output.error(`exercise: ${message}\n\n${usage}`);
  return 2;
}
