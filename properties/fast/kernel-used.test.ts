import { afterEach, describe, expect, test } from "vitest";
import type { Matrix, Model } from "../../src/contract.js";
import { defaultKernelEnvironment, fusedGradientDescent } from "../../src/fast/fused-kernel.js";
import type { WasmApi } from "../../src/fast/fused-kernel.js";
import * as fast from "../../src/fast/index.js";
import * as reference from "../../src/reference/index.js";

/**
 * The kernel gives the readable path's w and b bit for bit, and steps aside to the readable path
 * where it cannot run: so a kernel that silently never ran would pass every comparison of
 * results. These tests pin which path runs, by counting what the kernel asks of the WebAssembly
 * API: one instance and one memory per run. Mutation testing found that nothing else told them
 * apart.
 */
const api = defaultKernelEnvironment.wasm as WasmApi;
const counts = { instances: 0, memories: 0 };

/** The real WebAssembly API, counting instances and memories (the namespace does not spread). */
const countingApi: WasmApi = {
  validate: (bytes) => api.validate(bytes),
  Module: api.Module,
  Instance: class extends api.Instance {
    constructor(module: object, imports: object) {
      super(module, imports);
      counts.instances++;
    }
  },
  Memory: class extends api.Memory {
    constructor(descriptor: { initial: number }) {
      super(descriptor);
      counts.memories++;
    }
  },
};

function counted<T>(run: () => T): T {
  Object.assign(counts, { instances: 0, memories: 0 });
  return run();
}

afterEach(() => {
  defaultKernelEnvironment.wasm = api;
});

/** A small data set on which the kernel's recorded costs differ from the readable path's in the last bit. */
const X: Matrix = { rows: 3, cols: 2, data: Float64Array.of(1, 2, -1, 0.5, 3, -2) };
const y = Float64Array.of(1, 0, 1);
const w = Float64Array.of(0.25, -0.5);
const options = { alpha: 0.3, epochs: 7 };

/** A deterministic matrix of the given shape, values in [−3, 3], and alternating labels. */
function data(rows: number, cols: number) {
  const matrix = {
    rows,
    cols,
    data: Float64Array.from({ length: rows * cols }, (_, k) => 3 * Math.sin(k + 1)),
  };
  return {
    X: matrix,
    y: Float64Array.from({ length: rows }, (_, i) => i % 2),
    w: new Float64Array(cols),
  };
}

function expectIdentical(actual: Model | undefined, expected: Model): void {
  expect(actual, "the kernel declined").toBeDefined();
  expect(Array.from(actual?.w ?? []).map(String)).toEqual(Array.from(expected.w).map(String));
  expect(Object.is(actual?.b, expected.b), `b: ${actual?.b} vs ${expected.b}`).toBe(true);
}

const readable = (X: Matrix, y: Float64Array, w: Float64Array, history?: number[]) =>
  reference.gradientDescent(X, y, w, 0.1, {
    ...options,
    costHistory: history,
    gradientFunction: reference.computeGradientsVectorized,
  });

describe("which path runs", () => {
  test("the fast implementation's gradientDescent without a gradientFunction runs the fused kernel, once", () => {
    defaultKernelEnvironment.wasm = countingApi;
    counted(() => fast.gradientDescent(X, y, w, 0.1, { ...options, costHistory: [] }));
    expect(counts).toEqual({ instances: 1, memories: 1 });
  });

  test("the fast implementation's gradientDescent records the kernel's costs, bit for bit, which here differ from the readable path's", () => {
    const viaFast: number[] = [];
    const viaKernel: number[] = [];
    const viaReadable: number[] = [];
    fast.gradientDescent(X, y, w, 0.1, { ...options, costHistory: viaFast });
    fusedGradientDescent(X, y, w, 0.1, { ...options, costHistory: viaKernel });
    readable(X, y, w, viaReadable);
    expect(viaFast.map(String)).toEqual(viaKernel.map(String));
    // the check can tell: on this data set the readable costs differ in the last bit
    expect(viaReadable.map(String)).not.toEqual(viaKernel.map(String));
  });

  test("the fast implementation's gradientDescent with a gradientFunction runs the readable loop, never the kernel", () => {
    defaultKernelEnvironment.wasm = countingApi;
    const model = counted(() =>
      fast.gradientDescent(X, y, w, 0.1, {
        ...options,
        gradientFunction: reference.computeGradientsVectorized,
      }),
    );
    expect(counts.instances).toBe(0);
    expectIdentical(model, readable(X, y, w));
  });

  test("the reference's gradientDescent never runs the kernel, not even without a gradientFunction", () => {
    defaultKernelEnvironment.wasm = countingApi;
    counted(() => reference.gradientDescent(X, y, w, 0.1, { ...options, costHistory: [] }));
    expect(counts).toEqual({ instances: 0, memories: 0 });
  });
});

describe("where the kernel declines", () => {
  test("it declines when y's length is not X's row count", () => {
    expect(fusedGradientDescent(X, Float64Array.of(1, 0), w, 0, options)).toBeUndefined();
  });

  test("it declines where WebAssembly has no SIMD, even after it has run (the compiled module is cached per API)", () => {
    expect(fusedGradientDescent(X, y, w, 0, options)).toBeDefined();
    const withoutSimd: WasmApi = { ...countingApi, validate: () => false };
    const environment = { ...defaultKernelEnvironment, wasm: withoutSimd };
    expect(fusedGradientDescent(X, y, w, 0, options, environment)).toBeUndefined();
    // an older WebAssembly without validate() is treated as one without SIMD
    const withoutValidate = { ...countingApi, validate: undefined } as unknown as WasmApi;
    const older = { ...defaultKernelEnvironment, wasm: withoutValidate };
    expect(fusedGradientDescent(X, y, w, 0, options, older)).toBeUndefined();
  });

  test("it declines where the memory allocation is refused", () => {
    const refusing: WasmApi = {
      ...countingApi,
      Memory: class {
        buffer = new ArrayBuffer(0);
        constructor() {
          throw new RangeError("WebAssembly.Memory(): could not allocate memory");
        }
      },
    };
    const environment = { ...defaultKernelEnvironment, wasm: refusing };
    expect(fusedGradientDescent(X, y, w, 0, options, environment)).toBeUndefined();
  });
});

describe("shapes and memory", () => {
  test("the returned w owns its memory: not a view into the kernel's copy of X, which it would keep alive", () => {
    const model = fusedGradientDescent(X, y, w, 0, options);
    expect(model?.w.byteOffset).toBe(0);
    expect(model?.w.buffer.byteLength).toBe(X.cols * 8);
  });

  test("on a 70 × 130 matrix (more than one 64 KiB page; 130 columns, past the 128 of a one-byte LEB128 mask) the kernel gives the readable bits", () => {
    const big = data(70, 130);
    const model = fusedGradientDescent(big.X, big.y, big.w, 0.1, options);
    expectIdentical(model, readable(big.X, big.y, big.w));
  });
});
