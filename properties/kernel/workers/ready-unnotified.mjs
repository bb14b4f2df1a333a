/**
 * A worker script for properties/kernel/worker-failures.test.ts: sets READY at once but never
 * calls Atomics.notify, so the starting thread's wait can only time out, with READY set.
 */
import { workerData } from "node:worker_threads";

Atomics.store(new Int32Array(workerData.ready), 4, 1);
