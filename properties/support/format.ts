import fc from "fast-check";
import type { Matrix } from "../../src/contract.js";
import { isMatrix, matrixToRows } from "../../src/matrix.js";

/** How many rows of a matrix (or entries of a vector) a failure message prints before eliding. */
const MAX_PRINTED = 12;

/** A number as JavaScript would read it back exactly: shortest round-trip form, −0 kept. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

function formatList(values: ArrayLike<number>): string {
  const shown = Array.from(values).slice(0, MAX_PRINTED).map(formatNumber);
  const more = values.length - shown.length;
  return `[${shown.join(", ")}${more > 0 ? `, … ${more} more` : ""}]`;
}

/** A matrix as aligned rows of numbers, one row per line, `indent` spaces before each row. */
function formatMatrix(X: Matrix, indent: number): string {
  const rows = matrixToRows(X)
    .slice(0, MAX_PRINTED)
    .map((row) => row.map(formatNumber));
  const widths = Array.from({ length: X.cols }, (_, j) =>
    Math.max(...rows.map((row) => row[j].length)),
  );
  const lines = rows.map((row) => `[${row.map((cell, j) => cell.padStart(widths[j])).join(", ")}]`);
  const more = X.rows - rows.length;
  if (more > 0) lines.push(`… ${more} more rows`);
  const header = `${X.rows} × ${X.cols}`;
  if (lines.length === 0) return `(${header}, empty)`;
  return [`(${header})`, ...lines].join(`\n${" ".repeat(indent)}`);
}

/** One value, readably: a Matrix as rows, typed arrays as lists, numbers exactly. */
function formatValue(value: unknown, indent = 0): string {
  if (typeof value === "number") return formatNumber(value);
  if (isMatrix(value)) return formatMatrix(value, indent);
  if (value instanceof Float64Array) return formatList(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return formatList(value);
  return fc.stringify(value);
}

/**
 * The fields of a counterexample, one `name = value` per line. Records print field by field;
 * anything else prints as one value.
 */
export function formatCounterexample(input: unknown, indent = 4): string {
  const pad = " ".repeat(indent);
  if (typeof input !== "object" || input === null || isMatrix(input) || ArrayBuffer.isView(input)) {
    return pad + formatValue(input, indent);
  }
  return Object.entries(input)
    .map(([name, value]) => `${pad}${name} = ${formatValue(value, indent + name.length + 3)}`)
    .join("\n");
}
