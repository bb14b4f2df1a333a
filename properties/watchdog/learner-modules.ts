import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The kit's root folder. */
export const root = resolve(import.meta.dirname, "../..");

/**
 * Writes a learner's module in a fresh temporary folder (an ES module package, as a learner's
 * project is): the reference implementation with `body` appended (its own exports replace the
 * reference's of the same name). Returns the module's path.
 */
export function learnerModule(body: string): string {
  const folder = mkdtempSync(join(tmpdir(), "watchdog-"));
  writeFileSync(join(folder, "package.json"), '{ "type": "module" }\n');
  const reference = join(root, "src/reference/index.ts");
  const path = join(folder, "index.ts");
  writeFileSync(path, `export * from ${JSON.stringify(reference)};\n${body}\n`);
  return path;
}
