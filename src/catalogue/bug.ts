import type { ContractFunction } from "../contract.js";

/**
 * What a module of the catalogue (properties/catalogue/bugs/*.ts) says about itself, as its
 * exported `bug`. Each module re-exports the reference and overrides exactly one function of
 * the contract with a version that is correct except for one realistic learner's mistake.
 */
export interface CatalogueBug {
  /** The mistake, in one line, as a learner would recognise it. */
  description: string;
  /**
   * The article step the mistake belongs to: 1 sigmoid/logit, 2 cost, 3 gradients, 4 descent,
   * 5 features (age bins, flags, one-hot), 6 standardization, 9 evaluation.
   */
  step: 1 | 2 | 3 | 4 | 5 | 6 | 9;
  /** The one function of the contract the module overrides. */
  overrides: ContractFunction;
}
