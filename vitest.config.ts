import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import type { TestProjectInlineConfiguration } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { stepOrder } from "./src/suite/step-order.js";

/**
 * Three vitest projects run the same property files in properties/model against the three
 * implementations of the contract: `reference` (src/reference, the article), `impl` (src/impl,
 * the learner's) and `fast` (src/fast, the fused kernel). A fourth, `kit`, runs everything else
 * (data pipeline, the kernel's differential tests, Newton, train script, catalogue).
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

/** The module named by LOGREG_IMPL, resolved, or undefined when the variable is not set. */
function customModule(): string | undefined {
  const custom = process.env.LOGREG_IMPL;
  if (!custom) return undefined;
  const modulePath = resolve(process.env.INIT_CWD ?? process.cwd(), custom);
  if (!existsSync(modulePath)) {
    throw new Error(`LOGREG_IMPL: no such file: ${modulePath}`);
  }
  return modulePath;
}

function projects(modulePath: string | undefined): TestProjectInlineConfiguration[] {
  if (modulePath) {
    return [implementationProject("LOGREG_IMPL", modulePath)];
  }
  return [
    implementationProject("reference", resolve("src/reference/index.ts")),
    implementationProject("impl", resolve("src/impl/index.ts")),
    implementationProject("fast", resolve("src/fast/index.ts")),
    {
      extends: true,
      test: { name: "kit", include: ["properties/**/*.test.ts"], exclude: [modelProperties] },
    },
  ];
}

/**
 * Runs the test files project by project, and within a project in the article's step order
 * (1-model before 2-cost …), so that a learner meets the steps in order (`npm run learn`,
 * scripts/learn.ts, goes further: it runs one step at a time and stops at the first that fails).
 */
class StepOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort(
      (a, b) => a.project.name.localeCompare(b.project.name) || stepOrder(a.moduleId, b.moduleId),
    );
  }
}

const custom = customModule();

export default defineConfig({
  test: {
    projects: projects(custom),
    sequence: { sequencer: StepOrderSequencer },
    // The model properties load their implementation with import(path), which watch mode cannot
    // trace back to the test files; so a change under src/ (or LOGREG_IMPL's folder) reruns them.
    forceRerunTriggers: [
      ...configDefaults.forceRerunTriggers,
      "**/src/**",
      ...(custom ? [`${dirname(custom)}/**`] : []),
    ],
  },
});
