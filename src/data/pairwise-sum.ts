/** numpy's PW_BLOCKSIZE: below it, eight interleaved partial sums; above it, halve. */
const BLOCK = 128;
/** numpy's reduction buffer (NPY_BUFSIZE): a long array is summed 8192 elements at a time. */
const BUFFER = 8192;

function pairwise(a: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < start + n; i++) sum += a[i];
    return sum;
  }
  if (n <= BLOCK) {
    const r = a.slice(start, start + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k] += a[start + i + k];
    }
    let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) sum += a[start + i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwise(a, start, half) + pairwise(a, start + half, n - half);
}

/**
 * Σᵢ aᵢ exactly as numpy's `np.sum` adds a contiguous float64 array: in blocks of 8192, each
 * block by pairwise summation (eight interleaved partial sums for up to 128 elements, halving
 * above), the blocks' sums added in order. The rounding error grows like O(ε log n) instead of
 * the O(ε n) of a plain loop, and the result is bit for bit numpy's (and so sklearn's).
 */
export function pairwiseSum(a: Float64Array): number {
  let sum = 0;
  for (let start = 0; start < a.length; start += BUFFER) {
    sum += pairwise(a, start, Math.min(BUFFER, a.length - start));
  }
  return sum;
}
