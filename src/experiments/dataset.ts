import type { Matrix } from "../contract.js";
import { fitFeatures, loadBankCsv } from "../data/index.js";
import type { BankTable, FeatureTransform } from "../data/index.js";
import * as fast from "../fast/index.js";

/** The article's data, as the train script prepares it: what every experiment starts from. */
export interface Dataset {
  /** The file as given, its SHA-256 and its row count (report.json's `data`). */
  file: string;
  sha256: string;
  table: BankTable;
  /** The article's features fitted on all rows (steps 5 and 6, as `npm run train` fits them). */
  transform: FeatureTransform;
  /** The standardized features of every row: exactly the matrix `npm run train` trains on. */
  X: Matrix;
  y: Float64Array;
}

/**
 * Loads and validates `file` (a bad file throws the pipeline's DataError, which names the
 * file, line, column and value) and builds the article's standardized features with the fast
 * implementation's steps 5 and 6, as `npm run train` does by default.
 */
export async function loadDataset(file: string): Promise<Dataset> {
  const { table, audit } = await loadBankCsv(file, { dropInvalidRows: false });
  const transform = fitFeatures(table, fast);
  const { X, y } = transform.transform(table);
  return { file, sha256: audit.sha256, table, transform, X, y };
}
