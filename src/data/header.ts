import { DataError } from "./errors.js";
import type { DataProblem } from "./errors.js";
import { codePoint, INVISIBLE } from "../text/escape.js";
import { nearMatch } from "./near-match.js";
import {
  CATEGORICAL_COLUMNS,
  LABEL_COLUMNS,
  NUMERIC_COLUMNS,
  REQUIRED_COLUMNS,
  YES_NO_COLUMNS,
} from "./schema.js";
import type { LabelColumn } from "./schema.js";

/** Where the bank columns are in a header: indices of each column group, and the extras. */
export interface ColumnPositions {
  labelColumn: LabelColumn;
  label: number;
  numeric: number[];
  yesNo: number[];
  categorical: number[];
  extraColumns: string[];
}

/**
 * Where each bank column is in the header (found on line `line` of `path`), or a DataError
 * naming every duplicate or missing column, with a near match for each missing one. The label is
 * `deposit`, else `y`; a file with both uses `deposit` and lists `y` among the extra columns.
 */
export function locateColumns(path: string, header: string[], line = 1): ColumnPositions {
  const seen = new Set<string>();
  const problems: DataProblem[] = [];
  header.forEach((name, index) => {
    if (seen.has(name)) {
      const first = header.indexOf(name) + 1;
      const expected = `each column name once (also column ${first})`;
      problems.push({ line, column: name, columnNumber: index + 1, expected });
    }
    seen.add(name);
  });
  if (problems.length > 0) {
    throw new DataError("duplicate-columns", path, "the header names a column twice", problems);
  }
  const labelColumn = LABEL_COLUMNS.find((name) => header.includes(name));
  const wanted = [...REQUIRED_COLUMNS, labelColumn ?? "deposit"];
  const missing = wanted.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    const unmatched = header.filter((name) => !(wanted as string[]).includes(name));
    const problems = missing.map((name): DataProblem => {
      const near = nearMatch(name, unmatched);
      const label = name === "deposit" ? ' (the label: "deposit", or "y" in the UCI files)' : "";
      const suggestion = near === undefined ? "" : ` — found ${JSON.stringify(near)}: ${why(near)}`;
      return { line, expected: `a column named "${name}"${label}${suggestion}` };
    });
    const hints = [`Columns found (${header.length}): ${header.join(", ")}`];
    if (header.length === 1) {
      hints.push("Only one column was found: fields must be separated by , or ;.");
    }
    const names = missing.join(", ");
    const headline = `missing ${missing.length === 1 ? "column" : "columns"} ${names}`;
    throw new DataError("missing-columns", path, headline, problems, hints);
  }
  const index = (name: string) => header.indexOf(name);
  return {
    labelColumn: labelColumn as LabelColumn,
    label: index(labelColumn as string),
    numeric: NUMERIC_COLUMNS.map(index),
    yesNo: YES_NO_COLUMNS.map(index),
    categorical: CATEGORICAL_COLUMNS.map(index),
    extraColumns: header.filter((name) => !(wanted as string[]).includes(name)),
  };
}

/** Why a header name nearly matches a wanted one: an invisible character in it, or a typo. */
function why(name: string): string {
  if (name.startsWith("\ufeff")) {
    return "it starts with a second byte-order mark (U+FEFF); save the file with one BOM at most";
  }
  const invisible = INVISIBLE.exec(name);
  if (invisible === null) return "a typo?";
  return `it holds an invisible character (${codePoint(invisible[0])}, at position ${invisible.index + 1})`;
}
