// @ts-check
/**
 * Mutation testing of src/reference and src/optimum (npm run mutation, run by CI): Stryker
 * changes one operator, literal or
 * statement at a time and runs the tests of vitest.stryker.config.ts; a mutant no test notices
 * "survives". mutation/equivalent-mutants.md lists every survivor with the reason no test can tell
 * it apart from the original (equivalent), or why its fate depends on timing (unstable).
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
  // The fused kernel (src/fast) has its own, slower run: stryker.fast.config.mjs.
  mutate: ["src/reference/**/*.ts", "src/optimum/**/*.ts"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  // Stryker copies the project into .stryker-tmp/sandbox-…; the outputs git ignores are not part
  // of it. reports/latest is a symbolic link to a folder (npm run train), which the copy cannot
  // follow (EISDIR); grades/, .exercise/ and coverage/ can be large and are never read by a test.
  ignorePatterns: ["/reports", "/reports-*", "/grades", "/.exercise", "/coverage"],
  // A mutant that loops forever (i++ → i--) is stopped after its tests' usual time × 3 + 20 s
  // and counted as detected. The whole suite takes about 2.5 s quiet; with two CPU hogs and
  // another test run on 2 cores a test run can take ten times as long, and an equivalent mutant
  // stopped by this limit would be reported (mutation/score.ts), so the limit leaves room for
  // that. An endless mutant costs these seconds once; there are few.
  timeoutMS: 20_000,
  timeoutFactor: 3,
  // Stryker's own score counts equivalent mutants as survivors. The goal, at least 90% of the
  // mutants that are not equivalent, is checked by mutation/score.ts (run after Stryker by
  // `npm run mutation`), which also fails on any survivor not listed in
  // mutation/equivalent-mutants.md. The floor below catches a collapse even without it.
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  tempDirName: ".stryker-tmp",
};
