/** numpy's PW_BLOCKSIZE: below it, eight interleaved partial sums; above it, halve. */
const BLOCK = 128;
/** numpy's reduction buffer (NPY_BUFSIZE): a long array is summed 8192 elements at a time. */
const NUMPY_BUFFER = 8192;

function pairwise(a: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < start + n; i++) sum += a[i];
    return sum;
  }
  if (n <= BLOCK) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    let i = start + 8;
    const end = start + n - (n % 8);
    for (; i < end; i += 8) {
      r0 += a[i];
      r1 += a[i + 1];
      r2 += a[i + 2];
      r3 += a[i + 3];
      r4 += a[i + 4];
      r5 += a[i + 5];
      r6 += a[i + 6];
      r7 += a[i + 7];
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < start + n; i++) sum += a[i];
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
  for (let start = 0; start < a.length; start += NUMPY_BUFFER) {
    sum += pairwise(a, start, Math.min(NUMPY_BUFFER, a.length - start));
  }
  return sum;
}
