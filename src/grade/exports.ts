import { ARTICLE_STEP, type ContractFunction } from "../contract.js";

/**
 * Where a submission's functions are found, whatever form its module takes: named ES exports,
 * a CommonJS `module.exports = {…}` or an `export default {…}` holding them. Each function of the
 * contract it lacks becomes a function that throws "does not export X (article step N); did you
 * mean Y?", so that a missing or misspelt export fails exactly the properties that call it.
 *
 * Used twice: by properties/support/step-functions.ts on the module under test (`npm test`,
 * LOGREG_IMPL), and inside the grader's bundle of each submission ({@link exportsEntry}, run in
 * its sandbox), so the two say the same thing. Plain logic: no Node API, so it runs in the sandbox.
 */

type AnyFunction = (...args: never[]) => unknown;

/** Every function name of the contract, in the article's order. */
export const CONTRACT_FUNCTIONS = Object.keys(ARTICLE_STEP) as ContractFunction[];

/** The start of every message about a missing export. */
const MISSING_EXPORT = "does not export ";

function isHolder(value: unknown): value is Record<string, unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null;
}

function ownFunctionNames(holder: Record<string, unknown>): string[] {
  return Object.keys(holder).filter((name) => typeof holder[name] === "function");
}

/** What a value is, in a few words: "a function", "an object with keys a, b", "a number". */
function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  if (isHolder(value)) {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 8).join(", ") + (keys.length > 8 ? ", …" : "");
    return keys.length === 0 ? "an empty object" : `an object with keys ${shown}`;
  }
  return value === null ? "null" : `a ${typeof value}`;
}

/** The edit distance (insertions, deletions, substitutions) between two names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The offered name closest to `name` (case ignored), if it is close enough to be a misspelling:
 * at most 3 edits, and fewer than a third of the name's length.
 */
export function closestName(name: string, offered: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of offered) {
    if (candidate === name) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  const limit = Math.min(3, Math.ceil(name.length / 3) - 1);
  return best && best.distance <= limit ? best.name : undefined;
}

/** The functions a module offers: its named exports, then its default export's (CommonJS's). */
interface ContractView {
  /** The contract's functions found, each bound to the object that holds it. */
  found: Partial<Record<ContractFunction, AnyFunction>>;
  /** Every function name offered (named exports and the default export's keys). */
  offered: string[];
  /** What the module exports, described for a note: "default (an object with keys …), x (a number)". */
  exports: string;
}

/** Reads the contract's functions from a module namespace (see the module's comment). */
function contractView(module: Record<string, unknown>): ContractView {
  const fallback = isHolder(module.default) ? module.default : undefined;
  const found: ContractView["found"] = {};
  for (const name of CONTRACT_FUNCTIONS) {
    const own = module[name];
    const held = fallback?.[name];
    if (typeof held === "function" && (own === undefined || own === held)) {
      found[name] = (held as AnyFunction).bind(fallback);
    } else if (typeof own === "function") {
      found[name] = own as AnyFunction;
    }
  }
  const offered = [
    ...new Set([...ownFunctionNames(module), ...(fallback ? ownFunctionNames(fallback) : [])]),
  ];
  const names = Object.keys(module);
  const exports =
    names.length === 0
      ? "nothing"
      : names
          .slice(0, 8)
          .map((name) => `${name} (${describe(module[name])})`)
          .join(", ") + (names.length > 8 ? ", …" : "");
  return { found, offered, exports };
}

/** "does not export gradientDescent (article step 4); did you mean gradientDecent?" */
function missingExportMessage(name: ContractFunction, view: ContractView): string {
  const head = `${MISSING_EXPORT}${name} (article step ${ARTICLE_STEP[name]})`;
  const near = closestName(name, view.offered);
  if (near !== undefined) return `${head}; did you mean ${near}?`;
  if (Object.keys(view.found).length === 0) return `${head}; it exports ${view.exports}`;
  return head;
}

/**
 * Every function of the contract: the module's own, or one that throws the missing-export
 * message when called (and only then).
 */
export function contractFunctions(
  module: Record<string, unknown>,
): Record<ContractFunction, AnyFunction> {
  const view = contractView(module);
  const all = {} as Record<ContractFunction, AnyFunction>;
  for (const name of CONTRACT_FUNCTIONS) {
    const message = missingExportMessage(name, view);
    all[name] =
      view.found[name] ??
      (() => {
        throw new Error(message);
      });
  }
  return all;
}

/**
 * The source of the grader's bundle entry for a submission whose entry file is `entry`: it
 * imports the submission, whatever its form, and exports the contract's functions by name
 * ({@link contractFunctions}), so the sandbox offers the same names for every submission, and
 * the notes on what is missing ({@link exportNotes}).
 */
export function exportsEntry(entry: string): string {
  const lines = [
    `import * as submitted from ${JSON.stringify(entry)};`,
    `import { contractFunctions, exportNotes } from ${JSON.stringify(import.meta.filename)};`,
    `const functions = contractFunctions(submitted);`,
    ...CONTRACT_FUNCTIONS.map((name) => `export const ${name} = functions.${name};`),
    `export const ${NOTES_EXPORT} = () => exportNotes(submitted);`,
  ];
  return `${lines.join("\n")}\n`;
}

/** The name under which the grader's bundle offers {@link exportNotes} to the grader. */
export const NOTES_EXPORT = "__logregExportNotes";

/**
 * One line per misspelt function ("does not export computeGradientsVectorized (article step 3);
 * did you mean computeGradientVectorized?") and one for every other missing function together,
 * with what the module exports instead when it has none of them. Empty when nothing is missing.
 */
export function exportNotes(module: Record<string, unknown>): string[] {
  const view = contractView(module);
  const missing = CONTRACT_FUNCTIONS.filter((name) => view.found[name] === undefined);
  const misspelt = missing.filter((name) => closestName(name, view.offered) !== undefined);
  const others = missing.filter((name) => !misspelt.includes(name));
  const notes = misspelt.map((name) => missingExportMessage(name, view));
  if (others.length > 0) {
    const list = others.map((name) => `${name} (article step ${ARTICLE_STEP[name]})`).join(", ");
    const instead = misspelt.length + Object.keys(view.found).length === 0;
    notes.push(`${MISSING_EXPORT}${list}${instead ? `; it exports ${view.exports}` : ""}`);
  }
  return notes;
}

/**
 * The notes of {@link exportNotes}, asked of the submission's sandbox through `call` (the
 * grader's bundle exports them as {@link NOTES_EXPORT}): strings only, at most 20 of 1000
 * characters; none if the sandbox does not answer.
 */
export function readExportNotes(call: (name: string) => unknown): string[] {
  try {
    const notes = call(NOTES_EXPORT);
    if (!Array.isArray(notes)) return [];
    return notes
      .filter((note): note is string => typeof note === "string")
      .slice(0, 20)
      .map((note) => note.slice(0, 1000));
  } catch {
    return [];
  }
}
