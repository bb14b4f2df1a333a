import type { GradientDescentOptions, Matrix, Model } from "../contract.js";
import { computeCostVectorized } from "./cost-vectorized.js";
import { fusedPassModule } from "./wasm/fused-pass.js";

/**
 * The reference's fast kernel for batch gradient descent: the same updates as
 * gradient-descent.ts with computeGradientsVectorized and computeCostVectorized,
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
 * 32-bit WebAssembly memory.
 */
export function fusedGradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
  wasm: WasmApi | null = globalWasm,
): Model | undefined {
  const { alpha, epochs, costHistory } = options;
  const { rows: m, cols: n } = X;
  const module = compiledModule(wasm);
  const layout = memoryLayout(m, n);
  if (!module || !wasm || !layout || m === 0 || w.length !== n || y.length !== m) return undefined;
  if (!y.every((label) => label === 0 || label === 1)) return undefined;

  let memory: { buffer: ArrayBuffer };
  try {
    memory = new wasm.Memory({ initial: layout.pages });
  } catch {
    return undefined; // the allocation was refused: the readable path needs no copy of X
  }
  const instance = new wasm.Instance(module, { env: { memory } });
  const pass = instance.exports.pass as FusedPass;
  const heap = new Float64Array(memory.buffer);
  interleaveRowPairs(X, heap.subarray(layout.x / 8));
  heap.set(y, layout.y / 8);
  const weights = heap.subarray(layout.w / 8, layout.w / 8 + n);
  weights.set(w);
  const gradient = heap.subarray(layout.g / 8, layout.g / 8 + n + 3);
  let bias = b;

  const runPass = (withCost: boolean): void => {
    gradient.fill(0);
    pass(layout.x, layout.y, layout.w, layout.g, layout.out, m, n, bias, withCost ? 1 : 0);
  };
  const cost = (): number => {
    const sum = heap[layout.out / 8 + 1];
    // mean()'s overflow rescue is rare: let the readable cost handle it.
    return Number.isFinite(sum) ? sum / m : computeCostVectorized(X, y, weights.slice(), bias);
  };

  if (epochs > 0) runPass(false);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const errorSum = heap[layout.out / 8];
    for (let j = 0; j < n; j++) weights[j] -= alpha * (gradient[j] / m);
    bias -= alpha * (errorSum / m);
    if (costHistory || epoch + 1 < epochs) runPass(costHistory !== undefined);
    costHistory?.push(cost());
  }
  return { w: weights.slice(), b: bias };
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

const globalWasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly ?? null;

type FusedPass = (
  x: number,
  y: number,
  w: number,
  g: number,
  out: number,
  rows: number,
  cols: number,
  b: number,
  withCost: number,
) => void;

let cached: object | null | undefined;

/** The compiled kernel, or null where WebAssembly (with SIMD) is unavailable. */
function compiledModule(wasm: WasmApi | null): object | null {
  if (wasm !== globalWasm) return compile(wasm);
  if (cached === undefined) cached = compile(wasm);
  return cached;
}

function compile(wasm: WasmApi | null): object | null {
  if (typeof wasm?.validate !== "function" || !wasm.validate(fusedPassModule)) return null;
  return new wasm.Module(fusedPassModule);
}

/** Byte offsets of X (as row pairs, plus slack), y, w, g (n + 3 doubles) and the two sums. */
function memoryLayout(m: number, n: number) {
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const x = 0;
  const yOffset = align(x + (Math.ceil(m / 2) * 2 * n + 4) * 8);
  const wOffset = align(yOffset + m * 8);
  const g = align(wOffset + n * 8);
  const out = align(g + (n + 3) * 8);
  const end = out + 16;
  // Addresses and the kernel's loop bounds are i32: stay below 2 GiB.
  if (end >= 2 ** 31) return undefined;
  return { x, y: yOffset, w: wOffset, g, out, pages: Math.max(1, Math.ceil(end / 65536)) };
}
