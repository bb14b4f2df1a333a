/**
 * The watchdog thread of src/grade/bridge.ts: the checking thread blocks in a read while the
 * submission computes, so this thread keeps the time, from outside the sandbox. The checking
 * thread arms it with the sandbox's pid, a CPU deadline (the CPU milliseconds of the sandbox's
 * process tree, cpu-time.mjs) and a wall-clock deadline before each wait. Every TICK_MS it reads
 * the tree's CPU time from /proc; past either deadline it kills the sandbox (SIGKILL), whose end of the pipe then closes and unblocks the read, and
 * records the pid it killed and which limit it was. A sandbox one of whose processes stays
 * stopped (SIGSTOP) for a second is killed too.
 *
 * Shared memory: Int32 [0] unused, [1] the pid, [2] the last pid killed, [3] why (1 CPU time,
 * 2 wall time, 3 stopped); Float64 at byte 16 the wall deadline (ms since the epoch), at byte 24 the CPU
 * deadline (ms); 0 = disarmed.
 *
 * Plain JavaScript: a worker thread started from a TypeScript module cannot use the kit's loader.
 */
import { performance } from "node:perf_hooks";
import process from "node:process";
import { workerData } from "node:worker_threads";
import { treeUsage } from "./cpu-time.mjs";

const ints = new Int32Array(workerData.shared, 0, 4);
const deadlines = new Float64Array(workerData.shared, 16, 2);
const tickMs = workerData.tickMs;
const now = () => performance.timeOrigin + performance.now();

const TICK_MS = 50;
const CPU = 1;
const WALL = 2;
const STOPPED = 3;
/** A sandbox process seen stopped for this long is killed (it would only wait for the wall limit). */
const STOPPED_MS = 1000;
let stoppedSince = 0;

/** Which limit the sandbox `pid` has passed: 0 none, or CPU, WALL, STOPPED. */
function passed(pid, wall, cpu) {
  if (now() >= wall) return WALL;
  const usage = treeUsage(pid, tickMs);
  if (usage.cpuMs >= cpu) return CPU;
  if (!usage.stopped) stoppedSince = 0;
  else if (stoppedSince === 0) stoppedSince = now();
  else if (now() - stoppedSince >= STOPPED_MS) return STOPPED;
  return 0;
}

/** Kills the sandbox's outermost process (bwrap, unshare or node: the rest die with it). */
function kill(pid) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

for (;;) {
  Atomics.wait(ints, 0, 0, TICK_MS);
  const wall = deadlines[0];
  const cpu = deadlines[1];
  const pid = Atomics.load(ints, 1);
  if (wall === 0 || pid <= 0) continue;
  const why = passed(pid, wall, cpu);
  if (why !== 0 && deadlines[0] === wall && Atomics.load(ints, 1) === pid) {
    // Recorded before the kill: the checking thread reads why as soon as the pipe closes.
    Atomics.store(ints, 3, why);
    Atomics.store(ints, 2, pid);
    kill(pid);
    deadlines[0] = 0;
  }
}
