import { escapeXml } from "../text/escape.js";

/** Article step 8 — the loss curve, the cost after each epoch: what the picture shows. */
export interface LossCurve {
  /** Title text (escaped here; it may hold a file name). */
  title: string;
  /** The cost after each epoch (epoch k + 1 at index k); non-finite costs (null in JSON) are not drawn. */
  costHistory: readonly (number | null)[];
  /** The exact minimum of the cost, drawn as a dashed reference line (null: not drawn). */
  optimum: number | null;
  /** Why no optimum line is drawn (skipped, not converged), shown in its place; escaped here. */
  optimumNote?: string;
}

/** One curve of a chart of several: its legend label, its costs, where it diverged. */
export interface LossSeries {
  /** The legend's text for this curve (escaped here). */
  label: string;
  /** The cost after each epoch (epoch k + 1 at index k); non-finite costs are not drawn. */
  costHistory: readonly (number | null)[];
  /** The epoch where the run diverged (marked ×, at its last drawable cost), or null. */
  divergedAt?: number | null;
}

/** Several loss curves on one pair of axes, with a legend: the experiments' pictures. */
export interface LossChart {
  title: string;
  series: readonly LossSeries[];
  /** The exact minimum of the cost, drawn as a dashed reference line (null: not drawn). */
  optimum: number | null;
  /** Why no optimum line is drawn (skipped, not converged), shown in its place; escaped here. */
  optimumNote?: string;
  /** A logarithmic cost axis (costs ≤ 0 are then not drawn). */
  logScale?: boolean;
  /** The vertical axis's title (default: the mean binary cross-entropy). */
  yLabel?: string;
  /** The horizontal position of the k-th value of every series, increasing (default: epoch k + 1). */
  xValues?: readonly number[];
  /** The horizontal axis's title (default: epoch). */
  xLabel?: string;
}

const width = 720;
const height = 400;
const margin = { left: 80, right: 24, top: 40, bottom: 56 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
/** The longest line of the optimum note, in characters (about the plot's width at 12 px). */
const noteLineLength = 90;
/** At most this many points are drawn; longer histories are sampled evenly (last point kept). */
const maxPoints = 1000;
/** Curve colours, in series order (the optimum line's red left out). */
const palette = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/**
 * The loss curve as a self-contained SVG document: cost J against epoch, linear axes with
 * labelled ticks, the optimum as a dashed line (or, when there is none, a note saying why, top
 * right of the plot). Hand-written markup; every text is escaped.
 * Coordinates are rounded to 0.01 px, so the same history always gives the same bytes.
 */
export function renderLossCurveSvg(curve: LossCurve): string {
  return renderLossChartSvg({
    title: curve.title,
    series: [{ label: curve.title, costHistory: curve.costHistory }],
    optimum: curve.optimum,
    optimumNote: curve.optimumNote,
  });
}

/**
 * Several loss curves as one SVG document, drawn as {@link renderLossCurveSvg} draws one (a
 * single series gives exactly its bytes): with more than one series, a legend; each diverged
 * series marked × at its divergence epoch; on request a logarithmic cost axis.
 */
export function renderLossChartSvg(chart: LossChart): string {
  const { series, optimum } = chart;
  const log = chart.logScale === true;
  const drawable = (cost: number | null): cost is number => isFinite(cost) && (!log || cost > 0);
  const axis = (cost: number) => (log ? Math.log10(cost) : cost);
  const epochs = Math.max(0, ...series.map((s) => s.costHistory.length));
  const values = [...series.flatMap((s) => s.costHistory), optimum].filter(drawable).map(axis);
  const yTicks = values.length === 0 ? [0, 1] : niceTicks(Math.min(...values), Math.max(...values));
  const xs = chart.xValues;
  const xTicks =
    xs === undefined
      ? niceTicks(1, Math.max(epochs, 2)).filter((t) => t >= 1 && Number.isInteger(t))
      : niceTicks(xs[0], xs[xs.length - 1]).filter((t) => t >= xs[0] && t <= xs[xs.length - 1]);
  const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  const xAt = (at: number) =>
    xs === undefined
      ? margin.left + ((at - 1) / Math.max(epochs - 1, 1)) * plotWidth
      : margin.left + ((at - xs[0]) / Math.max(xs[xs.length - 1] - xs[0], 1)) * plotWidth;
  const x = (epoch: number) => xAt(xs === undefined ? epoch : xs[epoch - 1]);
  const y = (cost: number) => margin.top + ((yMax - axis(cost)) / (yMax - yMin)) * plotHeight;
  const bottom = margin.top + plotHeight;
  const label = (t: number) => (log ? logTickLabel(t) : tickLabel(t, yTicks));
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="14">${escapeXml(chart.title)}</text>`,
    ...yTicks.map((t) => {
      const at = margin.top + ((yMax - t) / (yMax - yMin)) * plotHeight;
      return (
        `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${px(at)}" y2="${px(at)}" stroke="#e5e5e5"/>` +
        `<text x="${margin.left - 8}" y="${px(at + 4)}" text-anchor="end">${label(t)}</text>`
      );
    }),
    ...xTicks.map(
      (t) =>
        `<line x1="${px(xAt(t))}" x2="${px(xAt(t))}" y1="${bottom}" y2="${bottom + 5}" stroke="black"/>` +
        `<text x="${px(xAt(t))}" y="${bottom + 18}" text-anchor="middle">${t}</text>`,
    ),
    `<path d="M${margin.left},${margin.top}V${bottom}H${margin.left + plotWidth}" fill="none" stroke="black"/>`,
    `<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(chart.xLabel ?? "epoch")}</text>`,
    `<text transform="translate(18 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yTitle(chart.yLabel, log))}</text>`,
    ...(!drawable(optimum)
      ? noteLines(chart.optimumNote ?? "").map(
          (line, k) =>
            `<text x="${margin.left + plotWidth - 4}" y="${margin.top + 16 + 15 * k}" text-anchor="end" fill="#d62728">${escapeXml(line)}</text>`,
        )
      : [
          `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${px(y(optimum))}" y2="${px(y(optimum))}" stroke="#d62728" stroke-dasharray="6 4"/>`,
          `<text x="${margin.left + plotWidth - 4}" y="${px(y(optimum) - 6)}" text-anchor="end" fill="#d62728">optimum (Newton) ${optimum.toPrecision(6)}</text>`,
        ]),
    ...series.map((s, i) => polyline(s.costHistory, drawable, x, y, colour(i))),
    ...series.flatMap((s, i) => divergenceMark(s, drawable, x, y, colour(i))),
    ...(series.length > 1 ? legend(series) : []),
    `</svg>`,
  ];
  return lines.join("\n") + "\n";
}

