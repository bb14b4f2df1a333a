import type { Worker } from "node:worker_threads";
import type { GradientDescentOptions, Matrix, Model } from "../contract.js";
import { computeCostVectorized } from "./cost-vectorized.js";
import { FLAGS, kernelWorker, signal, startKernelWorker, waitFor } from "./kernel-threads.js";
import type { StartWorker } from "./kernel-threads.js";
import { SHARED_MAX_PAGES } from "./wasm/encode.js";
import { fusedPassModule, sharedFusedPassModule } from "./wasm/fused-pass.js";

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
 * Runs on one thread, or on two with `environment.threads = 2` (same bits). Returns undefined,
 * and the caller takes the readable path, when WebAssembly SIMD is missing, when a label is not
 * 0 or 1, when w or y do not match X's shape, or when X does not fit in a 32-bit WebAssembly
 * memory (2 GiB here).
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
  const kernel = instantiate(wasm, layout, environment.threads, environment.startWorker);
  if (!kernel) return undefined;

  const { heap, runPass } = kernel;
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
    runPass(m, n, bias, withCost);
  };

  try {
    if (epochs > 0) pass(false);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const errorSum = heap[layout.out / 8];
      for (let j = 0; j < n; j++) weights[j] -= alpha * (gradient[j] / m);
      bias -= alpha * (errorSum / m);
      if (costHistory || epoch + 1 < epochs) pass(costHistory !== undefined);
      costHistory?.push(cost());
    }
  } finally {
    kernel.stop();
  }
  return { w: weights.slice(), b: bias };
}

/** Where the kernel runs: the WebAssembly API, how many threads, and how to start a worker. */
export interface KernelEnvironment {
  wasm: WasmApi | null;
  /**
   * 1 (the default), or 2: the pass split between this thread and a worker (kernel-threads.ts),
   * with one thread where no worker starts. Same bits either way. Two threads pay three
   * handshakes per epoch and a second read of e; they gain only where a core is idle (see the
   * README's performance section), so gradientDescent uses one.
   */
  threads: 1 | 2;
  startWorker: StartWorker;
}

export const defaultKernelEnvironment: KernelEnvironment = {
  wasm: (globalThis as { WebAssembly?: WasmApi }).WebAssembly ?? null,
  threads: 1,
  startWorker: startKernelWorker,
};

type Layout = NonNullable<ReturnType<typeof memoryLayout>>;

interface Kernel {
  heap: Float64Array;
  /** One pass at (w, b) as stored in the heap: the gradient into g, Σe and ΣL into out. */
  runPass(m: number, n: number, b: number, withCost: boolean): void;
  stop(): void;
}

/** The kernel's memory and pass, on two threads when asked and a worker starts, else on one. */
function instantiate(
  wasm: WasmApi,
  layout: Layout,
  threads: 1 | 2,
  startWorker: StartWorker,
): Kernel | undefined {
  if (threads === 2) {
    const worker = kernelWorker(startWorker);
    const module = compiledModule(wasm, true);
    const memory = module && worker ? allocate(wasm, layout.pages, true) : undefined;
    if (module && worker && memory) return twoThreadKernel(wasm, module, memory, layout, worker);
  }
  const module = compiledModule(wasm, false);
  const memory = module ? allocate(wasm, layout.pages, false) : undefined;
  if (!module || !memory) return undefined;
  const pass = new wasm.Instance(module, { env: { memory } }).exports.pass as WasmFunction;
  const stop = () => {};
  return {
    heap: new Float64Array(memory.buffer),
    runPass: (m, n, b, withCost) =>
      pass(layout.x, layout.y, layout.w, layout.g, layout.out, m, n, b, withCost ? 1 : 0),
    stop,
  };
}

