import fc from "fast-check";
import { expect, test, vi } from "vitest";
import type { Model } from "../../src/contract.js";
import * as fastImplementation from "../../src/fast/index.js";
import { defaultKernelEnvironment, fusedGradientDescent } from "../../src/fast/fused-kernel.js";
import type { WasmApi } from "../../src/fast/fused-kernel.js";
import { computeGradientsVectorized, gradientDescent } from "../../src/reference/index.js";
import { anyDouble, dataset, smallValue } from "../support/arbitraries.js";
import type { Dataset } from "../support/arbitraries.js";

/**
 * The fast implementation's fused kernel (src/fast/fused-kernel.ts) against its specification,
 * the reference's readable loop (src/reference/4-gradient-descent.ts) with
 * computeGradientsVectorized + computeCostVectorized; and the fast implementation's
 * gradientDescent (src/fast/index.ts), which runs the kernel, against the same.
 *
 * Tolerances: w and b must be identical (Object.is): the kernel sums every logit, error and
 * gradient in the specification's order with the same roundings and reproduces stdlib's exp
 * bit for bit. Each recorded cost must agree to 1e-12 relative: the loss is computed as
 * max(s, 0) + log1p(e^(−|z|)) instead of stdlib's log1pexp branches, a few ulps per term (about
 * 1e-15 relative for a mean of non-negative terms), so 1e-12 leaves three orders of margin
 * while any wrong term (a missing row, a wrong branch) is far outside it.
 */
const runs = Number(process.env.PROPERTY_RUNS ?? 60);

interface Run extends Dataset {
  alpha: number;
  epochs: number;
}

/** α from tiny to large (large α makes the weights run away and logits saturate). */
const alpha = fc.oneof(
  fc.constantFrom(0.1, 1, 1e-3),
  fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
);

const run = (data: fc.Arbitrary<Dataset>): fc.Arbitrary<Run> =>
  fc
    .record({ data, alpha, epochs: fc.integer({ min: 1, max: 25 }) })
    .map(({ data, ...rest }) => ({ ...data, ...rest }));

/**
 * Runs the kernel, the fast implementation's gradientDescent and the reference's readable path,
 * and checks w, b (identical) and the cost histories (1e-12 relative).
 */
function expectSameRun({ X, y, w, b, alpha, epochs }: Run): void {
  const kernelHistory: number[] = [];
  const fastHistory: number[] = [];
  const specHistory: number[] = [];
  const kernel = fusedGradientDescent(X, y, w, b, { alpha, epochs, costHistory: kernelHistory });
  if (!kernel) throw new Error("the kernel declined a run it should take");
  const spec = gradientDescent(X, y, w, b, {
    alpha,
    epochs,
    costHistory: specHistory,
    gradientFunction: computeGradientsVectorized,
  });
  expectIdenticalModels(kernel, spec);
  // the fast implementation's gradientDescent without gradientFunction is the kernel
  const fast = fastImplementation.gradientDescent(X, y, w, b, {
    alpha,
    epochs,
    costHistory: fastHistory,
  });
  expectIdenticalModels(fast, spec);
  // the reference's default gradient is computeGradientsVectorized
  expectIdenticalModels(gradientDescent(X, y, w, b, { alpha, epochs }), spec);
  for (const [what, history] of [
    ["kernel", kernelHistory],
    ["fast gradientDescent", fastHistory],
  ] as const) {
    expect(history, what).toHaveLength(specHistory.length);
    specHistory.forEach((expected, k) =>
      expectRelative(`${what}: costHistory[${k}]`, history[k], expected),
    );
  }
}

function expectIdenticalModels(actual: Model, expected: Model): void {
  expect(Array.from(actual.w), "w (identical to the readable path)").toEqual(
    Array.from(expected.w),
  );
  expect(Object.is(actual.b, expected.b), `b: ${actual.b} vs ${expected.b}`).toBe(true);
  actual.w.forEach((wj, j) =>
    expect(Object.is(wj, expected.w[j]), `w[${j}] sign of zero`).toBe(true),
  );
}

function expectRelative(what: string, actual: number, expected: number): void {
  if (Object.is(actual, expected)) return;
  const relative = Math.abs(actual - expected) / Math.abs(expected);
  expect(relative, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12);
}

test("the fused kernel gives the readable path's w and b bit for bit, and its costs to 1e-12, on small data", () => {
  fc.assert(
    fc.property(run(dataset({ feature: smallValue, maxRows: 12, maxCols: 6 })), (r) =>
      expectSameRun(r),
    ),
    {
      numRuns: runs,
    },
  );
});

