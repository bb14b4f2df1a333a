import { expect, test } from "vitest";
import { fusedGradientDescent, memoryLayout } from "../../src/fast/fused-kernel.js";
import { computeGradientsVectorized, gradientDescent } from "../../src/reference/index.js";

/**
 * The fused kernel's memory layout (memoryLayout in src/fast/fused-kernel.ts), checked as
 * arithmetic — no memory is allocated for the large shapes. What each region must hold:
 *
 * - X as row pairs: ⌈m/2⌉·2n doubles; y: m; w: n; g: n + 3 (the kernel's two-column steps and
 *   four-column groups may write 3 past n); out: 2 (Σe, ΣL);
 * - every byte below 2³¹: addresses and loop bounds are i32.
 */
const PAGE = 65536;
const ALIGN = 16;

/** The first byte past out's two doubles: what the memory must hold. */
const neededEnd = (layout: { out: number }) => layout.out + 2 * 8;

function expectLayoutHolds(m: number, n: number): void {
  const layout = memoryLayout(m, n);
  if (!layout) throw new Error(`memoryLayout(${m}, ${n}) refused a shape that fits in 2 GiB`);
  const { x, y, w, g, out, pages } = layout;
  const regions: [string, number, number][] = [
    ["X", x, Math.ceil(m / 2) * 2 * n],
    ["y", y, m],
    ["w", w, n],
    ["g", g, n + 3],
    ["out", out, 2],
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
  expect(
    pages * PAGE,
    `memory (${pages} pages) holds g and out (m=${m}, n=${n})`,
  ).toBeGreaterThanOrEqual(neededEnd(layout));
  // Not wasteful: beyond the regions' sizes only alignment (< 16 bytes per region), X's 4
  // doubles of slack, and the last page's rounding.
  const regionBytes = regions.reduce((sum, [, , doubles]) => sum + doubles * 8, 0);
  const allowance = regions.length * ALIGN + 4 * 8;
  expect(
    pages * PAGE,
    `memory (${pages} pages) at most a page over what the regions need (m=${m}, n=${n})`,
  ).toBeLessThan(regionBytes + allowance + PAGE);
}

test("every region of the kernel's memory is aligned, after the one before it, inside the memory, and the memory is at most a page larger than needed — for shapes from one row to millions", () => {
  for (const m of [1, 2, 3, 5, 64, 1000, 11162, 1e6, 1e7])
    for (const n of [1, 2, 3, 4, 5, 7, 8, 13, 51, 100]) {
      // X and y in 90% of 2 GiB: far enough from the limit to fit for sure
      if ((m + 1) * (n + 1) * 8 < 0.9 * 2 ** 31) expectLayoutHolds(m, n);
    }
});

/**
 * Shapes whose last regions (g's n + 3 doubles and out) straddle a 64 KiB page boundary: the
 * memory must reach past it. Found by scanning m for each n (a few hundred thousand layouts, no
 * allocation).
 */
function straddlingShapes(maxN: number, maxM: number): [number, number][] {
  const shapes: [number, number][] = [];
  for (let n = 1; n <= maxN; n++)
    for (let m = 1; m <= maxM; m++) {
      const layout = memoryLayout(m, n)!;
      const end = neededEnd(layout);
      if (Math.floor(layout.g / PAGE) < Math.floor((end - 1) / PAGE)) shapes.push([m, n]);
    }
  return shapes;
}

test("where a page boundary falls inside g or out, the memory still holds both", () => {
  const shapes = straddlingShapes(16, 20000);
  expect(shapes.length, "shapes found whose g and out straddle a page boundary").toBeGreaterThan(
    10,
  );
  for (const [m, n] of shapes) expectLayoutHolds(m, n);
});

/**
 * The largest m that memoryLayout accepts, for each n: a binary search (the layout grows with
 * m). Its end must be below 2³¹, and about 2³¹ / 8 / (n + 1) rows (X and y) must fit.
 */
test("memoryLayout accepts exactly the shapes whose memory ends below 2³¹ (the i32 address limit)", () => {
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
      neededEnd(layout),
      `end of the largest accepted layout (m=${accepted}, n=${n})`,
    ).toBeLessThan(2 ** 31);
    const next = memoryLayout(refused, n);
    expect(next, `m=${refused}, n=${n} refused`).toBeUndefined();
    expect(accepted, `rows accepted with n=${n}`).toBeGreaterThan(2 ** 31 / 8 / (n + 1) - 64);
  }
});

test("at a shape whose memory ends where out does (no byte to spare), the kernel runs and gives the readable bits", () => {
  // n = 41 (odd: the last two-column step writes g's scratch entry n) at the row count with the
  // least memory past out (none, at m = 777): a kernel that wrote past out would trap there.
  const n = 41;
  let best = { m: 1, spare: Infinity };
  for (let m = 1; m < 5000; m++) {
    const layout = memoryLayout(m, n)!;
    const spare = layout.pages * PAGE - neededEnd(layout);
    if (spare < best.spare) best = { m, spare };
  }
  expect(best.spare, "a row count with little memory past out").toBeLessThan(16);
  const m = best.m;
  const X = {
    rows: m,
    cols: n,
    data: Float64Array.from({ length: m * n }, (_, k) => ((k * 7919) % 13) / 6 - 1),
  };
  const y = Float64Array.from({ length: m }, (_, i) => ((i * 31) % 3 === 0 ? 1 : 0));
  const w = new Float64Array(n);
  const options = { alpha: 0.3, epochs: 2 };
  const kernel = fusedGradientDescent(X, y, w, 0, options);
  expect(kernel, "the kernel took the run").toBeDefined();
  expect(kernel).toEqual(
    gradientDescent(X, y, w, 0, { ...options, gradientFunction: computeGradientsVectorized }),
  );
});
