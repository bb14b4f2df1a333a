import { lstatSync, realpathSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { builtinModules } from "node:module";
import { extname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Message, type Plugin } from "esbuild";
import { confinedSource, findEntry, inside, SourceError } from "./confined-files.js";
import { exportsEntry } from "./exports.js";

/**
 * Prepares one submission for its sandbox: esbuild bundles its entry (index.ts, index.js or
 * index.mjs) and everything it imports into one ES module, in a scratch folder of its own, next
 * to a copy of the sandbox host. Nothing of the submission runs here: esbuild only reads and
 * transpiles. What it may import:
 *
 * - its own folder's files, Node's built-in modules (whose dangerous parts the permission model
 *   refuses at run time) and the packages of the kit's node_modules;
 * - of the kit itself, only the helpers a learner's src/impl uses, {@link allowedKitFiles};
 * - any other file of the kit's src/ or properties/ — src/reference, src/fast, src/impl, the
 *   catalogue … the kit's implementations of the contract — is flagged, and replaced by a module
 *   whose every export throws "comes from the kit's …" when called: what the submission takes
 *   from the kit gets no marks, what it wrote itself is graded as usual;
 * - anything else (outside its folder and the kit) is refused: it does not compile.
 *
 * Confinement (confined-files.ts): every file esbuild reads is read by the plugin instead, after
 * its real path is found inside the submission's folder (or the kit's packages or helpers) and
 * `lstat` shows a regular file under the size cap: a link to a classmate, a FIFO, a device
 * (/dev/zero) or a huge file is refused before anything is read. A glob or template-literal
 * import (`` import(`../${who}/index.ts`) ``), which esbuild expands without asking the plugin
 * to resolve it, is refused when its files are loaded.
 */

const root = realpathSync(resolve(import.meta.dirname, "../.."));
/** Real path: node_modules may be a symbolic link (a worktree sharing its packages). */
const packages = realpathSync(join(root, "node_modules"));
const host = join(import.meta.dirname, "sandbox.mjs");
/** The encoding of the values the sandbox host exchanges with the grader, which it imports. */
const codec = join(import.meta.dirname, "codec.mjs");
const entries = ["index.ts", "index.js", "index.mjs"];
/** The kit files a submission may import and have bundled: types and matrix helpers, no math. */
const allowedKitFiles = ["src/contract.ts", "src/matrix.ts", "src/grade/exports.ts"].map((file) =>
  join(root, file),
);
const kitFolders = ["src", "properties"].map((folder) => join(root, folder) + sep);

export interface Prepared {
  /** The bundle's path, or undefined when there is none (see notes). */
  bundle?: string;
  /** How messages name the submission's entry, e.g. "alice/index.ts". */
  displayPath: string;
  /** One line each: why it could not be bundled, which kit implementations it imports. */
  notes: string[];
}

/** A module whose exports are those of the kit's module at `path`, each a function that throws. */
async function refusingModule(path: string): Promise<string> {
  const kitPath = relative(root, path);
  const names = Object.keys(await import(pathToFileURL(path).href));
  const refuse = `const refuse = (name) => function () {
  throw new Error(name + " comes from the kit's ${kitPath}: the kit's own implementation earns no marks, write your own");
};`;
  const exports = names.map((name) =>
    name === "default"
      ? `export default refuse("default");`
      : `export const ${name} = refuse(${JSON.stringify(name)});`,
  );
  return [refuse, ...exports].join("\n");
}

/** The TypeScript file esbuild takes for an import of a JavaScript file that does not exist. */
const typeScriptFor: Record<string, string> = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts" };

/**
 * Where esbuild resolves the import `spec` from `resolveDir`, found without asking it, for the
 * plain case: a relative or absolute path with its extension, to a regular file reached without
 * a symbolic link, or, when there is none, to the TypeScript file of a `.js`, `.mjs` or `.cjs`
 * import (esbuild takes the file itself first; checked against build.resolve in
 * properties/grade/plain-file.test.ts). Undefined otherwise: build.resolve resolves it, which costs
 * esbuild ~5 ms of CPU each time (it starts a new resolver), most of the cost of bundling a
 * submission of a dozen files.
 */
export function plainFile(spec: string, resolveDir: string): string | undefined {
  if (!/^(\.\.?)?\//.test(spec) || resolveDir === "") return undefined;
  const path = resolve(resolveDir, spec);
  const typeScript = typeScriptFor[extname(path)];
  const candidates = [
    path,
    ...(typeScript ? [path.slice(0, -extname(path).length) + typeScript] : []),
  ];
  for (const candidate of candidates) {
    let stats;
    try {
      stats = lstatSync(candidate);
    } catch {
      continue; // absent: the next candidate
    }
    if (!stats.isFile()) return undefined;
    try {
      return realpathSync(candidate) === candidate ? candidate : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function kitPlugin(folder: string, entry: string, flagged: Set<string>): Plugin {
  const resolved = new Set<string>([entry]);
  return {
    name: "logreg-grade-imports",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData === "resolving") return undefined;
        const bare = args.path.replace(/^node:/, "");
        if (args.path.startsWith("node:") || builtinModules.includes(bare)) {
          return { path: args.path, external: true };
        }
        let path = plainFile(args.path, args.resolveDir);
        if (path === undefined) {
          const found = await build.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: "resolving",
          });
          if (found.errors.length > 0) return { errors: found.errors };
          path = found.path;
        }
        resolved.add(path);
        if (inside(path, folder) || inside(path, packages)) return { path };
        if (allowedKitFiles.includes(path)) return { path };
        if (kitFolders.some((kit) => inside(path, kit))) {
          flagged.add(relative(root, path));
          return { path, namespace: "kit-implementation" };
        }
        return {
          errors: [
            { text: `imports ${args.path}, outside its folder: bundle it with the submission` },
          ],
        };
      });
      build.onLoad({ filter: /.*/, namespace: "kit-implementation" }, async (args) => ({
        contents: await refusingModule(args.path),
        loader: "js",
        resolveDir: root,
      }));
      build.onLoad({ filter: /.*/, namespace: "file" }, (args) => {
        if (!resolved.has(args.path)) {
          const shown = relative(folder, args.path);
          const text = `uses a glob or template-literal import (it reaches ${shown}): import each file by a plain string`;
          return { errors: [{ text }] };
        }
        const allowed = [folder, packages];
        try {
          return confinedSource(args.path, allowed, allowedKitFiles, folder);
        } catch (error) {
          if (error instanceof SourceError) return { errors: [{ text: error.message }] };
          throw error;
        }
      });
    },
  };
}

