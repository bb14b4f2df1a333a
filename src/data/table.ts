import type { CategoricalColumn, LabelColumn, NumericColumn, YesNoColumn } from "./schema.js";

/** A categorical column: one code per row, indexing `levels` (in order of first appearance). */
export interface CategoricalValues {
  readonly codes: Uint32Array;
  readonly levels: readonly string[];
}

/**
 * The validated bank file, column by column (no per-row or per-cell objects): row i of every
 * column is the same record of the file, found on source line `lines[i]`.
 */
export interface BankTable {
  readonly rows: number;
  /** Numeric columns as read (age, balance, day, duration, campaign, pdays, previous). */
  readonly numeric: Readonly<Record<NumericColumn, Float64Array>>;
  /** yes/no columns as 1/0 (default, housing, loan). */
  readonly yesNo: Readonly<Record<YesNoColumn, Uint8Array>>;
  /** String columns as codes + levels (marital, education, poutcome, job, contact, month). */
  readonly categorical: Readonly<Record<CategoricalColumn, CategoricalValues>>;
  /** The label (`deposit` or `y`) as 1 (yes) / 0 (no). */
  readonly label: Float64Array;
  /** Which column the label came from. */
  readonly labelColumn: LabelColumn;
  /** The 1-based line of the file on which each row starts. */
  readonly lines: Uint32Array;
}

function pick<T extends Float64Array | Uint8Array | Uint32Array>(
  values: T,
  indices: ArrayLike<number>,
): T {
  const out = new (values.constructor as new (length: number) => T)(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(Number.isInteger(i) && i >= 0 && i < values.length)) {
      throw new RangeError(
        `selectRows: index ${i} at position ${k} is not a row (0 … ${values.length - 1})`,
      );
    }
    out[k] = values[i];
  }
  return out;
}

function mapRecord<K extends string, V, W>(
  record: Readonly<Record<K, V>>,
  f: (value: V) => W,
): Record<K, W> {
  const entries = Object.entries(record) as [K, V][];
  return Object.fromEntries(entries.map(([key, value]) => [key, f(value)])) as Record<K, W>;
}

/**
 * The rows of `table` at `indices`, in that order (numpy: `table[indices]`). Category levels are
 * kept as they are, so a level may have no rows in the result; `fitFeatures` takes its levels
 * from the rows, as pandas does. Throws a RangeError for an index that is not a row.
 */
export function selectRows(table: BankTable, indices: ArrayLike<number>): BankTable {
  return {
    rows: indices.length,
    numeric: mapRecord(table.numeric, (column) => pick(column, indices)),
    yesNo: mapRecord(table.yesNo, (column) => pick(column, indices)),
    categorical: mapRecord(table.categorical, ({ codes, levels }) => ({
      codes: pick(codes, indices),
      levels,
    })),
    label: pick(table.label, indices),
    labelColumn: table.labelColumn,
    lines: pick(table.lines, indices),
  };
}
