import { PANDAS_NA_VALUES, parseNumber, parseYesNo } from "./cells.js";
import { DataError, quoteValue } from "./errors.js";
import type { DataProblem } from "./errors.js";
import { GrowingColumn } from "./growing.js";
import type { ColumnPositions } from "./header.js";
import type { LoadLimits } from "./load-options.js";
import type { ProblemLog } from "./problem-log.js";
import { CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, YES_NO_COLUMNS } from "./schema.js";
import type { BankTable } from "./table.js";

/** Levels named in the message that refuses a column of too many. */
const LEVELS_NAMED = 10;

/**
 * The rows of a bank file as they are read: each record validated, its values appended to typed
 * columns (no object per row or cell), its problems logged. `table()` gives the columnar result.
 */
export class RowCollector {
  /** Records read with the header's field count (valid or not). */
  rowsRead = 0;
  private readonly numeric: GrowingColumn<Float64Array>[];
  private readonly yesNo: GrowingColumn<Uint8Array>[];
  private readonly codes: GrowingColumn<Uint32Array>[];
  private readonly levels = CATEGORICAL_COLUMNS.map(() => new Map<string, number>());
  private readonly label: GrowingColumn<Float64Array>;
  private readonly lines: GrowingColumn<Uint32Array>;
  private readonly numbers = new Float64Array(NUMERIC_COLUMNS.length);
  private readonly flags = new Int8Array(YES_NO_COLUMNS.length);
  private readonly rowProblems: DataProblem[] = [];

  constructor(
    private readonly path: string,
    private readonly header: readonly string[],
    private readonly at: ColumnPositions,
    private readonly limits: LoadLimits,
    private readonly log: ProblemLog,
    capacity: number,
  ) {
    const floats = () => new GrowingColumn((n) => new Float64Array(n), capacity);
    this.numeric = NUMERIC_COLUMNS.map(floats);
    this.yesNo = YES_NO_COLUMNS.map(() => new GrowingColumn((n) => new Uint8Array(n), capacity));
    this.codes = CATEGORICAL_COLUMNS.map(
      () => new GrowingColumn((n) => new Uint32Array(n), capacity),
    );
    this.label = floats();
    this.lines = new GrowingColumn((n) => new Uint32Array(n), capacity);
  }

  /** Validates one data record; appends its values to the columns, or logs its problems. */
  row(record: string[], line: number): void {
    this.rowsRead++;
    this.rowProblems.length = 0;
    const { at, numbers, flags } = this;
    for (let k = 0; k < at.numeric.length; k++) {
      numbers[k] = parseNumber(record[at.numeric[k]]);
      if (Number.isNaN(numbers[k])) this.invalid(record, line, at.numeric[k], "a number");
    }
    for (let k = 0; k < at.yesNo.length; k++) {
      flags[k] = parseYesNo(record[at.yesNo[k]]);
      if (flags[k] < 0) this.invalid(record, line, at.yesNo[k], '"yes" or "no"');
    }
    for (const index of at.categorical) {
      if (PANDAS_NA_VALUES.has(record[index])) {
        this.invalid(record, line, index, "a category (pandas reads this value as missing)");
      }
    }
    const label = parseYesNo(record[at.label]);
    if (label < 0) this.invalid(record, line, at.label, '"yes" or "no"');
    if (this.rowProblems.length > 0) return this.log.row(line, [...this.rowProblems]);
    for (let k = 0; k < numbers.length; k++) this.numeric[k].push(numbers[k]);
    for (let k = 0; k < flags.length; k++) this.yesNo[k].push(flags[k]);
    for (let k = 0; k < at.categorical.length; k++) {
      this.codes[k].push(this.code(k, record[at.categorical[k]], line));
    }
    this.label.push(label);
    this.lines.push(line);
  }

  /** The columns read so far, as a table. */
  table(labelColumn: BankTable["labelColumn"]): BankTable {
    const byName = <T>(names: readonly string[], columns: { values(): T }[]) =>
      Object.fromEntries(names.map((name, k) => [name, columns[k].values()]));
    return {
      rows: this.label.length,
      numeric: byName(NUMERIC_COLUMNS, this.numeric) as BankTable["numeric"],
      yesNo: byName(YES_NO_COLUMNS, this.yesNo) as BankTable["yesNo"],
      categorical: byName(
        CATEGORICAL_COLUMNS,
        this.codes.map((codes, k) => ({
          values: () => ({ codes: codes.values(), levels: [...this.levels[k].keys()] }),
        })),
      ) as unknown as BankTable["categorical"],
      label: this.label.values(),
      labelColumn,
      lines: this.lines.values(),
    };
  }

  private invalid(record: string[], line: number, index: number, expected: string) {
    const column = this.header[index];
    this.rowProblems.push({
      line,
      column,
      columnNumber: index + 1,
      value: record[index],
      expected,
    });
  }

  /** The code of `value` in string column k; refuses the file past `maxLevels` levels. */
  private code(k: number, value: string, line: number): number {
    const levels = this.levels[k];
    const code = levels.get(value);
    if (code !== undefined) return code;
    if (levels.size === this.limits.maxLevels) this.tooManyLevels(k, value, line);
    levels.set(value, levels.size);
    return levels.size - 1;
  }

  private tooManyLevels(k: number, value: string, line: number): never {
    const column = CATEGORICAL_COLUMNS[k];
    const max = this.limits.maxLevels;
    const first = [...this.levels[k].keys()].slice(0, LEVELS_NAMED).map(quoteValue);
    throw new DataError(
      "too-many-levels",
      this.path,
      `column ${column} has at least ${max + 1} levels (level ${max + 1}, ${quoteValue(value)}, is on line ${line}); at most ${max} are allowed, as each level after the first becomes one feature (the article's bank.csv has at most 12, in job)`,
      [],
      [`First levels of ${column}: ${first.join(", ")}, …`],
    );
  }
}
