/**
 * softplus(t) = log(1 + e^t), the building block of the cost:
 *
 *     −log σ(z) = softplus(−z),    −log(1 − σ(z)) = softplus(z)
 *
 * For t > 0 it uses log(1 + e^t) = t + log(1 + e^(−t)) so that e^t is never formed where it
 * would overflow; Math.log1p keeps log(1 + tiny) accurate.
 */
export function softplus(t: number): number {
  if (t > 0) {
    return t + Math.log1p(Math.exp(-t));
  }
  return Math.log1p(Math.exp(t));
}
