/**
 * A worker script for properties/kernel/worker-failures.test.ts: runs, but never sets READY
 * (it ends at once; the starting thread's wait can only time out).
 */
export {};
