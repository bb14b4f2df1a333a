/**
 * The binary encoding of the values that cross the pipes between the checking process
 * (bridge.ts) and a submission's sandbox (sandbox.mjs): numbers, strings, booleans, null,
 * undefined, typed arrays (their bytes, copied), arrays and objects (their own enumerable string
 * keys, as a structured clone does), and functions (a callback marker with its id; any other
 * function arrives as null). Anything else (Map, Set, Date, BigInt, a cycle deeper than
 * MAX_DEPTH …) is one v8-serialized chunk, so it crosses exactly as it did when every message was
 * v8-serialized; that was ~100 µs per call for a few typed arrays, because Node serializes typed
 * arrays in JavaScript, and this is a few µs.
 *
 * The checking side reads what the sandbox sends as untrusted (`new Reader(buffer, undefined,
 * true)`): only fresh arrays, plain objects, numeric typed arrays, numbers, strings, booleans,
 * null and undefined come out; a v8 chunk, a BigInt typed array and an object key `__proto__`,
 * `constructor` or `prototype` make the message malformed.
 *
 * Typed arrays sent once (only from the checking side to the sandbox, never the other way): a
 * Writer given `handles` (bridge.ts's SentArrays) writes an array the sandbox already holds,
 * unchanged, as a REF to its id instead of its bytes, and a new or changed one as a DEF (id and
 * bytes); a Reader given `held` (the sandbox's table, id → a pristine copy) gives back, for
 * either, a copy of the pristine array that no other use holds (Reader.copy), and records it in
 * `copies` (copy → its id and pristine array), so that the sandbox can tell afterwards whether
 * the submission changed it. A
 * Writer given `copies` writes such a copy, when it still equals its pristine array, as a REF:
 * the sandbox compares the encodings of the arguments before and after a call that way, without
 * re-encoding their bytes. An untrusted Reader refuses REF and DEF.
 *
 * Plain JavaScript, shared: the sandbox imports it before the submission, and it takes every
 * built-in it uses at that moment, so that a submission that patches `Float64Array.prototype`,
 * `Object.keys` or `Buffer` changes nothing here (its own answers are what it computes).
 */
import { Buffer } from "node:buffer";
import { deserialize, serialize } from "node:v8";
import { types } from "node:util";

const uncurry = (fn) => Function.prototype.call.bind(fn);
const ByteBuffer = Buffer;
const bufferCompare = Buffer.compare;
const bufferByteLength = Buffer.byteLength;
const bufferWrite = uncurry(Buffer.prototype.write);
const bufferToString = uncurry(Buffer.prototype.toString);
const bufferCopy = uncurry(Buffer.prototype.copy);
const u8Set = uncurry(Uint8Array.prototype.set);
const u8Subarray = uncurry(Uint8Array.prototype.subarray);
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (name) => uncurry(Object.getOwnPropertyDescriptor(TypedArrayPrototype, name).get);
const taBuffer = getter("buffer");
const taByteOffset = getter("byteOffset");
const taByteLength = getter("byteLength");
const taTag = uncurry(Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get);
const isView = ArrayBuffer.isView;
const isArray = Array.isArray;
const objectKeys = Object.keys;
const getPrototypeOf = Object.getPrototypeOf;
const { isTypedArray, isProxy } = types;

const mapGet = uncurry(Map.prototype.get);
const mapSet = uncurry(Map.prototype.set);
const mapForEach = uncurry(Map.prototype.forEach);
const arrayPush = uncurry(Array.prototype.push);
const v8Serialize = serialize;
const v8Deserialize = deserialize;
const Uint8ArrayCtor = Uint8Array;
const RangeErrorCtor = RangeError;
const MapCtor = Map;
const DataViewCtor = DataView;
const setUint32 = uncurry(DataView.prototype.setUint32);
const setFloat64 = uncurry(DataView.prototype.setFloat64);
const getUint32 = uncurry(DataView.prototype.getUint32);
const getFloat64 = uncurry(DataView.prototype.getFloat64);
const defineProperty = Object.defineProperty;
const ObjectPrototype = Object.prototype;
const { isDate, isRegExp, isMap, isSet, isBoxedPrimitive, isNativeError, isAnyArrayBuffer } = types;

const UNDEFINED = 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;
const NUMBER = 4;
const STRING = 5;
const TYPED = 6;
const ARRAY = 7;
const OBJECT = 8;
const CALLBACK = 9;
const FUNCTION = 10;
const V8 = 11;
const TYPED_DEF = 12;
const TYPED_REF = 13;

