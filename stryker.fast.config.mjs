// @ts-check
import process from "node:process";
import baseConfig from "./stryker.config.mjs";

/**
 * Mutation testing of src/fast, the fused WebAssembly kernel (npm run mutation:fast; a manual
 * run, not part of `npm run mutation`, which mutates the readable src/reference and src/optimum).
 * Stryker changes one operator, literal or statement of src/fast at a time and runs, for each
 * mutant, the properties/fast tests (the kernel against the reference's readable path, which path
 * runs, the encoder, the memory layout, the loss's ulps) and the model properties against
 * src/fast/index.ts: vitest.stryker.config.ts picks those when LOGREG_MUTATION is "fast", set
 * below before Stryker starts its test processes (they inherit it). Everything else — runner,
 * timeouts, thresholds, reports — is stryker.config.mjs's.
 *
 * Expect a long run: the kernel's WebAssembly bytes are built when wasm/fused-pass.ts and
 * wasm/encode.ts are imported, so their mutants are "static" and Stryker runs every selected
 * test for each of them. Survivors are checked by mutation/score.ts against
 * mutation/equivalent-mutants.md, against the rows of the files this run mutated only.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
process.env.LOGREG_MUTATION = "fast";

export default {
  ...baseConfig,
  vitest: { ...baseConfig.vitest, configFile: "vitest.stryker.config.ts" },
  mutate: ["src/fast/**/*.ts"],
};