function describeMessage(message: Message, folder: string): string {
  const where = message.location
    ? `${relative(folder, resolve(folder, message.location.file))}:${message.location.line}:${message.location.column + 1}: `
    : "";
  return `${where}${message.text}`;
}

/**
 * Bundles the submission in `folder` (named `name`) into `scratch`/bundle.mjs and copies the
 * sandbox host next to it. `trusted`: the kit's own code (the grader's control), whose imports of
 * the kit are its own, not flagged.
 */
export async function prepare(
  folder: string,
  name: string,
  scratch: string,
  { trusted = false }: { trusted?: boolean } = {},
): Promise<Prepared> {
  let realFolder: string;
  let entry: string | undefined;
  try {
    realFolder = realpathSync(folder);
    entry = findEntry(realFolder, entries);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { displayPath: `${name}/index.ts`, notes: [`cannot be graded: ${error.message}`] };
  }
  if (entry === undefined) {
    return {
      displayPath: `${name}/index.ts`,
      notes: [`has no ${entries.join(", ")}: nothing to grade`],
    };
  }
  const displayPath = `${name}/${entry}`;
  const entryPath = join(realFolder, entry);
  const flagged = new Set<string>();
  const bundle = join(scratch, "bundle.mjs");
  await mkdir(scratch, { recursive: true });
  try {
    await build({
      // The submission behind exports.ts's entry: CommonJS and default exports read, missing
      // ones named. The entry's imports go through the plugin like any other.
      stdin: { contents: exportsEntry(entryPath), resolveDir: realFolder, loader: "js" },
      absWorkingDir: realFolder,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outfile: bundle,
      logLevel: "silent",
      // The kit's tsconfig (verbatimModuleSyntax …) is the kit's business, not the submission's.
      tsconfigRaw: {},
      nodePaths: [packages],
      // The grader's control (the kit's src/reference) may import the kit: nothing is flagged.
      plugins: trusted ? [] : [kitPlugin(realFolder, entryPath, flagged)],
    });
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors ?? [];
    const first = errors[0] ? describeMessage(errors[0], realFolder) : String(error);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : "";
    return { displayPath, notes: [`does not compile: ${first}${more}`] };
  }
  await copyFile(host, join(scratch, "sandbox.mjs"));
  await copyFile(codec, join(scratch, "codec.mjs"));
  const notes = [...flagged]
    .sort()
    .map(
      (file) =>
        `imports the kit's implementation ${file}: what comes from it earns no marks (flagged)`,
    );
  return { bundle, displayPath, notes };
}
