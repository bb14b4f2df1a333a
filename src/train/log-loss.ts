/**
 * The log-loss of σ(zᵢ) against yᵢ, from the logits, with no clipping: the reference's step 9
 * (src/reference/9-evaluation.ts), step 2's per-example loss averaged.
 */
export { logLoss } from "../reference/index.js";
