import { ARTICLE_STEP, type ContractFunction, type Matrix } from "../contract.js";
import { isMatrix } from "../matrix.js";
import { pythonName } from "./adapter.js";

/**
 * A failure report of the properties (properties/support/property.ts) as a learner of the
 * Python article reads it: the functions under their Python names (`blames compute_cost
 * (article step 2)`) and the counterexample as Python literals (`w = np.array([1.0, -2.5])`),
 * to paste into a Python shell.
 */

/** Whether the module under test (LOGREG_MODULE) is a Python module. */
export function isPythonModule(modulePath: string | undefined): boolean {
  return modulePath?.endsWith(".py") === true;
}

const CONTRACT_NAMES = Object.keys(ARTICLE_STEP) as ContractFunction[];

/** `text` with every function of the contract named by its Python name, whole words only. */
export function withPythonNames(text: string): string {
  return CONTRACT_NAMES.reduce(
    (out, name) => out.replace(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, "g"), pythonName(name)),
    text,
  );
}

/** Rows (or entries) printed before the rest is elided with a comment. */
const MAX_PRINTED = 12;

/** A float as Python reads it back exactly: `1.0`, `-0.0`, `1e+300`, `np.nan`, `-np.inf`. */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return "np.nan";
  if (!Number.isFinite(value)) return value > 0 ? "np.inf" : "-np.inf";
  if (Object.is(value, -0)) return "-0.0";
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

function list(values: ArrayLike<number>): string {
  const shown = Array.from(values).slice(0, MAX_PRINTED).map(pythonFloat);
  const more = values.length - shown.length;
  return `[${shown.join(", ")}${more > 0 ? `, ...]  # … ${more} more` : "]"}`;
}

function matrix({ rows, cols, data }: Matrix, indent: number): string {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(rows, MAX_PRINTED); i++) {
    lines.push(list(data.subarray(i * cols, (i + 1) * cols)));
  }
  const more = rows > MAX_PRINTED ? `  # … ${rows - MAX_PRINTED} more rows` : "";
  if (rows === 0) return `np.zeros((0, ${cols}))`;
  const pad = " ".repeat(indent + 13); // after "name = np.array(["
  return `np.array([${lines.join(`,\n${pad}`)}])${more}  # ${rows} × ${cols}`;
}

/**
 * One value as a Python literal: arrays of floats as np.array, a Matrix as a 2-D np.array;
 * `indent` is the column its name starts at plus the name's length (where a row continues).
 */
export function pythonLiteral(value: unknown, indent = 0): string {
  if (typeof value === "number") return pythonFloat(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null || value === undefined) return "None";
  if (isMatrix(value)) return matrix(value, indent);
  if (ArrayBuffer.isView(value)) return `np.array(${list(value as unknown as ArrayLike<number>)})`;
  if (Array.isArray(value)) return `[${value.map((item) => pythonLiteral(item)).join(", ")}]`;
  if (typeof value === "object") {
    const items = Object.entries(value).map(
      ([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`,
    );
    return `{${items.join(", ")}}`;
  }
  return String(value);
}

/** A counterexample's fields, one `name = literal` per line (a record), else one literal. */
export function pythonCounterexample(input: unknown, indent = 4): string {
  const pad = " ".repeat(indent);
  if (typeof input !== "object" || input === null || isMatrix(input) || ArrayBuffer.isView(input)) {
    return pad + pythonLiteral(input, indent);
  }
  return Object.entries(input)
    .map(([name, value]) => `${pad}${name} = ${pythonLiteral(value, indent + name.length)}`)
    .join("\n");
}
