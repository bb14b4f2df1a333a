// @ts-check
/**
 * Mutation testing of src/reference (npm run mutation): Stryker changes one operator, literal or
 * statement at a time and runs the tests of vitest.stryker.config.ts; a mutant no test notices
 * "survives". mutation/equivalent-mutants.md lists the survivors that no test can tell apart
 * from the original, each with its reason.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: {
    configFile: "vitest.stryker.config.ts",
    // The model properties import src/reference by a path read from LOGREG_MODULE, which vitest's
    // static import graph cannot follow: run the config's tests for every mutant.
    related: false,
  },
  mutate: [
    "src/reference/**/*.ts",
    // kernel-worker.mjs runs in a worker thread, which does not share the test thread's
    // globalThis where Stryker switches mutants on: none of its mutants could ever be active, so
    // Stryker would report them all as survivors. The two-thread tests in
    // properties/kernel/fused-kernel.test.ts check it end to end (same bits as one thread).
  ],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 3000,
  timeoutFactor: 2,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  tempDirName: ".stryker-tmp",
};
