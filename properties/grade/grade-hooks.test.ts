import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { SHARED_SUPPORT } from "../../src/grade/hooks.mjs";

/**
 * The helpers of properties/support that the grader's instances of the property files share
 * (src/grade/hooks.mjs): a shared module bound to the implementation would check every
 * submission against the kit's src/reference (loaded first, to list the properties). So each
 * shared module may import only other shared modules, src/ and packages, reads no environment
 * variable and keeps no state of its own.
 */

const support = resolve(import.meta.dirname, "../support");

/**
 * The relative imports of a module (`… from "…"`, `import "…"`, `import("…")`), as paths
 * relative to properties/support.
 */
function relativeImports(file: string): string[] {
  const text = readFileSync(join(support, file), "utf8");
  const imports = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;
  return [...text.matchAll(imports)].map(([, path]) =>
    path.replace(/^\.\//, "").replace(/\.js$/, ".ts"),
  );
}

describe("the support modules the grader shares between submissions", () => {
  test("each exists and imports only shared modules, src/ or packages", () => {
    const files = new Set(readdirSync(support));
    for (const file of SHARED_SUPPORT) {
      expect(files.has(file), file).toBe(true);
      for (const path of relativeImports(file)) {
        const allowed = SHARED_SUPPORT.has(path) || path.startsWith("../../src/");
        expect(allowed, `${file} imports ${path}`).toBe(true);
      }
    }
  });

  test("none reads the environment or keeps state at module level", () => {
    for (const file of SHARED_SUPPORT) {
      const text = readFileSync(join(support, file), "utf8");
      expect(text, file).not.toMatch(/process\.env/);
      expect(text, file).not.toMatch(/^let /m);
      expect(text, file).not.toMatch(/^const \w+ = new (Map|Set|WeakMap|Array)\b/m);
    }
  });

  test("the modules that bind the implementation, read the environment or keep state are not shared", () => {
    for (const file of [
      "implementation.ts",
      "step-functions.ts",
      "property.ts",
      "input-replay.ts",
      "runs.ts",
      "bank-csv.ts",
    ]) {
      expect(SHARED_SUPPORT.has(file), file).toBe(false);
    }
  });
});
