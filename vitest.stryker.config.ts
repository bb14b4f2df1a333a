import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The tests Stryker (stryker.config.mjs) runs against each mutant of src/reference: only those
 * that exercise the reference, in one project.
 *
 * - properties/model: the model properties, loading src/reference through LOGREG_MODULE (a
 *   dynamic import, which is why stryker.config.mjs sets `vitest.related: false`);
 * - properties/kernel: the fused WebAssembly kernel against the readable path, which path runs
 *   (kernel-used), that every module loads (modules-load), the LEB128 encoders (encode), the
 *   threads' wait (wait-for), their failure paths (worker-failures), the memory layout
 *   (memory-layout) and the loss's ulps (loss-accuracy); not bench-cli, whose child processes do not see the mutant;
 * - properties/reference: the reference-only helpers (soft-label loss, the mean's rescue);
 * - properties/train/newton*.test.ts: newtonOptimum and standardErrors (reference-only code).
 *
 * Paths resolve from this file's folder, because Stryker runs it in a copy of the project
 * (.stryker-tmp/sandbox-…), whose src/reference holds the mutated code.
 *
 * fast-check's seed is fixed (PROPERTY_SEED, and mutation/fixed-seed.ts for plain fc.assert), so
 * that every mutant meets the same inputs and the score is the same from one run to the next.
 */
const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    include: [
      "properties/kernel/modules-load.test.ts",
      "properties/kernel/encode.test.ts",
      "properties/kernel/fused-kernel.test.ts",
      "properties/kernel/kernel-used.test.ts",
      "properties/kernel/wait-for.test.ts",
      "properties/kernel/worker-failures.test.ts",
      "properties/kernel/memory-layout.test.ts",
      "properties/kernel/loss-accuracy.test.ts",
      "properties/model/**/*.test.ts",
      "properties/reference/**/*.test.ts",
      "properties/train/newton*.test.ts",
    ],
    env: {
      LOGREG_MODULE: resolve(root, "src/reference/index.ts"),
      PROPERTY_SEED: "20261128",
    },
    setupFiles: [resolve(root, "mutation/fixed-seed.ts")],
  },
});
