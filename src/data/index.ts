/**
 * The data pipeline, one way: CSV → validated columnar table → the article's features →
 * standardized Matrix (+ label) → the model; with the data audit for the report and the
 * synthetic fixture the kit runs on by default.
 */
export { DataError, LISTED_PROBLEMS, printable } from "./errors.js";
export type { DataErrorKind } from "./errors.js";
export { MAX_LEVELS, loadBankCsv } from "./load.js";
export type { LoadOptions } from "./load.js";
export { selectRows } from "./table.js";
export type { BankTable } from "./table.js";
export type { DataAudit } from "./audit.js";
export { fitFeatures } from "./features.js";
export type { FeatureTransform } from "./features.js";
export type { Derivation } from "./encode.js";
export { stratifiedSplit } from "./split.js";
export { mulberry32 } from "./random.js";
export {
  FIXTURE_PATH,
  FIXTURE_ROWS,
  FIXTURE_SEED,
  FIXTURE_SHA256,
  fixtureCoefficientsFor,
  fixtureCsvChunks,
} from "./fixture.js";
export { FIXTURE_COEFFICIENTS } from "./fixture-model.js";