function allocate(wasm: WasmApi, pages: number, shared: boolean) {
  try {
    const descriptor = shared
      ? { initial: pages, maximum: SHARED_MAX_PAGES, shared }
      : { initial: pages };
    return new wasm.Memory(descriptor);
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

/**
 * The two-thread pass (kernel-threads.ts describes the split and the protocol): rows [0, h) and
 * columns [0, c) on this thread, the rest on the worker; h and c even.
 */
function twoThreadKernel(
  wasm: WasmApi,
  module: object,
  memory: { buffer: ArrayBuffer },
  layout: Layout,
  worker: Worker,
): Kernel {
  const { errors, gradient } = new wasm.Instance(module, { env: { memory } }).exports as Record<
    string,
    WasmFunction
  >;
  const heap = new Float64Array(memory.buffer);
  const { m, n } = layout;
  const h = Math.floor(m / 4) * 2;
  const c = Math.floor(n / 4) * 2;
  const control = new SharedArrayBuffer(48);
  const flags = new Int32Array(control, 0, 8);
  const scalars = new Float64Array(control, 32, 2);
  const errorsArgs = [layout.x + h * n * 8, layout.y + h * 8, layout.w, layout.e + h * 8];
  errorsArgs.push(layout.loss + h * 8, m - h, n);
  // The worker's columns of g go to their own cache lines (g2), copied into g after the pass:
  // two threads storing into one line each row would make it bounce between the cores.
  const gradientArgs = [layout.x + c * 16, layout.y, layout.w, layout.g2, layout.e];
  gradientArgs.push(m, n, 0, n - c);
  worker.postMessage({ module, memory, control, errorsArgs, gradientArgs });
  const errorsOf = heap.subarray(layout.e / 8, layout.e / 8 + m);
  const lossesOf = heap.subarray(layout.loss / 8, layout.loss / 8 + m);
  const workerColumns = heap.subarray(layout.g2 / 8, layout.g2 / 8 + n - c + 3);
  let epoch = 0;
  return {
    heap,
    runPass(rows, cols, b, withCost) {
      epoch++;
      scalars[0] = b;
      scalars[1] = withCost ? 1 : 0;
      workerColumns.fill(0);
      signal(flags, FLAGS.GO, epoch);
      errors(layout.x, layout.y, layout.w, layout.e, layout.loss, h, cols, b, scalars[1]);
      signal(flags, FLAGS.MAIN_ERRORS, epoch);
      waitFor(flags, FLAGS.WORKER_ERRORS, epoch);
      gradient(layout.x, layout.y, layout.w, layout.g, layout.e, rows, cols, 0, c);
      // Σe and ΣL in row order, as mean() sums them
      let errorSum = 0;
      let costSum = 0;
      for (let i = 0; i < rows; i++) errorSum += errorsOf[i];
      if (withCost) for (let i = 0; i < rows; i++) costSum += lossesOf[i];
      heap[layout.out / 8] = errorSum;
      heap[layout.out / 8 + 1] = costSum;
      waitFor(flags, FLAGS.WORKER_GRADIENT, epoch);
      heap.copyWithin(layout.g / 8 + c, layout.g2 / 8, layout.g2 / 8 + n - c);
    },
    stop: () => signal(flags, FLAGS.GO, -1),
  };
}

/** The part of the WebAssembly API the kernel uses (the DOM lib that types it is not loaded). */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => {
    buffer: ArrayBuffer;
  };
}

type WasmFunction = (...args: number[]) => void;

const cached = new Map<boolean, object | null>();

/** The compiled kernel (shared-memory variant or not), or null without WebAssembly SIMD. */
function compiledModule(wasm: WasmApi, shared: boolean): object | null {
  if (wasm !== defaultKernelEnvironment.wasm) return compile(wasm, shared);
  if (!cached.has(shared)) cached.set(shared, compile(wasm, shared));
  return cached.get(shared) ?? null;
}

function compile(wasm: WasmApi, shared: boolean): object | null {
  const bytes = shared ? sharedFusedPassModule : fusedPassModule;
  if (typeof wasm.validate !== "function" || !wasm.validate(bytes)) return null;
  return new wasm.Module(bytes);
}

/**
 * Byte offsets of X (as row pairs, plus slack), y, w, g (n + 3 doubles), the two sums, and for
 * the two-thread pass the errors, the losses and the worker's part of g (g2, own cache lines);
 * undefined when they would not all end below 2 GiB. Exported for its tests.
 */
export function memoryLayout(m: number, n: number) {
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const x = 0;
  const yOffset = align(x + (Math.ceil(m / 2) * 2 * n + 4) * 8);
  const wOffset = align(yOffset + m * 8);
  const g = align(wOffset + n * 8);
  const out = align(g + (n + 3) * 8);
  const e = out + 16;
  const loss = align(e + m * 8);
  const g2 = Math.ceil((loss + m * 8) / 64) * 64 + 64;
  const end = g2 + (n + 3) * 8;
  // Addresses and the kernel's loop bounds are i32: stay below 2 GiB.
  if (end >= 2 ** 31) return undefined;
  const pages = Math.max(1, Math.ceil(end / 65536));
  return { m, n, x, y: yOffset, w: wOffset, g, out, e, loss, g2, pages };
}
