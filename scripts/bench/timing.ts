/** The median of a non-empty list of timings (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Seconds taken by one call of `run` (wall clock), and what it returned. */
export function timed<T>(run: () => T): { seconds: number; value: T } {
  const start = performance.now();
  const value = run();
  return { seconds: (performance.now() - start) / 1000, value };
}
