import { loss, mean } from "../reference/index.js";

/**
 * The log-loss of predicted probabilities σ(zᵢ) against labels yᵢ, computed from the logits:
 *
 *     logLoss = (1/m) Σᵢ L(zᵢ, yᵢ),   L(z, y) = −[y log σ(z) + (1 − y) log(1 − σ(z))]
 *
 * with the reference's per-example loss, exact for every finite z (no clipping).
 */
export function logLoss(y: Float64Array, z: Float64Array): number {
  return mean(z.map((zi, i) => loss(zi, y[i])));
}
