import { isUtf8 } from "node:buffer";

/** How many bytes at the end of `bytes` start a UTF-8 sequence that the next chunk completes. */
export function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** The offset of the first byte of `bytes[0, end)` that is not part of valid UTF-8. */
export function firstInvalidUtf8(bytes: Buffer, end: number): number {
  for (let i = 0; i < end;) {
    const b = bytes[i];
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > end || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return end;
}
