import { Worker } from "node:worker_threads";
import { expect, test } from "vitest";
import { waitFor } from "../../src/reference/kernel-threads.js";

/**
 * waitFor (src/reference/kernel-threads.ts), the two-thread kernel's wait: it spins for a while,
 * then sleeps in Atomics.wait. In the kernel's tests the other thread always answers within the
 * spin, so here a helper thread raises the flag only after 50 ms, long after the spin (200,000
 * checks, well under 50 ms) has given way to the sleep.
 */
test("waitFor returns once another thread raises the flag to the value, also after the spin has given way to Atomics.wait", () => {
  const flags = new Int32Array(new SharedArrayBuffer(16));
  const helper = new Worker(
    `const { workerData } = require("node:worker_threads");
     const flags = new Int32Array(workerData);
     setTimeout(() => { Atomics.store(flags, 2, 1); Atomics.notify(flags, 2); }, 50);`,
    { eval: true, workerData: flags.buffer },
  );
  try {
    const started = performance.now();
    waitFor(flags, 2, 1);
    expect(Atomics.load(flags, 2), "the flag when waitFor returned").toBe(1);
    expect(performance.now() - started, "ms waited").toBeGreaterThanOrEqual(40);
  } finally {
    void helper.terminate();
  }
});

test("waitFor returns at once when the flag is already at or past the value", () => {
  const flags = Int32Array.from({ length: 4 }, (_, k) => k);
  const shared = new Int32Array(new SharedArrayBuffer(16));
  shared.set(flags);
  waitFor(shared, 3, 2);
  waitFor(shared, 2, 2);
  expect(Array.from(shared)).toEqual([0, 1, 2, 3]);
});