/** Nesting beyond this is encoded by v8 (which also handles cycles). */
const MAX_DEPTH = 64;

const TYPED_KINDS = [
  "Float64Array",
  "Float32Array",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "BigInt64Array",
  "BigUint64Array",
];
const TYPED_CTORS = [
  Float64Array,
  Float32Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  BigInt64Array,
  BigUint64Array,
];
const TYPED_SIZES = [8, 4, 1, 1, 1, 2, 2, 4, 4, 8, 8];
/** The typed arrays an untrusted message may hold: the numeric ones (not BigInt64/BigUint64). */
const UNTRUSTED_KINDS = 9;
/** Keys that reach or name a prototype: refused from an untrusted message. */
const REFUSED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const setHas = uncurry(Set.prototype.has);
const typedKind = new MapCtor(TYPED_KINDS.map((name, index) => [name, index]));

/** Builds one message: a 4-byte length, then whatever is written; reused from message to message. */
export class Writer {
  constructor() {
    this.buffer = ByteBuffer.allocUnsafe(1 << 16);
    this.view = new DataViewCtor(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length);
    this.length = 4;
    /** Functions to send as callback markers (their ids), e.g. the sandbox's callback stubs. */
    this.callbackIds = undefined;
    /** Or a list that each function is appended to (its index is its id): the checking side. */
    this.callbacks = undefined;
    /** The checking side's record of the typed arrays the sandbox holds (see the module comment). */
    this.handles = undefined;
    /** The sandbox's copies of held arrays, made by a Reader (see the module comment). */
    this.copies = undefined;
    /** Whether those copies are as the Reader made them: nothing has run since. */
    this.copiesAsMade = false;
  }

  reset() {
    this.length = 4;
    this.callbackIds = undefined;
    this.callbacks = undefined;
    this.handles = undefined;
    this.copies = undefined;
    this.copiesAsMade = false;
  }

  reserve(bytes) {
    const needed = this.length + bytes;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const bigger = ByteBuffer.allocUnsafe(size);
    bufferCopy(this.buffer, bigger, 0, 0, this.length);
    this.buffer = bigger;
    this.view = new DataViewCtor(bigger.buffer, bigger.byteOffset, bigger.length);
  }

