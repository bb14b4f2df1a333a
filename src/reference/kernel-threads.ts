import { Worker } from "node:worker_threads";

/**
 * The two-thread pass of the reference's kernel: the same sums as the fused pass, in the same
 * order, split so that no sum is split. Per epoch:
 *
 *   1. errors: the main thread takes rows [0, h), the worker rows [h, m) — each row's logit,
 *      error and loss are independent of the others';
 *   2. gradient: the main thread takes columns [0, c), the worker columns [c, n) — each g_j is
 *      still summed over all rows in order, by one thread;
 *   3. the main thread sums the errors and the losses in row order.
 *
 * Protocol over `flags` (Int32Array in a SharedArrayBuffer), with epochs counted from 1:
 *   flags[GO] = epoch started by the main thread (−1: stop), flags[WORKER_ERRORS],
 *   flags[MAIN_ERRORS], flags[WORKER_GRADIENT] = last epoch whose step that thread finished.
 * Each side waits with a short spin, then Atomics.wait (the main thread too, so the pass stays
 * synchronous). The worker is started once, unref()'d so it never keeps a process alive, and
 * reused by later calls.
 */
export const FLAGS = { GO: 0, WORKER_ERRORS: 1, MAIN_ERRORS: 2, WORKER_GRADIENT: 3, READY: 4 };
/** Checks before sleeping (a fraction of a millisecond): a wake-up from Atomics.wait costs more
 * than the spin when the other thread is running on the other core. */
const SPINS = 200000;
const TIMEOUT_MS = 60000;
/** How long a starting worker has to signal READY. */
const READY_TIMEOUT_MS = 10000;

/**
 * Waits until flags[index] ≥ value: spins briefly, then sleeps in Atomics.wait; throws if the
 * flag stays unchanged for timeoutMs (the other thread stopped responding).
 */
export function waitFor(
  flags: Int32Array,
  index: number,
  value: number,
  timeoutMs = TIMEOUT_MS,
): void {
  for (let spin = 0; spin < SPINS; spin++) if (Atomics.load(flags, index) >= value) return;
  for (;;) {
    const now = Atomics.load(flags, index);
    if (now >= value) return;
    if (Atomics.wait(flags, index, now, timeoutMs) === "timed-out") {
      throw new Error("the reference kernel's worker thread stopped responding");
    }
  }
}

export function signal(flags: Int32Array, index: number, value: number): void {
  Atomics.store(flags, index, value);
  Atomics.notify(flags, index);
}

/** What starts the worker; replaced in tests to check the fallback when threads are missing. */
export type StartWorker = () => Worker;

export const startKernelWorker: StartWorker = () =>
  startWorker(new URL("./kernel-worker.mjs", import.meta.url), READY_TIMEOUT_MS);

/**
 * Starts the worker script at `url` (given `workerData.ready`, a SharedArrayBuffer whose
 * Int32Array element READY it sets to 1 once running) and waits up to readyTimeoutMs for it:
 * throws if READY is still 0 by then. The kernel's worker is startKernelWorker; tests pass
 * other scripts and a short timeout.
 */
export function startWorker(url: URL, readyTimeoutMs: number): Worker {
  const ready = new SharedArrayBuffer(4 * 8);
  // Plain JavaScript: no loader flags (execArgv) are needed, and some (--input-type) are refused.
  const worker = new Worker(url, {
    workerData: { ready },
    execArgv: [],
  });
  worker.unref();
  worker.on("error", () => {
    if (shared === worker) shared = undefined; // the next call tries another
  });
  // Wait (synchronously) until the worker runs, so that a failed start is a fallback, not a hang.
  const flags = new Int32Array(ready);
  const waited = Atomics.wait(flags, FLAGS.READY, 0, readyTimeoutMs);
  if (waited === "timed-out" && flags[FLAGS.READY] === 0) {
    void worker.terminate();
    throw new Error("the reference kernel's worker thread did not start");
  }
  return worker;
}

let shared: Worker | null | undefined;

/** The kernel's worker, started on first use; null where worker threads did not start. */
export function kernelWorker(start: StartWorker): Worker | null {
  if (start !== startKernelWorker) return tryStart(start);
  if (shared === undefined) shared = tryStart(start);
  return shared;
}

function tryStart(start: StartWorker): Worker | null {
  try {
    return start();
  } catch {
    return null;
  }
}
