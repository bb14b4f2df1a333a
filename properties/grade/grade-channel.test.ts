import { describe, expect, test } from "vitest";
import { giveBack, Reader, Writer, type HeldArray } from "../../src/grade/codec.mjs";
import { SentArrays } from "../../src/grade/sent-arrays.js";
import { writeBack } from "../../src/grade/write-back.js";

/**
 * The untrusted channel: what a sandbox sends is decoded into fresh plain data only, and what it
 * did to its arguments moves only numbers into the checks' own objects.
 */

/** Encodes `value` as the sandbox would, and decodes it as the checking side does. */
function roundTrip(value: unknown): unknown {
  const w = new Writer();
  w.value(value);
  const frame = w.finish();
  return new Reader(Buffer.from(frame.subarray(4)), undefined, true).value();
}

/** An object literal with an own key named `key` (a literal `__proto__:` would set the prototype). */
function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

describe("decoding what a sandbox sends", () => {
  test("plain data comes out equal, in fresh objects", () => {
    const value = { w: new Float64Array([1, -0, NaN]), b: 2, list: [1, "a", null, true] };
    const decoded = roundTrip(value) as typeof value;
    expect(decoded).toEqual(value);
    expect(decoded.w).toBeInstanceOf(Float64Array);
    expect(Object.is(decoded.w[1], -0)).toBe(true);
  });

  test.each(["__proto__", "constructor", "prototype"])("an own key %s is refused", (key) => {
    expect(() => roundTrip({ nested: withOwnKey(key, { runs: 0 }) })).toThrow("malformed message");
    expect(({} as Record<string, unknown>).runs).toBeUndefined();
  });

  test("anything v8 would clone (Map, Date, BigInt arrays) is refused, not revived", () => {
    expect(() => roundTrip(new Map([[1, 2]]))).toThrow("malformed message");
    expect(() => roundTrip(new Date(0))).toThrow("malformed message");
    expect(() => roundTrip(new BigInt64Array(2))).toThrow("malformed message");
  });
});