  u8(value) {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  u32(value) {
    this.reserve(4);
    setUint32(this.view, this.length, value, true);
    this.length += 4;
  }

  f64(value) {
    this.reserve(8);
    setFloat64(this.view, this.length, value, true);
    this.length += 8;
  }

  string(value) {
    const bytes = bufferByteLength(value, "utf8");
    this.reserve(5 + bytes);
    this.buffer[this.length] = STRING;
    setUint32(this.view, this.length + 1, bytes, true);
    this.length += 5;
    if (bytes > 0) bufferWrite(this.buffer, value, this.length, bytes, "utf8");
    this.length += bytes;
  }

  bytes(source) {
    this.reserve(source.length);
    u8Set(this.buffer, source, this.length);
    this.length += source.length;
  }

  /** Writes one value (see the module comment); throws what a getter or v8 throws. */
  value(value, depth = 0) {
    switch (typeof value) {
      case "number":
        this.reserve(9);
        this.buffer[this.length] = NUMBER;
        setFloat64(this.view, this.length + 1, value, true);
        this.length += 9;
        return;
      case "string":
        this.string(value);
        return;
      case "boolean":
        this.u8(value ? TRUE : FALSE);
        return;
      case "undefined":
        this.u8(UNDEFINED);
        return;
      case "function": {
        const id = this.callbackIds ? mapGet(this.callbackIds, value) : undefined;
        if (id !== undefined) {
          this.u8(CALLBACK);
          this.u32(id);
        } else if (this.callbacks) {
          this.u8(CALLBACK);
          this.u32(arrayPush(this.callbacks, value) - 1);
        } else this.u8(FUNCTION);
        return;
      }
      case "object":
        if (value === null) {
          this.u8(NULL);
          return;
        }
        if (depth < MAX_DEPTH && !isProxy(value)) {
          if (isView(value)) {
            if (isTypedArray(value)) {
              this.typed(value);
              return;
            }
          } else if (isArray(value)) {
            const n = value.length;
            this.u8(ARRAY);
            this.u32(n);
            for (let i = 0; i < n; i++) this.value(value[i], depth + 1);
            return;
          } else if (isPlain(value)) {
            const keys = objectKeys(value);
            this.u8(OBJECT);
            this.u32(keys.length);
            for (let i = 0; i < keys.length; i++) {
              this.string(keys[i]);
              this.value(value[keys[i]], depth + 1);
            }
            return;
          }
        }
        break;
      default:
        break;
    }
    const chunk = v8Serialize(value);
    this.u8(V8);
    this.u32(chunk.length);
    this.bytes(chunk);
  }

  /** Writes a typed array: its bytes, or a reference (see the module comment). */
  typed(value) {
    const kind = mapGet(typedKind, taTag(value));
    const byteLength = taByteLength(value);
    const bytes = new Uint8ArrayCtor(taBuffer(value), taByteOffset(value), byteLength);
    if (this.copies !== undefined && this.heldCopy(value, kind, bytes)) return;
    if (this.handles !== undefined) {
      const { id, define } = this.handles.encode(value, kind, bytes);
      this.u8(define ? TYPED_DEF : TYPED_REF);
      this.u32(id);
      if (!define) return;
    }
    this.reserve(6 + byteLength);
    this.buffer[this.length] = TYPED;
    this.buffer[this.length + 1] = kind;
    setUint32(this.view, this.length + 2, byteLength, true);
    this.length += 6;
    u8Set(this.buffer, bytes, this.length);
    this.length += byteLength;
  }

  /**
   * Writes a REF when `value` is a copy (of `kind`) that still holds its pristine array's
   * `bytes`; with `copiesAsMade`, without comparing them (the arguments before the call).
   */
  heldCopy(value, kind, bytes) {
    const held = mapGet(this.copies, value);
    if (held === undefined || held.kind !== kind) return false;
    if (!this.copiesAsMade && bufferCompare(held.bytes, bytes) !== 0) return false;
    this.u8(TYPED_REF);
    this.u32(held.id);
    return true;
  }

  /** The message, its length prefix filled in (a view of the reused buffer: send it at once). */
  finish() {
    setUint32(this.view, 0, this.length - 4, true);
    return u8Subarray(this.buffer, 0, this.length);
  }
}

/**
 * An object v8 would clone as a plain object: not one of the built-ins it clones by their own
 * rules (Date, RegExp, Map, Set, boxed primitives, errors, ArrayBuffer …), which go to v8.
 */
function isPlain(value) {
  const prototype = getPrototypeOf(value);
  if (prototype === ObjectPrototype || prototype === null) return true;
  return !(
    isDate(value) ||
    isRegExp(value) ||
    isMap(value) ||
    isSet(value) ||
    isBoxedPrimitive(value) ||
    isNativeError(value) ||
    isAnyArrayBuffer(value)
  );
}

/** Ends the loans of the working copies among `copies` (a Reader's, after the call: {@link Reader.copy}). */
export function giveBack(copies) {
  mapForEach(copies, (held, copy) => {
    if (held.working === copy) held.lent = false;
  });
}

/** Whether `a[aStart, aEnd)` and `b[bStart, bEnd)` hold the same bytes. */
export function sameBytes(a, aStart, aEnd, b, bStart, bEnd) {
  if (aEnd - aStart !== bEnd - bStart) return false;
  return bufferCompare(u8Subarray(a, aStart, aEnd), u8Subarray(b, bStart, bEnd)) === 0;
}

function malformed() {
  return new RangeErrorCtor("malformed message");
}

/** Reads one message (a Buffer without its length prefix). */
export class Reader {
  /**
   * A Reader of `buffer`, which nothing may write to afterwards: a DEF's pristine bytes are kept
   * as a view of it, not copied.
   */
  constructor(buffer, makeCallback, untrusted = false) {
    /** The sandbox's held arrays, id → {kind, bytes} (see the module comment); REF and DEF need it. */
    this.held = undefined;
    /** Where the copies of held arrays are recorded: copy → {id, kind, bytes}. */
    this.copies = undefined;
    this.buffer = buffer;
    /** Whether the message comes from a submission: see the module comment. */
    this.untrusted = untrusted;
    this.view = new DataViewCtor(buffer.buffer, buffer.byteOffset, buffer.length);
    this.offset = 0;
    /** id → the function a callback marker becomes; without it, callback markers become null. */
    this.makeCallback = makeCallback;
  }

  need(bytes) {
    if (this.offset + bytes > this.buffer.length) throw malformed();
  }

  u8() {
    this.need(1);
    return this.buffer[this.offset++];
  }

  u32() {
    this.need(4);
    const value = getUint32(this.view, this.offset, true);
    this.offset += 4;
    return value;
  }

