/** Types of codec.mjs (plain JavaScript: the sandbox runs it without the kit's TypeScript loader). */
export declare class Writer {
  buffer: Buffer;
  length: number;
  callbacks: ((...args: unknown[]) => unknown)[] | undefined;
  callbackIds: Map<unknown, number> | undefined;
  /** The checking side's record of what the sandbox holds (sent-arrays.ts). */
  handles:
    | { encode(array: object, kind: number, bytes: Uint8Array): { id: number; define: boolean } }
    | undefined;
  /** The sandbox's copies of held arrays (a Reader's `copies`). */
  copies: Map<object, HeldArray> | undefined;
  /** Whether those copies are as the Reader made them: written as references without comparing. */
  copiesAsMade: boolean;
  reset(): void;
  u8(value: number): void;
  u32(value: number): void;
  f64(value: number): void;
  /** Appends `source` as it is. */
  bytes(source: Uint8Array): void;
  value(value: unknown): void;
  finish(): Uint8Array;
}

/** A typed array the sandbox holds: its id, kind (an index into codec.mjs's kinds) and bytes. */
export interface HeldArray {
  id: number;
  kind: number;
  bytes: Uint8Array;
  /** Its working copy (Reader.copy), a view of that copy's bytes, and whether a use holds it. */
  working?: ArrayBufferView;
  workingBytes?: Uint8Array;
  lent?: boolean;
}

/** Ends the loans of the working copies among a Reader's `copies`, after the call. */
export declare function giveBack(copies: Map<object, HeldArray>): void;

export declare class Reader {
  constructor(buffer: Uint8Array, makeCallback?: (id: number) => unknown, untrusted?: boolean);
  held: Map<number, HeldArray> | undefined;
  copies: Map<object, HeldArray> | undefined;
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
