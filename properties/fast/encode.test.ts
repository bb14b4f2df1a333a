import fc from "fast-check";
import { expect, test } from "vitest";
import { sleb, uleb } from "../../src/fast/wasm/encode.js";

/**
 * The kernel's LEB128 encoders against the WebAssembly binary format's definition
 * (https://webassembly.github.io/spec/core/binary/values.html#integers): 7 bits per byte, low
 * bits first, the high bit set on every byte but the last; signed values sign-extend from bit 6
 * of the last byte. The kernel itself only encodes small constants, for which several wrong
 * encoders happen to agree (mutation testing found them), so the whole 32-bit range is checked.
 */
function decode(bytes: number[], signed: boolean): number {
  let result = 0n;
  let shift = 0n;
  for (const [k, byte] of bytes.entries()) {
    expect(byte, `byte ${k}`).toBeGreaterThanOrEqual(0);
    expect(byte, `byte ${k}`).toBeLessThanOrEqual(0xff);
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    const last = (byte & 0x80) === 0;
    expect(last, `only the last byte ends the number (byte ${k} of ${bytes.length})`).toBe(
      k === bytes.length - 1,
    );
    if (last && signed && (byte & 0x40) !== 0) result -= 1n << shift;
  }
  return Number(result);
}

test("uleb encodes every unsigned 32-bit integer in the fewest bytes (⌈bits/7⌉), decoding to itself", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (value) => {
      const bytes = uleb(value);
      expect(decode(bytes, false)).toBe(value);
      expect(bytes).toHaveLength(Math.max(1, Math.ceil(value.toString(2).length / 7)));
    }),
  );
});

test("sleb encodes every signed 32-bit integer in the fewest bytes, decoding to itself, e.g. −4 as 0x7c and 64 as 0xc0 0x00", () => {
  expect(sleb(-4)).toEqual([0x7c]);
  expect(sleb(64)).toEqual([0xc0, 0x00]);
  expect(sleb(-65)).toEqual([0xbf, 0x7f]);
  expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (value) => {
      const bytes = sleb(value);
      expect(decode(bytes, true)).toBe(value);
      const magnitude = value < 0 ? ~value : value; // the bits besides the sign
      expect(bytes).toHaveLength(Math.ceil((magnitude.toString(2).length + 1) / 7));
    }),
  );
});