describe("replaying changes to arguments", () => {
  test("numbers move into typed arrays, arrays and existing keys; an appended history too", () => {
    const w = new Float64Array([1, 2]);
    const history = [0.5];
    const options = { alpha: 0.1, costHistory: history };
    writeBack(
      [w, options],
      [new Float64Array([3, 4]), { alpha: 0.2, costHistory: [0.5, 0.4, 0.3] }],
    );
    expect([...w]).toEqual([3, 4]);
    expect(options.alpha).toBe(0.2);
    expect(history).toEqual([0.5, 0.4, 0.3]);
  });

  test("no key is added, no object is attached, no prototype is reached", () => {
    const target: Record<string, unknown> = { a: 1, nested: { b: 2 } };
    const sent = { a: 1, extra: 5, nested: withOwnKey("__proto__", { polluted: true }) };
    writeBack(target, sent);
    writeBack([1], [{ polluted: true }]);
    expect(target).toEqual({ a: 1, nested: { b: 2 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const list = [1, 2];
    writeBack(list, [1, 2, { x: 1 }, 3]);
    expect(list).toEqual([1, 2]);
  });

  test("a typed array of another kind or length is left as it was", () => {
    const w = new Float64Array([1, 2]);
    writeBack(w, new Float32Array([3, 4]));
    writeBack(w, new Float64Array([3, 4, 5]));
    expect([...w]).toEqual([1, 2]);
  });
});

describe("typed arrays sent once (handles)", () => {
  /** Encodes a call's arguments as the checking side does, with its record `sent`. */
  function encodeArgs(sent: SentArrays, args: unknown[]): Buffer {
    const w = new Writer();
    w.handles = sent;
    w.value(args);
    return Buffer.from(w.finish().subarray(4));
  }

  /** Decodes them as the sandbox does: fresh copies of what it holds, recorded in `copies`. */
  function decodeArgs(frame: Buffer, held: Map<number, HeldArray>) {
    const reader = new Reader(frame);
    reader.held = held;
    reader.copies = new Map();
    return { args: reader.value() as unknown[], copies: reader.copies };
  }

  test("an unchanged array, or a copy of it, goes as a reference; a changed one is sent again", () => {
    const sent = new SentArrays();
    const held = new Map<number, HeldArray>();
    const X = new Float64Array(512).fill(1.5);
    const first = encodeArgs(sent, [X, 2]);
    expect(first.length).toBeGreaterThan(4096);
    expect(decodeArgs(first, held).args[0]).toEqual(X);
    const again = encodeArgs(sent, [Float64Array.from(X), 2]);
    expect(again.length).toBeLessThan(64);
    expect(decodeArgs(again, held).args[0]).toEqual(X);
    X[3] = -0;
    const changed = encodeArgs(sent, [X, 2]);
    expect(changed.length).toBeGreaterThan(4096);
    expect(Object.is((decodeArgs(changed, held).args[0] as Float64Array)[3], -0)).toBe(true);
    // Same bytes, another kind: not the same array.
    const asInts = new Int32Array(X.buffer.slice(0));
    expect((decodeArgs(encodeArgs(sent, [asInts]), held).args[0] as Int32Array).constructor).toBe(
      Int32Array,
    );
  });

  test("a call's copy, changed, spoils neither what is held nor the next call", () => {
    const sent = new SentArrays();
    const held = new Map<number, HeldArray>();
    const w = new Float64Array([1, 2, 3]);
    const first = decodeArgs(encodeArgs(sent, [w]), held);
    const copy = first.args[0] as Float64Array;
    copy[0] = 99;
    // The sandbox sees the change: the copy no longer encodes as its reference.
    const after = new Writer();
    after.copies = first.copies;
    after.value(first.args);
    const unchanged = new Writer();
    unchanged.copies = first.copies;
    copy[0] = 1;
    unchanged.value(first.args);
    expect(after.length).toBeGreaterThan(unchanged.length);
    copy[0] = 99;
    const second = decodeArgs(encodeArgs(sent, [w]), held).args[0] as Float64Array;
    expect([...second]).toEqual([1, 2, 3]);
    expect(second).not.toBe(copy);
  });

  test("a working copy serves one use at a time, and only while it holds the pristine bytes", () => {
    const sent = new SentArrays();
    const held = new Map<number, HeldArray>();
    const w = new Float64Array([1, 2, 3]);
    const call = (args: unknown[]) => {
      const decoded = decodeArgs(encodeArgs(sent, args), held);
      giveBack(decoded.copies);
      return decoded.args as Float64Array[];
    };
    const [kept] = call([w]);
    // The next call gets the same working copy, unchanged.
    const [again] = call([w]);
    expect(again).toBe(kept);
    // The same array twice in one call: the working copy once, then a copy of its own.
    const [one, two] = call([w, w]);
    expect(one).toBe(kept);
    expect(two).not.toBe(kept);
    expect([...two]).toEqual([1, 2, 3]);
    // A submission that kept the array and changed it later: the next call gets a new copy.
    kept[1] = -7;
    const [fresh] = call([w]);
    expect(fresh).not.toBe(kept);
    expect([...fresh]).toEqual([1, 2, 3]);
    // Still lent (no giveBack): a call nested in a callback gets a copy of its own.
    const outer = decodeArgs(encodeArgs(sent, [w]), held);
    const inner = decodeArgs(encodeArgs(sent, [w]), held);
    expect(inner.args[0]).not.toBe(outer.args[0]);
    giveBack(inner.copies);
    giveBack(outer.copies);
    expect(call([w])[0]).toBe(outer.args[0]);
  });

  test("what a sandbox sends may not use references, nor name what it holds", () => {
    const sent = new SentArrays();
    const frame = encodeArgs(sent, [new Float64Array(4)]);
    expect(() => new Reader(frame, undefined, true).value()).toThrow("malformed message");
    const reference = encodeArgs(sent, [new Float64Array(4)]);
    expect(() => decodeArgs(reference, new Map())).toThrow("malformed message");
  });
});
