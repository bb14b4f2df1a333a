/**
 * A tiny WebAssembly binary encoder: just the opcodes the fused kernel uses, each a function that
 * returns its bytes, so that the kernel in fused-pass.ts reads as a listing of stack-machine code.
 * Format: https://webassembly.github.io/spec/core/binary/ (SIMD opcodes: prefix 0xfd + LEB128).
 */
export type Code = number[];

/** Unsigned LEB128. */
export function uleb(value: number): Code {
  const out: Code = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(value: number): Code {
  const out: Code = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function f64Bytes(value: number): Code {
  return Array.from(new Uint8Array(Float64Array.of(value).buffer));
}

function i64Bytes(value: bigint): Code {
  return Array.from(new Uint8Array(BigInt64Array.of(value).buffer));
}

/** A vector (length-prefixed sequence) of already-encoded items. */
function vec(items: Code[]): Code {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, body: Code): Code {
  return [id, ...uleb(body.length), ...body];
}

export const type = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;
export type ValueType = (typeof type)[keyof typeof type];

const simd = (op: number): Code => [0xfd, ...uleb(op)];
/** memarg: alignment hint (log2 bytes) and a constant byte offset added to the address. */
const memarg = (alignLog2: number, offset = 0): Code => [alignLog2, ...uleb(offset)];

export const op = {
  block: (): Code => [0x02, 0x40],
  loop: (): Code => [0x03, 0x40],
  if: (): Code => [0x04, 0x40],
  end: (): Code => [0x0b],
  br: (depth: number): Code => [0x0c, ...uleb(depth)],
  brIf: (depth: number): Code => [0x0d, ...uleb(depth)],
  get: (local: number): Code => [0x20, ...uleb(local)],
  set: (local: number): Code => [0x21, ...uleb(local)],
  tee: (local: number): Code => [0x22, ...uleb(local)],
  i32: (value: number): Code => [0x41, ...sleb(value)],
  f64: (value: number): Code => [0x44, ...f64Bytes(value)],
  i32Add: (): Code => [0x6a],
  i32And: (): Code => [0x71],
  i32Shl: (): Code => [0x74],
  i32Mul: (): Code => [0x6c],
  i32LtS: (): Code => [0x48],
  i32GeS: (): Code => [0x4e],
  f64Store: (): Code => [0x39, ...memarg(3)],
  f64Add: (): Code => [0xa0],
  v128Load: (offset = 0): Code => [...simd(0x00), ...memarg(4, offset)],
  v128Store: (offset = 0): Code => [...simd(0x0b), ...memarg(4, offset)],
  load64Splat: (offset = 0): Code => [...simd(0x0a), ...memarg(3, offset)],
  /** v128.const with the same double in both lanes. */
  f64x2Const: (value: number): Code => [...simd(0x0c), ...f64Bytes(value), ...f64Bytes(value)],
  /** v128.const with the same 64-bit integer in both lanes. */
  i64x2Const: (value: bigint): Code => [...simd(0x0c), ...i64Bytes(value), ...i64Bytes(value)],
  f64x2Splat: (): Code => simd(0x14),
  f64x2ExtractLane: (lane: number): Code => [...simd(0x21), lane],
  bitselect: (): Code => simd(0x52),
  /** i8x16.shuffle: byte k of the result is byte lanes[k] of the 32-byte concatenation a ++ b. */
  shuffle: (lanes: number[]): Code => [...simd(0x0d), ...lanes],
  anyTrue: (): Code => simd(0x53),
  i64x2Add: (): Code => simd(0xce),
  i64x2Shl: (): Code => simd(0xcb),
  f64x2Eq: (): Code => simd(0x47),
  f64x2Lt: (): Code => simd(0x49),
  f64x2Gt: (): Code => simd(0x4a),
  f64x2Ge: (): Code => simd(0x4c),
  v128And: (): Code => simd(0x4e),
  v128Or: (): Code => simd(0x50),
  f64x2Abs: (): Code => simd(0xec),
  f64x2Neg: (): Code => simd(0xed),
  f64x2Trunc: (): Code => simd(0x7a),
  f64x2Add: (): Code => simd(0xf0),
  f64x2Sub: (): Code => simd(0xf1),
  f64x2Mul: (): Code => simd(0xf2),
  f64x2Div: (): Code => simd(0xf3),
  /** pmax(a, b) = a < b ? b : a (NaN a stays NaN). */
  f64x2Pmax: (): Code => simd(0xf7),
};

export interface FunctionSpec {
  name: string;
  params: ValueType[];
  locals: ValueType[];
  body: Code;
}

/**
 * A module that imports its memory as `env.memory` and exports each function by name; every
 * function returns nothing.
 */
export function encodeModule(functions: FunctionSpec[]): Uint8Array {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const name = (text: string): Code => vec([...new TextEncoder().encode(text)].map((b) => [b]));
  const types = section(
    1,
    vec(functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec([])])),
  );
  // memory limits: flag 0x00 (no maximum), at least 1 page
  const imports = section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x00, ...uleb(1)]]));
  const declarations = section(3, vec(functions.map((_, index) => uleb(index))));
  const exportsSection = section(
    7,
    vec(functions.map((f, index) => [...name(f.name), 0x00, ...uleb(index)])),
  );
  const bodies = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [...uleb(1), t]));
    const body = [...locals, ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  const code = section(10, vec(bodies));
  return Uint8Array.from([
    ...header,
    ...types,
    ...imports,
    ...declarations,
    ...exportsSection,
    ...code,
  ]);
}
