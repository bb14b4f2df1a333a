import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import type { TestProjectInlineConfiguration } from "vitest/config";

/**
 * Two vitest projects run the same property files in properties/model against the two
 * implementations of the contract: `reference` (src/reference) and `impl` (src/impl). A third,
 * `kit`, runs everything else (data pipeline, train script, catalogue).
 *
 * `LOGREG_IMPL=<path> npm test` replaces all of them with one project, `LOGREG_IMPL`, that runs
 * the model properties against the module at <path> (relative to where npm was started).
 */
const modelProperties = "properties/model/**/*.test.ts";

function implementationProject(name: string, modulePath: string): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: { name, include: [modelProperties], env: { LOGREG_MODULE: modulePath } },
  };
}

function projects(): TestProjectInlineConfiguration[] {
  const custom = process.env.LOGREG_IMPL;
  if (custom) {
    const modulePath = resolve(process.env.INIT_CWD ?? process.cwd(), custom);
    if (!existsSync(modulePath)) {
      throw new Error(`LOGREG_IMPL: no such file: ${modulePath}`);
    }
    return [implementationProject("LOGREG_IMPL", modulePath)];
  }
  return [
    implementationProject("reference", resolve("src/reference/index.ts")),
    implementationProject("impl", resolve("src/impl/index.ts")),
    {
      extends: true,
      test: { name: "kit", include: ["properties/**/*.test.ts"], exclude: [modelProperties] },
    },
  ];
}

export default defineConfig({
  test: {
    projects: projects(),
  },
});
