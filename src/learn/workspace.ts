import { readdirSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { scriptFiles } from "./fingerprint.js";
import { stubsByStep } from "./stubs.js";

/**
 * What `npm run learn` checks and watches: the learner's TypeScript in src/impl (the `impl`
 * project), or a Python module of the article's numpy (`--python`, the `LOGREG_IMPL` project
 * of vitest.config.ts, docs/python.md).
 */
export interface Workspace {
  /** The vitest project that runs the model properties against the learner's code. */
  project: "impl" | "LOGREG_IMPL";
  /** The folder the learner saves in, and the watched one. */
  folder: string;
  /** How the watch line names what is watched: "src/impl", "fixtures/python/*.py". */
  label: string;
  /** Whether the watch looks into subfolders. */
  recursive: boolean;
  /** Whether a change of `file` (relative to `folder`) is a save that calls for a run. */
  watches(file: string): boolean;
  /** The learner's source files, relative to `folder`: what a step's result depends on. */
  sources(): string[];
  /** The functions still stubs, by article step (read from the source; none for Python). */
  stubs(): Map<number, string[]>;
}

/** src/impl of the project at `root`. */
export function typescriptWorkspace(root: string): Workspace {
  const folder = join(root, "src", "impl");
  return {
    project: "impl",
    folder,
    label: "src/impl",
    recursive: true,
    watches: () => true,
    sources: () => scriptFiles(folder),
    stubs: () => stubsByStep(folder),
  };
}

/**
 * The Python module at `modulePath` (absolute): every .py file of its folder counts, as the
 * module may import its neighbours; subfolders (__pycache__) do not. A function the module does
 * not define fails its properties with "does not define …", so no stub is read from the source.
 */
export function pythonWorkspace(root: string, modulePath: string): Workspace {
  const folder = dirname(modulePath);
  const shown = relative(root, folder);
  const where = shown === "" ? "." : shown.startsWith("..") ? folder : shown;
  return {
    project: "LOGREG_IMPL",
    folder,
    label: `${where}/*.py (${basename(modulePath)})`,
    recursive: false,
    watches: (file) => file.endsWith(".py"),
    sources: () => readdirSync(folder).filter((file) => file.endsWith(".py")),
    stubs: () => new Map(),
  };
}
