/**
 * The wall time a step may take, from its CPU budget: WALL_FACTOR times the budget plus
 * WALL_GRACE_MS. Generous, for a CPU-bound submission on a loaded machine (the CPU budget is the
 * real limit, measured from outside: bridge.ts, cpu-time.mjs); it ends a sandbox that sleeps or
 * waits, and bounds how long the grader waits for a step.
 */
export const WALL_FACTOR = 10;
export const WALL_GRACE_MS = 10_000;

export function stepWallLimitMs(cpuLimitMs: number): number {
  return WALL_FACTOR * cpuLimitMs + WALL_GRACE_MS;
}
