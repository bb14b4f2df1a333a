import fc from "fast-check";

/**
 * The grader's replay of a property's inputs (src/grade/runner.ts turns it on, see STORE; under
 * vitest it is off and {@link inputReplay} gives undefined). The grader checks submission after submission
 * with one seed, and fast-check's inputs for a seed depend on the property's arbitrary alone: the
 * arbitraries use nothing of the code under test. Generating them again for each submission took
 * about a third of the grader's own CPU time, so the inputs of a property's last passing run are
 * kept, by test, seed and number of runs, and checked again in the same order.
 *
 * The replay stands for fast-check's run exactly, or not at all. fast-check draws inputs one by
 * one from the seed's stream whatever the checks do, and stops after `numRuns` inputs that were
 * not skipped (`fc.pre`), or once more than `numRuns × maxSkipsPerRun` were skipped. The kept
 * inputs are a prefix of that stream; the replay passes only when `numRuns` of them pass with at
 * most that many skipped. Anything else (a failed check, more skips, the kept inputs running out)
 * hands the property back to fast-check, which draws the stream again, finds the failure and
 * shrinks it: the report is the one fast-check gives without the replay.
 */

/**
 * The inputs of each property's last passing run, by key (see {@link inputReplay}): a Map the
 * grade runner puts on `globalThis` under this symbol, shared by the instances of this module
 * that it loads for each submission. Absent, the replay is off.
 */
const STORE = Symbol.for("logreg-lab.input-replay");

/** The last test that asked, and how many times it has asked: a key for each of its properties. */
let lastTest = "";
let asked = 0;

interface RunSettings {
  numRuns: number;
  seed: number | undefined;
  path: string | undefined;
  maxSkipsPerRun: number;
}

export interface InputReplay<T> {
  /** Whether every input fast-check would run passes `check`: true stands for its run. */
  passes(check: (input: T) => void): boolean;
  /** `predicate`, also keeping each input it is given, for {@link InputReplay.keep}. */
  recording(predicate: (input: T) => boolean): (input: T) => boolean;
  /** Keeps the inputs recorded: call it only when fast-check's run passed. */
  keep(): void;
}

/**
 * The replay of the property that test `test` (its file and name) checks now, with `settings`;
 * undefined when the replay is off, or the run is not a seeded one from the start of the stream.
 */
export function inputReplay<T>(test: string, settings: RunSettings): InputReplay<T> | undefined {
  const kept = (globalThis as { [STORE]?: Map<string, unknown[]> })[STORE];
  if (kept === undefined || settings.seed === undefined || settings.path !== undefined) {
    return undefined;
  }
  asked = lastTest === test ? asked + 1 : 0;
  lastTest = test;
  const { numRuns, seed, maxSkipsPerRun } = settings;
  const key = JSON.stringify([test, asked, seed, numRuns, maxSkipsPerRun]);
  const recorded: T[] = [];
  return {
    passes(check) {
      const inputs = kept.get(key) as T[] | undefined;
      if (inputs === undefined) return false;
      let passed = 0;
      let skipped = 0;
      for (const input of inputs) {
        try {
          check(input);
          if (++passed === numRuns) return true;
        } catch (error) {
          if (!fc.PreconditionFailure.isFailure(error)) return false;
          if (++skipped > numRuns * maxSkipsPerRun) return false;
        }
      }
      return false;
    },
    recording(predicate) {
      return (input) => {
        recorded.push(input);
        return predicate(input);
      };
    },
    keep() {
      kept.set(key, recorded);
    },
  };
}
