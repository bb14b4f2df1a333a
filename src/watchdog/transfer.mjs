/**
 * How arguments cross between the caller's thread and the watchdog's worker, both ways (plain
 * JavaScript, shared by watchdog.ts and worker.mjs): functions become tokens, typed-array views
 * of a larger buffer are sent as copies of their own bytes, and after a call every argument the
 * callee changed is copied back into the caller's own objects, so that in-place mutation stays
 * visible to the properties, and a returned argument is the caller's own object again.
 */

/** The token that stands for a function argument: its index in `functions`. */
const FUNCTION = "__watchdogFunction";

/**
 * `value` ready for postMessage: every function replaced by a token (pushed onto `functions`),
 * every typed array that views part of a larger buffer replaced by a copy of that part.
 */
export function encode(value, functions, seen = new Map()) {
  if (typeof value === "function") {
    functions.push(value);
    return { [FUNCTION]: functions.length - 1 };
  }
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return seen.get(value);
  if (ArrayBuffer.isView(value)) {
    const copy = value.byteLength === value.buffer.byteLength ? value : value.slice();
    seen.set(value, copy);
    return copy;
  }
  if (Array.isArray(value)) {
    const out = [];
    seen.set(value, out);
    for (const item of value) out.push(encode(item, functions, seen));
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out = {};
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) out[key] = encode(item, functions, seen);
  return out;
}

/** `value` as received, with every function token replaced by `resolve(index)`. */
export function decode(value, resolve) {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = decode(value[i], resolve);
    return value;
  }
  if (typeof value[FUNCTION] === "number" && Object.keys(value).length === 1) {
    return resolve(value[FUNCTION]);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  for (const key of Object.keys(value)) value[key] = decode(value[key], resolve);
  return value;
}

/**
 * Copies what the callee left in `after` (its copy of an argument, as received back) into the
 * caller's `original`, element by element, and records in `mapping` which received object stands
 * for which original. Typed arrays and arrays keep their identity (arrays take the callee's
 * length); plain objects get the callee's values for their own keys.
 */
export function copyBack(original, after, mapping = new Map()) {
  if (original === null || typeof original !== "object") return mapping;
  if (after === null || typeof after !== "object" || mapping.has(after)) return mapping;
  mapping.set(after, original);
  if (ArrayBuffer.isView(original) && ArrayBuffer.isView(after)) {
    if (after.length === original.length) original.set(after);
    return mapping;
  }
  if (Array.isArray(original) && Array.isArray(after)) {
    for (let i = 0; i < after.length; i += 1) {
      if (!copyInto(original, i, after[i], mapping)) original[i] = after[i];
    }
    if (original.length !== after.length) original.length = after.length;
    return mapping;
  }
  if (Object.getPrototypeOf(original) !== Object.prototype) return mapping;
  for (const key of Object.keys(after)) {
    if (!copyInto(original, key, after[key], mapping)) original[key] = after[key];
  }
  return mapping;
}

/** Copies `after` into original[key] when both are objects; false when it must be assigned. */
function copyInto(original, key, after, mapping) {
  const current = original[key];
  if (typeof current === "function") return true;
  if (current === null || typeof current !== "object") return false;
  if (after === null || typeof after !== "object") return false;
  if (current === after) return true;
  copyBack(current, after, mapping);
  return mapping.get(after) === current;
}

/** `value` with every object that stands for an argument replaced by the caller's original. */
export function restore(value, mapping, seen = new Set()) {
  if (value === null || typeof value !== "object") return value;
  if (mapping.has(value)) return mapping.get(value);
  if (seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Object.keys(value)) value[key] = restore(value[key], mapping, seen);
  }
  return value;
}
