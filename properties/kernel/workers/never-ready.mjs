/** A worker script for properties/kernel/worker-failures.test.ts: runs, but never sets READY. */
setTimeout(() => {}, 5000);
