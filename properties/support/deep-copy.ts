/**
 * A deep copy of a property's input or of a call's argument, as `structuredClone` makes it of
 * the values the properties use, or the value itself when `structuredClone` cannot copy it (a
 * function anywhere inside).
 *
 * The values the properties pass (numbers, strings, typed arrays, arrays, plain objects such as
 * a Matrix or a record of inputs) are copied here directly, several times faster than by
 * `structuredClone`, which the guard (guard.ts) runs on the arguments of every call and the
 * wrapper (property.ts) on every input; a value shared twice in the input is shared twice in the
 * copy, as with `structuredClone`. Anything else (a Map, a Date, a class instance) goes to
 * `structuredClone` itself. Two differences no property depends on: a typed array's copy holds
 * its bytes only, not the rest of the buffer it was a view of, and an array's copy has its
 * elements only (a hole becomes undefined; other keys are left out).
 */
export function deepCopy<T>(value: T): T {
  try {
    return copy(value, new Map()) as T;
  } catch {
    return value;
  }
}

function copy(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value === "function" || typeof value === "symbol") {
    throw new TypeError("not cloneable");
  }
  if (value === null || typeof value !== "object") return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  let out: unknown;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    out = (value as unknown as { slice(): unknown }).slice();
    copies.set(value, out);
  } else if (Array.isArray(value)) {
    const array: unknown[] = [];
    copies.set(value, array);
    for (const item of value) array.push(copy(item, copies));
    out = array;
  } else if (isPlainObject(value)) {
    const object: Record<string, unknown> = {};
    copies.set(value, object);
    for (const key of Object.keys(value)) {
      object[key] = copy((value as Record<string, unknown>)[key], copies);
    }
    out = object;
  } else {
    out = structuredClone(value);
    copies.set(value, out);
  }
  return out;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
