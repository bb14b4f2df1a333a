import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import type { TestProjectInlineConfiguration } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { findPython, noNumpyLine } from "./src/python/find-python.js";
import { stepOrder } from "./src/suite/step-order.js";
import { printable } from "./src/text/escape.js";

/**
 * Three vitest projects run the same property files in properties/model against the three
 * implementations of the contract: `reference` (src/reference, the article), `impl` (src/impl,
 * the learner's) and `fast` (src/fast, the fused kernel). A fourth, `kit`, runs the kit's other
 * fast tests (data pipeline, the kernel's differential tests, Newton, catalogue, support). A
 * fifth, `integration`, runs every `*.integration.test.ts`: the tests that start a process (train,
 * grade, bench, exercise) or take seconds (the article's 1000 epochs).
 *
 * `npm test` runs every project but `integration`; `npm run test:integration` runs only it.
 *
 * `LOGREG_IMPL=<path> npm test` replaces all of them with one project, `LOGREG_IMPL`, that runs
 * the model properties against the module at <path> (relative to where npm was started).
 */
const modelProperties = "properties/model/**/*.test.ts";
const integrationTests = "properties/**/*.integration.test.ts";
/** Cleans up after each test file (temporary files), also where files share one module graph. */
const perFileSetup = "properties/support/per-file-setup.ts";

/**
 * The integration tests' default time per test and per hook, for a test that sets none: a test
 * starts at most a few processes; the slowest such test took 4.7 s at load 7 on 2 cores (two
 * train runs, properties/train/train-script.integration.test.ts), so 120 s leaves it 25 times
 * that. Tests that do more (the grader's class, the article's 1000 epochs) set their own.
 */
const INTEGRATION_TIMEOUT_MS = 120_000;

/**
 * Every other test's time: the slowest in-process tests take about 1 s on a quiet machine (the
 * fixture-sized data sets of properties/model); in a CI run beside two CPU hogs and other work,
 * at a load average of 20–33 on 2 cores, they took up to 6.7 s. 30 s leaves them 4 times that.
 * Tests that load whole data files (the real one, the fixture) are integration tests.
 */
const UNIT_TIMEOUT_MS = 30_000;

/**
 * The model properties against the module at `modulePath`. `isolate` false lets the project's
 * files share one module graph per worker (faster); only for the kit's own implementations,
 * whose functions keep no state between calls. A learner's module (impl, LOGREG_IMPL, the
 * catalogue's bugs) gets a fresh one per file, so that state it keeps cannot carry from one file
 * to the next, and the first failure does not depend on which files shared a worker.
 */
function implementationProject(
  name: string,
  modulePath: string,
  isolate = true,
): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: { name, include: [modelProperties], env: { LOGREG_MODULE: modulePath }, isolate },
  };
}

/**
 * The module named by LOGREG_IMPL, resolved, or undefined when the variable is not set. A path
 * that is not a file, or a .py module when no python with numpy is found (src/python), ends the
 * run here with one line and exit 2 (a usage error): thrown, it would reach the terminal as
 * vite's config-loading stack.
 */
function customModule(): string | undefined {
  const custom = process.env.LOGREG_IMPL;
  if (!custom) return undefined;
  const modulePath = resolve(process.env.INIT_CWD ?? process.cwd(), custom);
  const problem = !existsSync(modulePath)
    ? "no such file"
    : statSync(modulePath).isFile()
      ? undefined
      : "not a file";
  if (problem !== undefined) {
    console.error(
      `LOGREG_IMPL=${printable(custom)}: ${problem}: ${printable(modulePath)} (expected the module of an implementation, e.g. LOGREG_IMPL=src/impl/index.ts)`,
    );
    process.exit(2);
  }
  if (modulePath.endsWith(".py") && findPython() === undefined) {
    console.error(`LOGREG_IMPL=${printable(custom)}: ${noNumpyLine()}`);
    process.exit(2);
  }
  return modulePath;
}

function projects(modulePath: string | undefined): TestProjectInlineConfiguration[] {
  if (modulePath) {
    return [implementationProject("LOGREG_IMPL", modulePath)];
  }
  return [
    implementationProject("reference", resolve("src/reference/index.ts"), false),
    implementationProject("impl", resolve("src/impl/index.ts")),
    implementationProject("fast", resolve("src/fast/index.ts"), false),
    {
      extends: true,
      test: {
        name: "kit",
        include: ["properties/**/*.test.ts"],
        exclude: [modelProperties, integrationTests],
        setupFiles: [perFileSetup],
        isolate: false,
      },
    },
    {
      extends: true,
      test: {
        name: "integration",
        include: [integrationTests],
        setupFiles: [perFileSetup],
        testTimeout: INTEGRATION_TIMEOUT_MS,
        hookTimeout: INTEGRATION_TIMEOUT_MS,
      },
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
    // vitest's default is one worker fewer than the cores: on 2 cores, one file at a time. The
    // fast projects run in-process arithmetic, so they use every core; `npm run
    // test:integration` asks for one worker on the command line, as its tests start processes.
    maxWorkers: availableParallelism(),
    testTimeout: UNIT_TIMEOUT_MS,
    hookTimeout: UNIT_TIMEOUT_MS,
    // The model properties load their implementation with import(path), which watch mode cannot
    // trace back to the test files; so a change under src/ (or LOGREG_IMPL's folder) reruns them.
    forceRerunTriggers: [
      ...configDefaults.forceRerunTriggers,
      "**/src/**",
      ...(custom ? [`${dirname(custom)}/**`] : []),
    ],
  },
});
