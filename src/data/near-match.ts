/**
 * The optimal-string-alignment distance between a and b: the fewest insertions, deletions,
 * substitutions and swaps of two adjacent characters that turn a into b ("deposti" → "deposit"
 * is 1).
 */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate that `wanted` was most likely meant to be: one equal to it ignoring case and
 * surrounding spaces, else the closest within edit distance 2 (1 for names of up to 4
 * characters), else undefined.
 */
export function nearMatch(wanted: string, candidates: readonly string[]): string | undefined {
  const key = wanted.trim().toLowerCase();
  const sameName = candidates.find((c) => c.trim().toLowerCase() === key);
  if (sameName !== undefined) return sameName;
  const limit = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key, candidate.trim().toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