/** The vertical axis's title, saying when the axis is logarithmic. */
function yTitle(label: string | undefined, log: boolean): string {
  if (label !== undefined) return log ? `${label} (log scale)` : label;
  return `cost J(w, b) (mean binary cross-entropy${log ? ", log scale" : ""})`;
}

function colour(index: number): string {
  return palette[index % palette.length];
}

/** One series as a polyline, sampled to at most {@link maxPoints} points (the last one kept). */
function polyline(
  costHistory: readonly (number | null)[],
  drawable: (cost: number | null) => cost is number,
  x: (epoch: number) => number,
  y: (cost: number) => number,
  stroke: string,
): string {
  const epochs = costHistory.length;
  const stride = Math.max(1, Math.ceil(epochs / maxPoints));
  const sampled = costHistory.flatMap((cost, k) =>
    (k % stride === 0 || k === epochs - 1) && drawable(cost) ? [{ epoch: k + 1, cost }] : [],
  );
  const points = sampled.map((p) => `${px(x(p.epoch))},${px(y(p.cost))}`).join(" ");
  return `<polyline points="${points}" fill="none" stroke="${stroke}" stroke-width="2"/>`;
}

/** An × at a diverged series' divergence epoch (at its last drawable cost up to then). */
function divergenceMark(
  series: LossSeries,
  drawable: (cost: number | null) => cost is number,
  x: (epoch: number) => number,
  y: (cost: number) => number,
  stroke: string,
): string[] {
  const epoch = series.divergedAt;
  if (epoch === undefined || epoch === null) return [];
  const k = series.costHistory.slice(0, epoch).findLastIndex(drawable);
  if (k < 0) return [];
  const [cx, cy] = [x(k + 1), y(series.costHistory[k] as number)];
  return [
    `<path d="M${px(cx - 5)},${px(cy - 5)}L${px(cx + 5)},${px(cy + 5)}M${px(cx - 5)},${px(cy + 5)}L${px(cx + 5)},${px(cy - 5)}" stroke="${stroke}" stroke-width="2.5"><title>${escapeXml(`${series.label}: diverged at epoch ${epoch}`)}</title></path>`,
  ];
}

/** The legend, top right inside the plot: a colour sample and the label of each series. */
function legend(series: readonly LossSeries[]): string[] {
  const left = margin.left + plotWidth - 230;
  const top = margin.top + 8;
  return [
    `<rect x="${left}" y="${top}" width="222" height="${series.length * 16 + 8}" fill="white" fill-opacity="0.85" stroke="#cccccc"/>`,
    ...series.map((s, i) => {
      const row = top + 16 + i * 16;
      return (
        `<line x1="${left + 8}" x2="${left + 28}" y1="${row - 4}" y2="${row - 4}" stroke="${colour(i)}" stroke-width="2"/>` +
        `<text x="${left + 34}" y="${row}">${escapeXml(s.label)}</text>`
      );
    }),
  ];
}

/** A tick of a log₁₀ axis as the cost it stands for, to 3 significant digits. */
function logTickLabel(exponent: number): string {
  return String(Number((10 ** exponent).toPrecision(3)));
}

/** `note` broken at spaces into lines of at most {@link noteLineLength} characters (a longer word stays whole). */
function noteLines(note: string): string[] {
  const lines: string[] = [];
  for (const word of note.split(" ").filter((w) => w !== "")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= noteLineLength)
      lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Whether a cost can be drawn (JSON writes a non-finite number as null). */
function isFinite(value: number | null): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Evenly spaced round tick values (steps of 1, 2 or 5 × 10ᵏ) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (hi === lo) lo -= Math.max(Math.abs(lo) * 0.01, 1e-12);
  const raw = (hi - lo) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  let first = Math.floor(lo / step);
  let last = Math.ceil(hi / step);
  if (first * step > lo) first--; // lo / step rounded up (or underflowed to −0)
  if (last * step < hi) last++;
  return Array.from({ length: last - first + 1 }, (_, k) => (first + k) * step);
}

/** A tick label with just enough decimals to tell neighbouring ticks apart. */
function tickLabel(value: number, ticks: readonly number[]): string {
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(Math.min(decimals, 20));
}

function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}