  f64() {
    this.need(8);
    const value = getFloat64(this.view, this.offset, true);
    this.offset += 8;
    return value;
  }

  /** A typed array's kind, length and bytes, into a fresh typed array. */
  typed() {
    const kind = this.u8();
    const bytes = this.u32();
    const Ctor = TYPED_CTORS[kind];
    if (Ctor === undefined || bytes % TYPED_SIZES[kind] !== 0) throw malformed();
    if (this.untrusted && kind >= UNTRUSTED_KINDS) throw malformed();
    this.need(bytes);
    const out = new Ctor(bytes / TYPED_SIZES[kind]);
    u8Set(
      new Uint8ArrayCtor(out.buffer),
      u8Subarray(this.buffer, this.offset, this.offset + bytes),
    );
    this.offset += bytes;
    return out;
  }

  /** A DEF (which the sandbox keeps) or a REF: a copy of the held array (see {@link copy}). */
  heldArray(tag) {
    if (this.untrusted || this.held === undefined) throw malformed();
    const id = this.u32();
    if (tag === TYPED_DEF) {
      if (this.u8() !== TYPED) throw malformed();
      const kind = this.u8();
      const length = this.u32();
      if (TYPED_CTORS[kind] === undefined || length % TYPED_SIZES[kind] !== 0) throw malformed();
      this.need(length);
      // The pristine bytes stay where they came, in the message: see the constructor.
      const bytes = u8Subarray(this.buffer, this.offset, this.offset + length);
      this.offset += length;
      mapSet(this.held, id, { id, kind, bytes });
    }
    const held = mapGet(this.held, id);
    if (held === undefined) throw malformed();
    return this.copy(held);
  }

  /**
   * The held array `held` for one argument of a call, recorded in `copies`: its working copy,
   * lent to this use, if no other use holds it and it still holds the pristine bytes (a
   * submission may keep an array and change it later); else a new copy, which becomes the
   * working copy when none is lent. An array twice in one call, or in a call nested in a
   * callback of another that has it, is a fresh copy each further time, as a copy of the
   * checks' arrays is.
   */
  copy(held) {
    let out;
    if (held.lent !== true && held.working !== undefined) {
      if (bufferCompare(held.workingBytes, held.bytes) === 0) out = held.working;
    }
    if (out === undefined) {
      const Ctor = TYPED_CTORS[held.kind];
      out = new Ctor(held.bytes.length / TYPED_SIZES[held.kind]);
      u8Set(new Uint8ArrayCtor(taBuffer(out)), held.bytes);
      if (held.lent !== true) {
        held.working = out;
        // A view of its buffer as made: a buffer the submission detaches reads as empty here.
        held.workingBytes = new Uint8ArrayCtor(taBuffer(out));
      }
    }
    if (out === held.working) held.lent = true;
    if (this.copies !== undefined) mapSet(this.copies, out, held);
    return out;
  }

  value(depth = 0) {
    if (depth > MAX_DEPTH + 1) throw malformed();
    const tag = this.u8();
    switch (tag) {
      case UNDEFINED:
        return undefined;
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return this.f64();
      case STRING: {
        const bytes = this.u32();
        this.need(bytes);
        const text = bufferToString(this.buffer, "utf8", this.offset, this.offset + bytes);
        this.offset += bytes;
        return text;
      }
      case TYPED:
        return this.typed();
      case TYPED_DEF:
      case TYPED_REF:
        return this.heldArray(tag);
      case ARRAY: {
        const n = this.u32();
        const out = [];
        for (let i = 0; i < n; i++) arrayPush(out, this.value(depth + 1));
        return out;
      }
      case OBJECT: {
        const n = this.u32();
        const out = {};
        for (let i = 0; i < n; i++) {
          const key = this.value(depth + 1);
          if (typeof key !== "string") throw malformed();
          if (this.untrusted && setHas(REFUSED_KEYS, key)) throw malformed();
          const item = this.value(depth + 1);
          if (key === "__proto__") {
            defineProperty(out, key, {
              value: item,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          } else out[key] = item;
        }
        return out;
      }
      case CALLBACK: {
        const id = this.u32();
        return this.makeCallback ? this.makeCallback(id) : null;
      }
      case FUNCTION:
        return null;
      case V8: {
        if (this.untrusted) throw malformed();
        const bytes = this.u32();
        this.need(bytes);
        const value = v8Deserialize(u8Subarray(this.buffer, this.offset, this.offset + bytes));
        this.offset += bytes;
        return value;
      }
      default:
        throw malformed();
    }
  }
}
