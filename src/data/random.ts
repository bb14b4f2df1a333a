/**
 * A seeded pseudo-random number generator: Mulberry32 (Tommy Ettinger, 2017), a 32-bit state
 * advanced by the odd constant 0x6D2B79F5 and mixed by two xorshift-multiply rounds. Fast,
 * small, and the same sequence on every platform (integer arithmetic only). Not for
 * cryptography. Returns a function giving uniform doubles in [0, 1), multiples of 2⁻³².
 */
export function mulberry32(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
