/**
 * The model properties as vitest collects them: every test of properties/model with its file,
 * read from `vitest list --json` for one implementation's project (each implementation runs the
 * same tests), so a test named in a loop or a template is listed as vitest names it.
 */
import { spawnSync } from "node:child_process";
import { relative } from "node:path";

/** One model property: its file relative to the root, and its test name. */
export interface ModelTest {
  file: string;
  name: string;
}

/** The folder of the model properties, relative to the root. */
const MODEL_FOLDER = "properties/model";

/** The vitest project whose list is read: the reference's (the same files as impl's and fast's). */
const PROJECT = "reference";

/** vitest lists in 10–20 s here; a loaded machine may take several times that. */
const LIST_TIMEOUT_MS = 300_000;

interface ListedTest {
  name: string;
  file: string;
}

/** Every test of properties/model, in file order (the article's steps) and then vitest's order. */
export function listModelTests(root: string): ModelTest[] {
  const env = { ...process.env };
  delete env.LOGREG_IMPL; // it would replace the reference's project with its own
  const args = [
    "node_modules/vitest/vitest.mjs",
    "list",
    MODEL_FOLDER,
    "--project",
    PROJECT,
    "--json",
  ];
  const listed = spawnSync(process.execPath, args, {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: LIST_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) {
    const why = listed.error?.message ?? listed.stderr.split("\n").find((l) => /error/i.test(l));
    throw new Error(
      `vitest list of ${MODEL_FOLDER} failed (exit ${listed.status}): ${why ?? "no message"}`,
    );
  }
  const output = listed.stdout;
  return (JSON.parse(output) as ListedTest[])
    .map((test) => ({ file: relative(root, test.file).split("\\").join("/"), name: test.name }))
    .filter((test) => test.file.startsWith(`${MODEL_FOLDER}/`));
}
