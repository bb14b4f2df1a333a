import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, expect, test } from "vitest";
import { plainFile } from "../../src/grade/bundle.js";

/**
 * bundle.ts resolves a plain import (a path with its extension, to a regular file, no symbolic
 * link) without esbuild's build.resolve, which is slow: where it answers, it must answer as
 * esbuild does, and where anything is unusual it must leave the question to esbuild.
 */

// Its real path: the temporary folder may be reached through a link (macOS's /tmp).
const folder = realpathSync(mkdtempSync(join(tmpdir(), "logreg-plain-file-")));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
for (const file of ["a.js", "a.ts", "b.ts", "c.ts", "c.tsx", "d.tsx", "e.ts", "m.mts"]) {
  writeFileSync(join(folder, file), "export {};\n");
}
mkdirSync(join(folder, "g.js"));
mkdirSync(join(folder, "sub"));
writeFileSync(join(folder, "sub", "h.ts"), "export {};\n");
symlinkSync(join(folder, "a.ts"), join(folder, "f.ts"));
symlinkSync(join(folder, "sub"), join(folder, "linked"));

/** What esbuild's own resolver makes of `spec` from `folder` (build.resolve, as bundle.ts asks it). */
async function esbuildResolves(spec: string): Promise<string | undefined> {
  let found: string | undefined;
  await build({
    stdin: { contents: "", resolveDir: folder, loader: "js" },
    write: false,
    logLevel: "silent",
    platform: "node",
    tsconfigRaw: {},
    plugins: [
      {
        name: "ask",
        setup(b) {
          b.onStart(async () => {
            const result = await b.resolve(spec, { kind: "import-statement", resolveDir: folder });
            found = result.errors.length === 0 ? result.path : undefined;
          });
        },
      },
    ],
  });
  return found;
}

test.each([
  ["./a.js", "a.js"], // the file itself, though a.ts exists
  ["./b.js", "b.ts"], // the TypeScript file of a .js import
  ["./c.js", "c.ts"], // .ts before .tsx
  ["./m.mjs", "m.mts"],
  ["./sub/h.ts", "sub/h.ts"],
  ["../" + folder.split("/").at(-1) + "/e.ts", "e.ts"],
])("a plain import %s is the file esbuild resolves (%s)", async (spec, file) => {
  expect(plainFile(spec, folder)).toBe(join(folder, file));
  expect(await esbuildResolves(spec)).toBe(join(folder, file));
});

test("an absolute path to a regular file is that file, as for esbuild", async () => {
  const path = join(folder, "e.ts");
  expect(plainFile(path, folder)).toBe(path);
  expect(await esbuildResolves(path)).toBe(path);
});

test.each([
  ["./d.js", "only a .tsx file"],
  ["./e", "no extension"],
  ["./f.ts", "a symbolic link"],
  ["./linked/h.ts", "a folder reached through a symbolic link"],
  ["./g.js", "a folder"],
  ["./missing.js", "nothing there"],
  ["fast-check", "a package"],
])("%s (%s) is left to esbuild", (spec) => {
  expect(plainFile(spec, folder)).toBeUndefined();
});
