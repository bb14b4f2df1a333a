import type { GradientDescentOptions, Matrix, Model } from "../contract.js";
import { computeCostVectorized } from "../reference/index.js";
import { fusedPassModule } from "./wasm/fused-pass.js";

/**
 * The fast implementation's kernel for batch gradient descent: the same updates as the
 * reference's gradientDescent with computeGradientsVectorized and computeCostVectorized,
 *
 *     w ← w − α (1/m) Xᵀ(σ(Xw + b) − y),    b ← b − α mean(σ(Xw + b) − y)
 *
 * but with one fused WebAssembly pass over X per epoch (wasm/fused-pass.ts). The pass at the
 * updated (w, b) yields both the cost to record for this epoch and the gradient for the next,
 * so the final epoch alone needs an extra pass. w, b and every gradient are bit-for-bit those of
 * the readable path; the recorded costs agree to a few ulps (the loss is summed the same way
 * but log1p is evaluated differently).
 *
 * Returns undefined, and the caller takes the readable path, when WebAssembly SIMD is missing,
 * when a label is not 0 or 1, when w or y do not match X's shape, or when X does not fit in a
 * 32-bit WebAssembly memory (2 GiB here).
 */
export function fusedGradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
  environment: KernelEnvironment = defaultKernelEnvironment,
): Model | undefined {
  const { alpha, epochs, costHistory } = options;
  const { rows: m, cols: n } = X;
  const { wasm } = environment;
  const layout = memoryLayout(m, n);
  if (!wasm || !layout || m === 0 || w.length !== n || y.length !== m) return undefined;
  if (!y.every((label) => label === 0 || label === 1)) return undefined;
  const kernel = instantiate(wasm, layout);
  if (!kernel) return undefined;

  const { heap, pass: runPass } = kernel;
  interleaveRowPairs(X, heap.subarray(layout.x / 8));
  heap.set(y, layout.y / 8);
  const weights = heap.subarray(layout.w / 8, layout.w / 8 + n);
  weights.set(w);
  const gradient = heap.subarray(layout.g / 8, layout.g / 8 + n + 3);
  let bias = b;
  const cost = (): number => {
    const sum = heap[layout.out / 8 + 1];
    // mean()'s overflow rescue is rare: let the readable cost handle it.
    return Number.isFinite(sum) ? sum / m : computeCostVectorized(X, y, weights.slice(), bias);
  };
  const pass = (withCost: boolean): void => {
    gradient.fill(0);
    runPass(layout.x, layout.y, layout.w, layout.g, layout.out, m, n, bias, withCost ? 1 : 0);
  };

  if (epochs > 0) pass(false);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const errorSum = heap[layout.out / 8];
    for (let j = 0; j < n; j++) weights[j] -= alpha * (gradient[j] / m);
    bias -= alpha * (errorSum / m);
    if (costHistory || epoch + 1 < epochs) pass(costHistory !== undefined);
    costHistory?.push(cost());
  }
  return { w: weights.slice(), b: bias };
}

/** Where the kernel runs: the WebAssembly API (replaced in tests). */
export interface KernelEnvironment {
  wasm: WasmApi | null;
}

export const defaultKernelEnvironment: KernelEnvironment = {
  wasm: (globalThis as { WebAssembly?: WasmApi }).WebAssembly ?? null,
};

type Layout = NonNullable<ReturnType<typeof memoryLayout>>;

/**
 * The kernel's memory (as doubles) and its pass (wasm/fused-pass.ts describes the arguments),
 * or undefined without WebAssembly SIMD or where the memory is refused.
 */
function instantiate(
  wasm: WasmApi,
  layout: Layout,
): { heap: Float64Array; pass: WasmFunction } | undefined {
  const module = compiledModule(wasm);
  const memory = module ? allocate(wasm, layout.pages) : undefined;
  if (!module || !memory) return undefined;
  const { pass } = new wasm.Instance(module, { env: { memory } }).exports;
  return { heap: new Float64Array(memory.buffer), pass: pass as WasmFunction };
}

function allocate(wasm: WasmApi, pages: number) {
  try {
    return new wasm.Memory({ initial: pages });
  } catch {
    return undefined; // the allocation was refused: the readable path needs no copy of X
  }
}

/**
 * Copies X into `out` as interleaved row pairs, the kernel's layout: element (i, j) goes to
 * ⌊i/2⌋·2n + 2j + (i mod 2), so that one 16-byte load holds column j of rows 2p and 2p + 1.
 */
function interleaveRowPairs(X: Matrix, out: Float64Array): void {
  const { rows, cols, data } = X;
  for (let i = 0; i < rows; i++) {
    const base = (i >> 1) * 2 * cols + (i & 1);
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[base + 2 * j] = data[row + j];
  }
}

/** The part of the WebAssembly API the kernel uses (the DOM lib that types it is not loaded). */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

type WasmFunction = (...args: number[]) => void;

/** The default API's compiled module, once compiled (null: no SIMD). */
let cached: object | null | undefined;

/** The compiled kernel, or null without WebAssembly SIMD. */
function compiledModule(wasm: WasmApi): object | null {
  if (wasm !== defaultKernelEnvironment.wasm) return compile(wasm);
  if (cached === undefined) cached = compile(wasm);
  return cached;
}

function compile(wasm: WasmApi): object | null {
  if (typeof wasm.validate !== "function" || !wasm.validate(fusedPassModule)) return null;
  return new wasm.Module(fusedPassModule);
}

/**
 * Byte offsets of X (as row pairs, plus slack), y, w, g (n + 3 doubles) and the two sums (out),
 * and the memory's size in 64 KiB pages; undefined when they would not all end below 2 GiB.
 * Exported for its tests.
 */
export function memoryLayout(m: number, n: number) {
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const x = 0;
  const yOffset = align(x + (Math.ceil(m / 2) * 2 * n + 4) * 8);
  const wOffset = align(yOffset + m * 8);
  const g = align(wOffset + n * 8);
  const out = align(g + (n + 3) * 8);
  const end = out + 16;
  // Addresses and the kernel's loop bounds are i32: stay below 2 GiB.
  if (end >= 2 ** 31) return undefined;
  const pages = Math.max(1, Math.ceil(end / 65536));
  return { m, n, x, y: yOffset, w: wOffset, g, out, pages };
}
