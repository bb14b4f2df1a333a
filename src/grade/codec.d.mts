/** Types of codec.mjs (plain JavaScript: the sandbox runs it without the kit's TypeScript loader). */
export declare class Writer {
  buffer: Buffer;
  length: number;
  callbacks: ((...args: unknown[]) => unknown)[] | undefined;
  callbackIds: Map<unknown, number> | undefined;
  reset(): void;
  u8(value: number): void;
  u32(value: number): void;
  f64(value: number): void;
  value(value: unknown): void;
  finish(): Uint8Array;
}

export declare class Reader {
  constructor(buffer: Uint8Array, makeCallback?: (id: number) => unknown, untrusted?: boolean);
  readonly buffer: Uint8Array;
  offset: number;
  u8(): number;
  u32(): number;
  f64(): number;
  value(): unknown;
}

export declare function sameBytes(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
): boolean;
