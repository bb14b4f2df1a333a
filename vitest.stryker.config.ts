import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant, in one project. Two runs share this file, told
 * apart by LOGREG_MUTATION (set by the Stryker config before it starts any test process):
 *
 * `npm run mutation` (stryker.config.mjs; LOGREG_MUTATION unset): src/reference and src/optimum.
 * - properties/model: the model properties, loading src/reference through LOGREG_MODULE (a
 *   dynamic import, which is why the Stryker configs set `vitest.related: false`);
 * - properties/reference: the reference-only edges the model properties do not reach (soft-label
 *   loss, the mean's rescue, StandardScaler's guards for extreme magnitudes and constant test,
 *   compareCodePoints on prefixes, yesNoFlag's NaN);
 * - properties/optimum: newtonOptimum, its Cholesky solve, line search and stopping rule.
 *
 * `npm run mutation:fast` (stryker.fast.config.mjs; LOGREG_MUTATION=fast): src/fast.
 * - properties/model: the same model properties, loading src/fast/index.ts;
 * - properties/fast: the fused WebAssembly kernel against the readable path, which path runs
 *   (kernel-used), that every module loads (modules-load), the LEB128 encoders (encode), the
 *   memory layout (memory-layout) and the loss's ulps (loss-accuracy); not bench-cli, whose
 *   child processes do not see the mutant, nor reference-readable, which reads src/reference.
 *
 * Paths resolve from this file's folder, because Stryker runs it in a copy of the project
 * (.stryker-tmp/sandbox-…), whose src holds the mutated code.
 *
 * fast-check's seed is fixed (PROPERTY_SEED, and mutation/fixed-seed.ts for plain fc.assert), so
 * that every mutant meets the same inputs and the score is the same from one run to the next.
 */
const root = dirname(fileURLToPath(import.meta.url));
const fast = process.env.LOGREG_MUTATION === "fast";

export default defineConfig({
  test: {
    include: fast
      ? ["properties/fast/*.test.ts", "properties/model/**/*.test.ts"]
      : [
          "properties/model/**/*.test.ts",
          "properties/reference/**/*.test.ts",
          "properties/optimum/**/*.test.ts",
        ],
    exclude: fast
      ? [
          "properties/fast/bench-cli.integration.test.ts",
          "properties/fast/reference-readable.test.ts",
        ]
      : [],
    env: {
      LOGREG_MODULE: resolve(root, fast ? "src/fast/index.ts" : "src/reference/index.ts"),
      PROPERTY_SEED: "20261128",
    },
    setupFiles: [resolve(root, "mutation/fixed-seed.ts")],
    // Longer than Stryker's own limit for any mutant (stryker.config.mjs: usual time × 3 + 20 s),
    // so that a slow machine makes a mutant time out, never fail: vitest's default 5 s failed
    // tests under load, which "killed" equivalent mutants and failed mutation/score.ts.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