test("the fused kernel agrees with the readable path on every double, saturated and infinite logits included", () => {
  fc.assert(
    fc.property(run(dataset({ feature: anyDouble, maxRows: 6, maxCols: 4 })), (r) =>
      expectSameRun(r),
    ),
    {
      numRuns: runs,
    },
  );
});

test("the fused kernel agrees with the readable path on one-row data sets whose logit sits at each exp and log1pexp boundary", () => {
  const boundaries = [
    -1e10,
    -746,
    -745.14,
    -745.13,
    -744.5,
    -709.79,
    -709.78,
    -708.4,
    -708.39,
    -37,
    -18,
    -(2 ** -29),
    0,
    2 ** -29,
    18,
    33.3,
    34,
    37,
    708.39,
    709.78,
    709.79,
    745.13,
    745.14,
    746,
    1e10,
  ];
  for (const z of boundaries) {
    for (const label of [0, 1]) {
      for (const w0 of [0, 1]) {
        // x = [1, 1]: z = b + 1·w0 + 1·(z − w0 − b) with b = 0.5
        const X = { rows: 1, cols: 2, data: Float64Array.of(1, 1) };
        const w = Float64Array.of(w0, z - w0 - 0.5);
        expectSameRun({ X, y: Float64Array.of(label), w, b: 0.5, alpha: 0.5, epochs: 3 });
      }
    }
  }
});

test("the fused kernel handles odd and even row counts, and odd and even column counts, in whole epochs", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 4 }),
      (rows, cols, epochs) => {
        const data = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(k + 1) * 3);
        const y = Float64Array.from({ length: rows }, (_, i) => i % 2);
        const w = Float64Array.from({ length: cols }, (_, j) => Math.cos(j) / 2);
        expectSameRun({ X: { rows, cols, data }, y, w, b: -0.25, alpha: 0.7, epochs });
      },
    ),
    { numRuns: 40 },
  );
});

test("the fused kernel never modifies the caller's w, and returns no cost history unless one is asked for", () => {
  const X = { rows: 3, cols: 2, data: Float64Array.of(1, 2, -1, 0.5, 3, -2) };
  const y = Float64Array.of(1, 0, 1);
  const w = Float64Array.of(0.25, -0.5);
  const model = fusedGradientDescent(X, y, w, 0, { alpha: 0.3, epochs: 5 });
  expect(Array.from(w)).toEqual([0.25, -0.5]);
  expect(model).toBeDefined();
  expect(model?.w).not.toBe(w);
});

test("the fused kernel declines (returns undefined) where WebAssembly or SIMD is missing, and for labels other than 0 and 1", () => {
  const X = { rows: 2, cols: 1, data: Float64Array.of(1, -1) };
  const options = { alpha: 0.1, epochs: 2 };
  const y = Float64Array.of(0, 1);
  const withoutWasm = { ...defaultKernelEnvironment, wasm: null };
  expect(fusedGradientDescent(X, y, Float64Array.of(0), 0, options, withoutWasm)).toBeUndefined();
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const withoutSimd: WasmApi = { ...api, Module: api.Module, validate: () => false };
  const environment = { ...defaultKernelEnvironment, wasm: withoutSimd };
  expect(fusedGradientDescent(X, y, Float64Array.of(0), 0, options, environment)).toBeUndefined();
  expect(
    fusedGradientDescent(X, Float64Array.of(0, 0.5), Float64Array.of(0), 0, options),
  ).toBeUndefined();
  expect(fusedGradientDescent(X, y, Float64Array.of(0, 0), 0, options)).toBeUndefined();
});

test("the fast implementation's gradientDescent without WebAssembly falls back to the readable loop and gives the same model", async () => {
  const X = { rows: 3, cols: 2, data: Float64Array.of(1, 2, -1, 0.5, 3, -2) };
  const y = Float64Array.of(1, 0, 1);
  const w = Float64Array.of(0.25, -0.5);
  const withWasm = fastImplementation.gradientDescent(X, y, w, 0.1, { alpha: 0.3, epochs: 7 });
  vi.stubGlobal("WebAssembly", undefined);
  vi.resetModules();
  try {
    const kernel = await import("../../src/fast/fused-kernel.js");
    expect(kernel.fusedGradientDescent(X, y, w, 0.1, { alpha: 0.3, epochs: 7 })).toBeUndefined();
    const reloaded = await import("../../src/fast/index.js");
    const withoutWasm = reloaded.gradientDescent(X, y, w, 0.1, { alpha: 0.3, epochs: 7 });
    expectIdenticalModels(withoutWasm, withWasm);
  } finally {
    vi.unstubAllGlobals();
    // The kit's files share one module graph: the next import gets a kernel with WebAssembly.
    vi.resetModules();
  }
});
