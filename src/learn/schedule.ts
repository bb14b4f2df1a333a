/**
 * The order in which `npm run learn` runs the steps after a save, so that the step the learner
 * is working on answers first. A step is stale when it has not passed for the files it depends
 * on as they are now (see fingerprint.ts); steps that passed and are not stale are not run.
 */
export interface RunPlan {
  /** The step run first: the one reported last time, else the first stale step. */
  current: number;
  /** Stale steps before it, run after it in order: the first that fails becomes the report. */
  earlier: number[];
  /** Stale steps after it, run in order only when it passes, up to the first that fails. */
  later: number[];
}

/**
 * The plan of one run over `steps` (in order), or undefined when no step is stale (every step
 * passed for the files as they are). `previous` is the step the last run reported unfinished.
 */
export function planRun(
  steps: readonly number[],
  stale: ReadonlySet<number>,
  previous: number | undefined,
): RunPlan | undefined {
  const pending = steps.filter((step) => stale.has(step));
  const current = previous !== undefined && stale.has(previous) ? previous : pending[0];
  if (current === undefined) return undefined;
  return {
    current,
    earlier: pending.filter((step) => step < current),
    later: pending.filter((step) => step > current),
  };
}
