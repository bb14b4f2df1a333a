import type { Model } from "../contract.js";
import type { Report } from "./report.js";

/** The unit roundoff of a double, 2⁻⁵³. */
const UNIT_ROUNDOFF = 2 ** -53;

/**
 * How a gradient-descent run failed to descend (report.json: `training.divergence`,
 * `evaluation.divergence`; null when it descended):
 *
 * - `"non-finite"`: a recorded cost, or a final weight or the bias, is NaN or ±Infinity;
 * - `"cost-rose"`: at some epoch k the cost rose beyond rounding, Jₖ − Jₖ₋₁ > τ·|Jₖ₋₁| with
 *   J₀ the cost at the starting point (w = 0, b = 0) and τ = {@link riseTolerance} (m rows).
 *
 * `epoch` is the first epoch where it happened (the last epoch, for a non-finite final weight
 * whose costs stayed finite: weights are seen only at the end), `value` what was found there.
 */
export interface DivergenceRecord {
  kind: "non-finite" | "cost-rose";
  epoch: number;
  /** The first non-finite value as text ("NaN", "Infinity", "-Infinity"), or the risen cost. */
  value: string;
  /** The cost before the rise (kind "cost-rose"), else null. */
  previous: number | null;
  /** A sentence for people, as printed while training. */
  description: string;
  /** Epochs whose cost rose beyond rounding, over the whole run. */
  rises: number;
  /** Whether the last cost is above the starting cost J₀ (or not finite). */
  finalAboveInitial: boolean;
  /** τ: the relative rise counted as rounding. */
  tolerance: number;
}

/**
 * τ = max(1e-9, 4(m + 1)u): a cost is a mean of m terms; its rounding error is at most about
 * (m + 1)u relative (γₘ₊₁), so two costs can differ by rounding alone by twice that. 1e-9 (about
 * 4.5 million units in the last place) also covers a sloppy log(1 − p) near p = 1, and is far
 * below any rise that matters.
 */
export function riseTolerance(rows: number): number {
  return Math.max(1e-9, 4 * (rows + 1) * UNIT_ROUNDOFF);
}

/**
 * Watches a run's costs as they are recorded (`epoch`, 1-based) and reports the first sign of
 * divergence once, through `onFirst`, while training goes on; `finish` adds the final weights and
 * returns the record (or null).
 */
export function divergenceWatch(
  rows: number,
  initialCost: number,
  names: readonly string[],
  onFirst: (description: string) => void,
) {
  const tolerance = riseTolerance(rows);
  let first: Omit<DivergenceRecord, "rises" | "finalAboveInitial" | "tolerance"> | null = null;
  let previous = initialCost;
  let last = initialCost;
  let rises = 0;
  const found = (record: NonNullable<typeof first>) => {
    if (first !== null) return;
    first = record;
    onFirst(record.description);
  };
  return {
    epoch(epoch: number, cost: number) {
      last = cost;
      if (!Number.isFinite(cost)) {
        found({
          kind: "non-finite",
          epoch,
          value: String(cost),
          previous: null,
          description: `training diverged: the cost after epoch ${epoch} is ${String(cost)} (the learning rate is too large, or the implementation overflows)`,
        });
      } else if (Number.isFinite(previous) && cost - previous > tolerance * Math.abs(previous)) {
        rises++;
        found({
          kind: "cost-rose",
          epoch,
          value: String(cost),
          previous,
          description: `training diverged: the cost rose at epoch ${epoch}, from ${previous} to ${cost} (more than rounding, ${tolerance.toExponential(1)} relative; the learning rate is too large?)`,
        });
      }
      previous = cost;
    },
    finish(model: Model, epochs: number): DivergenceRecord | null {
      const parameters = [
        ...names.map((name, j) => [name, model.w[j]] as const),
        ["bias", model.b] as const,
      ];
      const bad = parameters.find(([, value]) => !Number.isFinite(value));
      if (bad !== undefined) {
        const count = parameters.filter(([, value]) => !Number.isFinite(value)).length;
        found({
          kind: "non-finite",
          epoch: epochs,
          value: String(bad[1]),
          previous: null,
          description: `training diverged: after epoch ${epochs}, ${count} of ${parameters.length} parameters are not finite (the first: ${bad[0]} = ${String(bad[1])})`,
        });
      }
      if (first === null) return null;
      return {
        ...first,
        rises,
        finalAboveInitial: !(last <= initialCost),
        tolerance,
      };
    },
  };
}

/**
 * The report's first divergence (the article's run, else the evaluation's), as a sentence; null
 * when both runs descended (or the report predates the record).
 */
export function divergenceOf(report: Pick<Report, "training" | "evaluation">): string | null {
  const { training, evaluation } = report;
  if (training.divergence) return training.divergence.description;
  if (evaluation.divergence) return `evaluation: ${evaluation.divergence.description}`;
  return null;
}
