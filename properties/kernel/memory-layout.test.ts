import { expect, test } from "vitest";
import {
  defaultKernelEnvironment,
  fusedGradientDescent,
  memoryLayout,
} from "../../src/reference/fused-kernel.js";
import { gradientDescent } from "../../src/reference/index.js";

/**
 * The fused kernel's memory layout (memoryLayout in src/reference/fused-kernel.ts), checked as
 * arithmetic — no memory is allocated for the large shapes. What each region must hold:
 *
 * - X as row pairs: ⌈m/2⌉·2n doubles; y, the errors e and the losses: m doubles each; w: n;
 *   g: n + 3 (the kernel's four-column groups may write 3 past n); out: 2 (Σe, ΣL);
 * - g2, the worker's columns n − c of g (c = 2⌊n/4⌋, the main thread's share) plus the same 3,
 *   on cache lines (64 bytes) of its own;
 * - every byte below 2³¹: addresses and loop bounds are i32.
 */
const PAGE = 65536;
const ALIGN = 16;
const LINE = 64;

const workerShare = (n: number) => n - 2 * Math.floor(n / 4);
/** The first byte past g2's n − c + 3 doubles: what the memory must hold. */
const neededEnd = (layout: { g2: number; n: number }) =>
  layout.g2 + (workerShare(layout.n) + 3) * 8;

function expectLayoutHolds(m: number, n: number): void {
  const layout = memoryLayout(m, n);
  if (!layout) throw new Error(`memoryLayout(${m}, ${n}) refused a shape that fits in 2 GiB`);
  const { x, y, w, g, out, e, loss, g2, pages } = layout;
  const regions: [string, number, number][] = [
    ["X", x, Math.ceil(m / 2) * 2 * n],
    ["y", y, m],
    ["w", w, n],
    ["g", g, n + 3],
    ["out", out, 2],
    ["e", e, m],
    ["loss", loss, m],
  ];
  regions.forEach(([name, offset], k) => {
    expect(offset % ALIGN, `${name} at ${offset}: 16-byte aligned (m=${m}, n=${n})`).toBe(0);
    if (k === 0) return;
    const [before, start, doubles] = regions[k - 1];
    expect(
      offset,
      `${name} after ${before}'s ${doubles} doubles (m=${m}, n=${n})`,
    ).toBeGreaterThanOrEqual(start + doubles * 8);
  });
  expect(g2 % LINE, `g2 at ${g2}: on a cache line of its own`).toBe(0);
  expect(g2, "g2 after the losses, on a line they do not touch").toBeGreaterThanOrEqual(
    loss + m * 8,
  );
  expect(
    pages * PAGE,
    `memory (${pages} pages) holds g2's worker columns (m=${m}, n=${n})`,
  ).toBeGreaterThanOrEqual(neededEnd(layout));
  // Not wasteful: beyond the regions' sizes only alignment (< 16 bytes per region, two spare
  // cache lines before g2, X's 4 doubles of slack, g2's c doubles not used) and the last
  // page's rounding.
  const regionBytes = regions.reduce((sum, [, , doubles]) => sum + doubles * 8, 0);
  const allowance = regions.length * ALIGN + 2 * LINE + 4 * 8 + (n + 3) * 8;
  expect(
    pages * PAGE,
    `memory (${pages} pages) at most a page over what the regions need (m=${m}, n=${n})`,
  ).toBeLessThan(regionBytes + allowance + PAGE);
}

test("every region of the kernel's memory is aligned, after the one before it, inside the memory, and the memory is at most a page larger than needed — for shapes from one row to millions", () => {
  for (const m of [1, 2, 3, 5, 64, 1000, 11162, 1e6, 1e7])
    for (const n of [1, 2, 3, 4, 5, 7, 8, 13, 51, 100]) {
      // X and the row vectors in 90% of 2 GiB: far enough from the limit to fit for sure
      if ((m + 1) * (n + 3) * 8 < 0.9 * 2 ** 31) expectLayoutHolds(m, n);
    }
});

/**
 * Shapes whose g2 region straddles a 64 KiB page boundary: the memory must reach past it. Found
 * by scanning m for each n (a few hundred thousand layouts, no allocation).
 */
function straddlingShapes(maxN: number, maxM: number): [number, number][] {
  const shapes: [number, number][] = [];
  for (let n = 1; n <= maxN; n++)
    for (let m = 1; m <= maxM; m++) {
      const layout = memoryLayout(m, n)!;
      const end = neededEnd(layout);
      if (Math.floor(layout.g2 / PAGE) < Math.floor((end - 1) / PAGE)) shapes.push([m, n]);
    }
  return shapes;
}

test("where a page boundary falls inside g2 (the worker's columns), the memory still holds all of g2", () => {
  const shapes = straddlingShapes(16, 20000);
  expect(shapes.length, "shapes found whose g2 straddles a page boundary").toBeGreaterThan(10);
  for (const [m, n] of shapes) expectLayoutHolds(m, n);
});

/**
 * The largest m that memoryLayout accepts, for each n: a binary search (the layout grows with
 * m). Its end must be below 2³¹, and for n = 13 (and every n ≡ 13 mod 32) one more row lands
 * exactly on 2³¹ — the boundary itself, which an i32 cannot hold.
 */
test("memoryLayout accepts exactly the shapes whose memory ends below 2³¹ (the i32 address limit), refusing an end of exactly 2³¹", () => {
  for (let n = 1; n <= 80; n++) {
    let accepted = 1;
    let refused = 2 ** 31;
    while (refused - accepted > 1) {
      const mid = Math.floor((accepted + refused) / 2);
      if (memoryLayout(mid, n)) accepted = mid;
      else refused = mid;
    }
    const layout = memoryLayout(accepted, n)!;
    expect(
      layout.g2 + (n + 3) * 8,
      `end of the largest accepted layout (m=${accepted}, n=${n})`,
    ).toBeLessThan(2 ** 31);
    expect(accepted, `rows accepted with n=${n}`).toBeGreaterThan(2 ** 31 / 8 / (n + 5) - 64);
  }
});

test("the two-thread kernel gives the one-thread bits at a shape whose memory ends just past g2's worker columns", () => {
  // n = 40: each thread's share is 20 columns; a memory that ends fewer than 40 doubles past
  // the worker's share (the layout reserves 20 of them, g2 being sized for n + 3) leaves no
  // room for a worker that computed more columns than its share.
  const n = 40;
  let m = 1;
  for (; m < 5000; m++) {
    const layout = memoryLayout(m, n)!;
    const spare = layout.pages * PAGE - neededEnd(layout);
    if (spare < 40 * 8) break;
  }
  expect(m, "a row count with little memory past g2").toBeLessThan(5000);
  const X = {
    rows: m,
    cols: n,
    data: Float64Array.from({ length: m * n }, (_, k) => ((k * 7919) % 13) / 6 - 1),
  };
  const y = Float64Array.from({ length: m }, (_, i) => ((i * 31) % 3 === 0 ? 1 : 0));
  const w = new Float64Array(n);
  const options = { alpha: 0.3, epochs: 2 };
  const two = fusedGradientDescent(X, y, w, 0, options, {
    ...defaultKernelEnvironment,
    threads: 2,
  });
  expect(two, "the kernel took the run").toBeDefined();
  expect(two).toEqual(gradientDescent(X, y, w, 0, options));
});
