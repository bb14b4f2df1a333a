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

const width = 720;
const height = 400;
const margin = { left: 80, right: 24, top: 40, bottom: 56 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
/** The longest line of the optimum note, in characters (about the plot's width at 12 px). */
const noteLineLength = 90;
/** At most this many points are drawn; longer histories are sampled evenly (last point kept). */
const maxPoints = 1000;

/**
 * The loss curve as a self-contained SVG document: cost J against epoch, linear axes with
 * labelled ticks, the optimum as a dashed line (or, when there is none, a note saying why, top
 * right of the plot). Hand-written markup; every text is escaped.
 * Coordinates are rounded to 0.01 px, so the same history always gives the same bytes.
 */
export function renderLossCurveSvg(curve: LossCurve): string {
  const { costHistory, optimum } = curve;
  const epochs = costHistory.length;
  const values = [...costHistory, optimum].filter(isFinite);
  const yTicks = values.length === 0 ? [0, 1] : niceTicks(Math.min(...values), Math.max(...values));
  const xTicks = niceTicks(1, Math.max(epochs, 2)).filter((t) => t >= 1 && Number.isInteger(t));
  const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  const x = (epoch: number) => margin.left + ((epoch - 1) / Math.max(epochs - 1, 1)) * plotWidth;
  const y = (cost: number) => margin.top + ((yMax - cost) / (yMax - yMin)) * plotHeight;
  const stride = Math.max(1, Math.ceil(epochs / maxPoints));
  const sampled = costHistory.flatMap((cost, k) =>
    (k % stride === 0 || k === epochs - 1) && isFinite(cost) ? [{ epoch: k + 1, cost }] : [],
  );
  const points = sampled.map((p) => `${px(x(p.epoch))},${px(y(p.cost))}`).join(" ");
  const bottom = margin.top + plotHeight;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(curve.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="14">${escapeXml(curve.title)}</text>`,
    ...yTicks.map(
      (t) =>
        `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#e5e5e5"/>` +
        `<text x="${margin.left - 8}" y="${px(y(t) + 4)}" text-anchor="end">${tickLabel(t, yTicks)}</text>`,
    ),
    ...xTicks.map(
      (t) =>
        `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${bottom}" y2="${bottom + 5}" stroke="black"/>` +
        `<text x="${px(x(t))}" y="${bottom + 18}" text-anchor="middle">${t}</text>`,
    ),
    `<path d="M${margin.left},${margin.top}V${bottom}H${margin.left + plotWidth}" fill="none" stroke="black"/>`,
    `<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">epoch</text>`,
    `<text transform="translate(18 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">cost J(w, b) (mean binary cross-entropy)</text>`,
    ...(!isFinite(optimum)
      ? noteLines(curve.optimumNote ?? "").map(
          (line, k) =>
            `<text x="${margin.left + plotWidth - 4}" y="${margin.top + 16 + 15 * k}" text-anchor="end" fill="#d62728">${escapeXml(line)}</text>`,
        )
      : [
          `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${px(y(optimum))}" y2="${px(y(optimum))}" stroke="#d62728" stroke-dasharray="6 4"/>`,
          `<text x="${margin.left + plotWidth - 4}" y="${px(y(optimum) - 6)}" text-anchor="end" fill="#d62728">optimum (Newton) ${optimum.toPrecision(6)}</text>`,
        ]),
    `<polyline points="${points}" fill="none" stroke="#1f77b4" stroke-width="2"/>`,
    `</svg>`,
  ];
  return lines.join("\n") + "\n";
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
