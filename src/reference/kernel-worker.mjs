/**
 * The second thread of the reference's two-thread kernel (kernel-threads.ts), plain JavaScript
 * so that it starts without a TypeScript loader. Each message is one training job over a shared
 * WebAssembly memory; per epoch it runs `errors` on the second half of the rows, waits for the
 * main thread's half, then runs `gradient` on the second half of the columns. The `flags`
 * protocol is documented in kernel-threads.ts.
 */
/* global WebAssembly */
import { parentPort, workerData } from "node:worker_threads";

const [GO, WORKER_ERRORS, MAIN_ERRORS, WORKER_GRADIENT, READY] = [0, 1, 2, 3, 4];
/** Checks before sleeping (a fraction of a millisecond): a wake-up from Atomics.wait costs more
 * than the spin when the other thread is running on the other core. */
const SPINS = 200000;
const TIMEOUT_MS = 60000;

/** Waits until flags[index] ≥ value (or GO < 0, the stop signal): spins briefly, then sleeps. */
function waitFor(flags, index, value) {
  const reached = () => Atomics.load(flags, index) >= value || Atomics.load(flags, GO) < 0;
  for (let spin = 0; spin < SPINS; spin++) if (reached()) return;
  while (!reached()) {
    if (Atomics.wait(flags, index, Atomics.load(flags, index), TIMEOUT_MS) === "timed-out") {
      throw new Error("kernel worker: the main thread stopped responding");
    }
  }
}

function signal(flags, index, value) {
  Atomics.store(flags, index, value);
  Atomics.notify(flags, index);
}

parentPort.on("message", ({ module, memory, control, errorsArgs, gradientArgs }) => {
  const { errors, gradient } = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const flags = new Int32Array(control, 0, 8);
  const scalars = new Float64Array(control, 32, 2); // b, withCost
  for (let epoch = 1; ; epoch++) {
    waitFor(flags, GO, epoch);
    if (Atomics.load(flags, GO) < 0) return;
    errors(...errorsArgs, scalars[0], scalars[1]);
    signal(flags, WORKER_ERRORS, epoch);
    waitFor(flags, MAIN_ERRORS, epoch);
    gradient(...gradientArgs);
    signal(flags, WORKER_GRADIENT, epoch);
  }
});

signal(new Int32Array(workerData.ready), READY, 1);
