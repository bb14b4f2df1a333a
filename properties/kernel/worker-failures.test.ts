import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { expect, test } from "vitest";
import { fusedGradientDescent } from "../../src/reference/fused-kernel.js";
import {
  kernelWorker,
  startKernelWorker,
  startWorker,
  waitFor,
} from "../../src/reference/kernel-threads.js";
import { defaultKernelEnvironment } from "../../src/reference/fused-kernel.js";

/**
 * The two-thread kernel's failure paths (src/reference/kernel-threads.ts): a thread that stops
 * answering, a worker that never starts, a worker that sets READY but whose wake-up is lost, and
 * a cached worker that crashes. The worker scripts are in properties/kernel/workers/; the
 * timeouts are short (the kernel's own are 60 s and 10 s) so that each test takes under 0.5 s.
 */
const script = (name: string) => new URL(`./workers/${name}`, import.meta.url);

test("waitFor throws 'stopped responding' when the flag stays below the value for the whole timeout", () => {
  const flags = new Int32Array(new SharedArrayBuffer(16));
  const started = performance.now();
  expect(() => waitFor(flags, 1, 1, 30)).toThrow(
    "the reference kernel's worker thread stopped responding",
  );
  expect(performance.now() - started, "ms waited").toBeGreaterThanOrEqual(25);
});

test("startWorker throws 'did not start' for a worker that never sets READY within the timeout", () => {
  expect(() => startWorker(script("never-ready.mjs"), 100)).toThrow(
    "the reference kernel's worker thread did not start",
  );
});

test("startWorker accepts a worker that set READY even when the wait timed out (its wake-up was lost)", async () => {
  const worker = startWorker(script("ready-unnotified.mjs"), 400);
  expect(worker).toBeInstanceOf(Worker);
  await worker.terminate();
});

test("the kernel's own worker starts and signals READY", async () => {
  const worker = startKernelWorker();
  expect(worker).toBeInstanceOf(Worker);
  await worker.terminate();
});

/** Makes a kernel worker crash: its message handler cannot destructure null. */
async function crash(worker: Worker): Promise<void> {
  const crashed = once(worker, "error");
  worker.postMessage(null);
  await crashed;
}

test("a crash of a worker that is not the cached one leaves the cache alone; a crash of the cached one makes the next call start another", async () => {
  const cached = kernelWorker(startKernelWorker);
  expect(cached).toBeInstanceOf(Worker);
  expect(kernelWorker(startKernelWorker), "the second call").toBe(cached);

  await crash(startKernelWorker());
  expect(kernelWorker(startKernelWorker), "after another worker crashed").toBe(cached);

  await crash(cached!);
  const next = kernelWorker(startKernelWorker);
  expect(next, "after the cached worker crashed").toBeInstanceOf(Worker);
  expect(next, "after the cached worker crashed").not.toBe(cached);

  // the new worker does the kernel's work: two threads give the same bits as one
  const X = { rows: 6, cols: 4, data: Float64Array.from({ length: 24 }, (_, k) => (k % 7) - 3) };
  const y = Float64Array.of(0, 1, 1, 0, 1, 0);
  const options = { alpha: 0.5, epochs: 3 };
  const w = new Float64Array(4);
  const one = fusedGradientDescent(X, y, w, 0, options);
  const two = fusedGradientDescent(X, y, w, 0, options, {
    ...defaultKernelEnvironment,
    threads: 2,
  });
  expect(two).toEqual(one);
});
