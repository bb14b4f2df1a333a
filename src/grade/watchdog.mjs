/**
 * The watchdog thread of src/grade/bridge.ts: the checking thread blocks in a read while the
 * submission computes, so this thread keeps the time. The checking thread arms it with the
 * sandbox's pid and a deadline before each wait; at the deadline it kills the sandbox (SIGKILL),
 * whose end of the pipe then closes and unblocks the read, and records the pid it killed.
 *
 * Shared memory: Int32 [0] a sequence number bumped at every change, [1] the pid, [2] the last
 * pid killed; Float64 at byte 16 the deadline (ms since the epoch; 0 = none).
 *
 * Plain JavaScript: a worker thread started from a TypeScript module cannot use the kit's loader.
 */
import { performance } from "node:perf_hooks";
import process from "node:process";
import { workerData } from "node:worker_threads";

const ints = new Int32Array(workerData.shared, 0, 4);
const deadline = new Float64Array(workerData.shared, 16, 1);
const now = () => performance.timeOrigin + performance.now();

const TICK_MS = 50;

for (;;) {
  Atomics.wait(ints, 0, 0, TICK_MS);
  const when = deadline[0];
  const pid = Atomics.load(ints, 1);
  if (when !== 0 && pid > 0 && now() >= when && deadline[0] === when) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
    Atomics.store(ints, 2, pid);
    deadline[0] = 0;
  }
}
