/**
 * What a submission did to its arguments, replayed on the checks' own arguments, so that a
 * property sees a mutated `w` or an appended `costHistory` as if the call had been local.
 *
 * The sandbox's copy of the arguments is untrusted: it arrives decoded into fresh objects
 * (codec.mjs's Reader refuses `__proto__`, `constructor` and `prototype` keys and anything but
 * plain data), and nothing of it is ever attached to the checks' objects. Only numbers move:
 *
 * - a typed array gets the elements of one of the same kind and length;
 * - an array gets primitive elements (numbers, strings, booleans, null, undefined) at its
 *   indices, and its length (appended elements must be primitives too; an appended object is
 *   dropped, and the array ends before it);
 * - a plain object gets primitive values for the own keys it already has; no key is added.
 *
 * Anything else (a change of shape, a function, an object where a number was) is left as it
 * was, so the property sees the checks' original value there.
 */

type Primitive = number | string | boolean | null | undefined;

function isPrimitive(value: unknown): value is Primitive {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function sameKind(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Object.prototype.toString.call(a) === Object.prototype.toString.call(b);
}

function writeTyped(original: ArrayBufferView, updated: unknown): void {
  if (!ArrayBuffer.isView(updated) || !sameKind(original, updated)) return;
  const target = original as unknown as { length: number; set(a: ArrayLike<number>): void };
  const source = updated as unknown as ArrayLike<number>;
  if (target.length === source.length) target.set(source);
}

function writeArray(original: unknown[], updated: unknown): void {
  if (!Array.isArray(updated)) return;
  const common = Math.min(original.length, updated.length);
  for (let i = 0; i < common; i++) {
    if (typeof original[i] === "object" && original[i] !== null) writeBack(original[i], updated[i]);
    else if (isPrimitive(original[i]) && isPrimitive(updated[i])) original[i] = updated[i];
  }
  original.length = common;
  for (let i = common; i < updated.length && isPrimitive(updated[i]); i++) {
    original.push(updated[i]);
  }
}

function writeObject(original: Record<string, unknown>, updated: unknown): void {
  if (!isPlainObject(updated)) return;
  for (const key of Object.keys(original)) {
    if (!Object.hasOwn(updated, key)) continue;
    const before = original[key];
    const after = updated[key];
    if (typeof before === "object" && before !== null) writeBack(before, after);
    else if (isPrimitive(before) && isPrimitive(after) && !Object.is(before, after)) {
      original[key] = after;
    }
  }
}

/** Replays on `original` (the checks' argument) the changes seen in `updated` (see above). */
export function writeBack(original: unknown, updated: unknown): void {
  if (ArrayBuffer.isView(original)) writeTyped(original, updated);
  else if (Array.isArray(original)) writeArray(original, updated);
  else if (isPlainObject(original)) writeObject(original, updated);
}
