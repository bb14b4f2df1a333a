/** The median of a non-empty list of timings (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall-clock and CPU seconds (this process, all threads) of one call of `run`, and its value. */
export function timed<T>(run: () => T): { seconds: number; cpuSeconds: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (user + system) / 1e6, value };
}
