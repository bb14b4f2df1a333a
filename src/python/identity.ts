import { writeBack } from "../grade/write-back.js";
import { isMatrix } from "../matrix.js";
import type { Origin, PythonResult } from "./process.js";

/**
 * Identity across the pipe, as a local call would keep it: what a Python function changed in an
 * argument is copied into the caller's object, an array it returns is the caller's own argument
 * when Python returned that argument, the array it returned before when Python returned the very
 * same object again (refilled with its new contents), and a new array otherwise.
 */

/** The arrays among a call's arguments (positional, then keywords), in bridge.py's order. */
export function argumentArrays(args: unknown[], keywords: Record<string, unknown>): unknown[] {
  return [...args, ...Object.values(keywords)].filter(
    (value) => ArrayBuffer.isView(value) || Array.isArray(value) || isMatrix(value),
  );
}

/** The arrays Python returned before, by Python id, while this side still holds them. */
const returned = new Map<number, WeakRef<Float64Array | Float32Array>>();

type Numeric = Float64Array | Float32Array;

function identified(array: Numeric, origin: Origin, arrays: unknown[]): Numeric {
  const [kind, key] = origin;
  if (kind === "argument") {
    const argument = arrays[key];
    return ArrayBuffer.isView(argument) ? (argument as Numeric) : array;
  }
  const before = kind === "seen" ? returned.get(key)?.deref() : undefined;
  if (before && before.length === array.length && before.constructor === array.constructor) {
    before.set(array);
    return before;
  }
  returned.set(key, new WeakRef(array));
  return array;
}

/**
 * The call's result with identity restored (see the module comment), after copying the changed
 * arguments into the caller's: `args` and `keywords` are what the call was given.
 */
export function restoreIdentity(
  result: PythonResult,
  args: unknown[],
  keywords: Record<string, unknown>,
): unknown {
  for (const [key, contents] of result.changed) {
    writeBack(typeof key === "number" ? args[key] : keywords[key], contents);
  }
  const arrays = argumentArrays(args, keywords);
  let next = 0;
  const walk = (value: unknown): unknown => {
    if (value instanceof Float64Array || value instanceof Float32Array) {
      const origin = result.origins[next++];
      return origin ? identified(value, origin, arrays) : value;
    }
    if (ArrayBuffer.isView(value)) {
      next++;
      return value;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) {
      const out = value as Record<string, unknown>;
      for (const key of Object.keys(out)) out[key] = walk(out[key]);
      return out;
    }
    return value;
  };
  return walk(result.value);
}
