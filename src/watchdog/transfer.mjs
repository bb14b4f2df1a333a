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

/**
 * Arguments keep their identity across calls, as they do in one thread: a learner's cache keyed
 * by the arrays themselves (a Map from w to its result) must meet the same w again, changed in
 * place, or the properties that catch such a cache could not see it. Only typed arrays and
 * matrices ({ rows, cols, data }) are kept: the arguments such a cache is keyed by.
 */
const KEPT = 256;

/** The next id the caller gives an argument (ids are never reused in a process). */
let nextId = 0;

/** True for what keeps its identity: a typed array, or a matrix whose data is one. */
function keepable(value) {
  if (ArrayBuffer.isView(value)) return true;
  return (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype &&
    ArrayBuffer.isView(value.data) &&
    Object.keys(value).every((key) => key === "data" || typeof value[key] === "number")
  );
}

/** The caller's side: an id for each argument that keeps its identity (null for the others). */
export function identities(args, ids) {
  return args.map((arg) => {
    if (!keepable(arg)) return null;
    if (!ids.has(arg)) ids.set(arg, nextId++);
    return ids.get(arg);
  });
}

/** `kept` refilled with `fresh`'s contents when their shapes agree; false when they do not. */
function refill(kept, fresh) {
  if (ArrayBuffer.isView(kept) || ArrayBuffer.isView(fresh)) {
    if (!ArrayBuffer.isView(kept) || !ArrayBuffer.isView(fresh)) return false;
    if (kept.constructor !== fresh.constructor || kept.length !== fresh.length) return false;
    kept.set(fresh);
    return true;
  }
  const keys = Object.keys(fresh);
  if (keys.length !== Object.keys(kept).length || !keys.every((key) => key in kept)) return false;
  if (!refill(kept.data, fresh.data)) return false;
  for (const key of keys) if (key !== "data") kept[key] = fresh[key];
  return true;
}

/** Keeps `value` under `id` in `kept`, most recent last; the oldest goes past KEPT entries. */
function keep(kept, id, value) {
  kept.delete(id);
  kept.set(id, value);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value);
}

/**
 * The worker's side: each argument with an id becomes the object that stood for that id before,
 * refilled with what the caller sends now (or is kept under it, the first time). `known` (object
 * → id) learns each argument's id, so that a returned argument is named by it.
 */
export function adopt(args, ids, kept, known) {
  ids?.forEach((id, i) => {
    if (id === null || id === undefined) return;
    const before = kept.get(id);
    if (before !== undefined && refill(before, args[i])) args[i] = before;
    keep(kept, id, args[i]);
    known?.set(args[i], id);
  });
  return args;
}

/**
 * Every typed array in `value`, depth first by own keys, each once: the order in which the worker
 * names a result's arrays and the caller finds them again (structured cloning keeps the keys,
 * their order and shared references).
 */
function typedArrays(value, out = [], seen = new Set()) {
  if (value === null || typeof value !== "object" || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) out.push(value);
  else for (const key of Object.keys(value)) typedArrays(value[key], out, seen);
  return out;
}

/** The next id the worker gives a returned array (negative: the caller's ids are not). */
let nextResultId = -1;

/**
 * Results keep their identity across calls too, as in one thread (a learner's function that
 * returns one buffer at every call, or returns an argument): the worker's side names each typed
 * array of a result (`known`: its id as an argument or an earlier result, else a new one) and
 * keeps it under that id, so that it is the learner's own array when the caller passes it in.
 */
export function resultIdentities(value, known, kept) {
  return typedArrays(value).map((array) => {
    let id = known.get(array);
    if (id === undefined) {
      id = nextResultId--;
      known.set(array, id);
    }
    keep(kept, id, array);
    return id;
  });
}

/**
 * The caller's side of {@link resultIdentities}: each typed array of the received `value` whose
 * id was returned before becomes the object returned then, refilled with the new values; a new
 * one is remembered under its id (in `results`, and in `ids` for when it is passed back). When
 * the arrays found do not match the ids sent, `value` stays as received (copies).
 */
export function keepResults(value, resultIds, ids, results) {
  const arrays = typedArrays(value);
  if (!Array.isArray(resultIds) || arrays.length !== resultIds.length) return value;
  const replaced = new Map();
  arrays.forEach((array, k) => {
    const id = resultIds[k];
    if (ids.get(array) === id) return;
    const before = results.get(id)?.deref();
    if (before !== undefined && refill(before, array)) {
      replaced.set(array, before);
      return;
    }
    keep(results, id, new WeakRef(array));
    ids.set(array, id);
  });
  return replaced.size === 0 ? value : restore(value, replaced);
}
