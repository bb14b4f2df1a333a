import { encodeModule, op, type, type Code, type ValueType } from "./encode.js";

/**
 * The fused pass of the fast implementation's kernel, as WebAssembly (SIMD, f64x2): one pass over X
 * at (w, b) that yields, for rows i = 0 … m−1 in order,
 *
 *     zᵢ = b + Σⱼ xᵢⱼ wⱼ           (j = 0 … n−1, in order, as linalg.logits sums)
 *     eᵢ = 1 / (1 + exp(−zᵢ)) − yᵢ  (stdlib's expit, with stdlib's exp reproduced below)
 *     g_j += xᵢⱼ eᵢ                (row by row, as linalg.transposeTimes sums)
 *     Σ eᵢ  and, when withCost ≠ 0,  Σ L(zᵢ, yᵢ)   (summed row by row, as mean sums)
 *
 * Two rows share one f64x2 vector (lane 0: row i, lane 1: row i+1), so every sum above keeps
 * the specification's order and rounding: z, e, g and Σe are bit-for-bit those of
 * computeGradientsVectorized. The loss (labels 0/1 only) is computed as
 *
 *     L(z, y) = max(s, 0) + log1p(exp(−|z|)),   s = z (y = 0) or −z (y = 1)
 *
 * which agrees with stdlib's log1pexp to a few ulps (see properties/fast).
 *
 * pass(x, y, w, g, out, rows, cols, b, withCost): x, y, w, g, out are byte addresses in the
 * imported memory; X is stored as interleaved row pairs (fused-kernel.ts), followed by a zero
 * row when rows is odd and four doubles of slack; g must hold cols + 3 zeros (the last three
 * are scratch). Writes out[0] = Σ eᵢ, out[1] = Σ L(zᵢ, yᵢ).
 */

// stdlib's exp (@stdlib/math-base-special-exp, after FreeBSD's e_exp.c): constants and polynomial.
const LN2_HI = 6.9314718036912382e-1;
const LN2_LO = 1.9082149292705877e-10;
const LOG2_E = 1.4426950408889634;
const OVERFLOW = 7.09782712893384e2;
const UNDERFLOW = -7.451332191019411e2;
const NEARZERO = 2 ** -28;
const P = [
  0.16666666666666602, -0.0027777777777015593, 0.00006613756321437934, -0.0000016533902205465252,
  4.1381367970572385e-8,
];
// log1p on [0, 1] by fdlibm's log kernel (e_log.c): log(1 + f) = 2 atanh(f / (2 + f)).
const LG = [
  6.666666666666735e-1, 3.999999999940942e-1, 2.857142874366239e-1, 2.2222198432149784e-1,
  1.818357216161805e-1, 1.5313837699209373e-1, 1.4798198605116586e-1,
];
const SQRT2_MINUS_1 = Math.SQRT2 - 1;
/** Below this z, 1/exp(−z) may be subnormal, so exp(z) is taken directly. */
const RECIPROCAL_LIMIT = -708.3964185322641;
/** 1.5 · 2^52: adding it to an integral double puts the integer in the low mantissa bits. */
const SHIFT = 6755399441055744;

const params: ValueType[] = [
  ...[type.i32, type.i32, type.i32, type.i32, type.i32, type.i32, type.i32], // x y w g out rows cols
  type.f64, // b
  type.i32, // withCost
];
const [X, Y, W, G, OUT, ROWS, COLS, B, WITH_COST] = params.keys();

const locals: ValueType[] = [];
function local(t: ValueType): number {
  locals.push(t);
  return params.length + locals.length - 1;
}
const [i, j, rowBytes, colBytes, colBytes4, a0, a1, aw] = Array.from({ length: 8 }, () =>
  local(type.i32),
);
/** Rows per group: four (two pairs, two independent add chains; eight measured slower), a pair, or one row. */
type Size = 4 | 2 | 1;
const GROUP = 4;
/** Addresses of the current group's row pairs. */
const pairPtr = Array.from({ length: GROUP / 2 }, () => local(type.i32));
const [errorSum, costSum] = [local(type.f64), local(type.f64)];
/** Errors of the group's rows. */
const e = Array.from({ length: GROUP }, () => local(type.f64));
const v = () => local(type.v128);
/** Per row-pair vectors: logits, labels, losses. */
const zv = Array.from({ length: GROUP / 2 }, v);
const yv = Array.from({ length: GROUP / 2 }, v);
const lossV = Array.from({ length: GROUP / 2 }, v);
const [expMinusZ, t, acc, wSplat] = [v(), v(), v(), v()];
const [k, hi, lo, r, rr, c, p] = [v(), v(), v(), v(), v(), v(), v()];
const [big, f, s, s2, s4, hfsq, dk] = [v(), v(), v(), v(), v(), v(), v()];

const cst = op.f64x2Const;
const seq = (...parts: Code[]): Code => parts.flat();

/** dst = stdlib's exp(src), lane by lane, including its overflow, underflow and near-zero cases. */
function exp(src: number, dst: number): Code {
  const horner = seq(
    cst(P[4]),
    ...[3, 2, 1, 0].flatMap((n) => [op.get(rr), op.f64x2Mul(), cst(P[n]), op.f64x2Add()]),
  );
  // 2^κ for an integral double κ: its integer sits in the low bits of κ + 1.5·2^52, whose high
  // bits the shift by 52 discards.
  const twoTo = (kappa: Code): Code =>
    seq(kappa, cst(SHIFT), op.f64x2Add(), op.i64x2Const(1023n), op.i64x2Add(), op.i32(52)).concat(
      op.i64x2Shl(),
    );
  const halfK = seq(op.get(k), cst(0.5), op.f64x2Mul(), op.f64x2Trunc());
  return seq(
    // k = trunc(LOG2_E x ± 0.5), hi = x − k LN2_HI, lo = k LN2_LO, r = hi − lo
    seq(op.get(src), cst(LOG2_E), op.f64x2Mul()),
    seq(cst(-0.5), cst(0.5), op.get(src), cst(0), op.f64x2Lt(), op.bitselect()),
    seq(op.f64x2Add(), op.f64x2Trunc(), op.set(k)),
    seq(op.get(src), op.get(k), cst(LN2_HI), op.f64x2Mul(), op.f64x2Sub(), op.set(hi)),
    seq(op.get(k), cst(LN2_LO), op.f64x2Mul(), op.set(lo)),
    seq(op.get(hi), op.get(lo), op.f64x2Sub(), op.tee(r), op.get(r), op.f64x2Mul(), op.set(rr)),
    // c = r − t P(t),  y = 1 − ((lo − r c / (2 − c)) − hi),  t = r²
    seq(op.get(r), op.get(rr), horner, op.f64x2Mul(), op.f64x2Sub(), op.set(c)),
    seq(cst(1), op.get(lo), op.get(r), op.get(c), op.f64x2Mul(), cst(2), op.get(c)),
    seq(op.f64x2Sub(), op.f64x2Div(), op.f64x2Sub(), op.get(hi), op.f64x2Sub(), op.f64x2Sub()),
    op.set(p),
    // y · 2^k as y · 2^k₁ · 2^(k − k₁), k₁ = trunc(k/2): exact, then one rounding (as ldexp)
    seq(op.get(p), twoTo(halfK), op.f64x2Mul()),
    seq(twoTo(seq(op.get(k), halfK, op.f64x2Sub())), op.f64x2Mul(), op.set(dst)),
    // ldexp returns 0 when k + exponent(y) < −1074 (exponent(y) = −1 for y < 1)
    seq(cst(0), op.get(dst), op.get(k), cst(-1074), op.f64x2Lt()),
    seq(op.get(k), cst(-1074), op.f64x2Eq(), op.get(p), cst(1), op.f64x2Lt(), op.v128And()),
    seq(op.v128Or(), op.bitselect(), op.set(dst)),
    seq(cst(1), op.get(src), op.f64x2Add(), op.get(dst)),
    seq(op.get(src), op.f64x2Abs(), cst(NEARZERO), op.f64x2Lt(), op.bitselect(), op.set(dst)),
    seq(cst(Infinity), op.get(dst), op.get(src), cst(OVERFLOW), op.f64x2Gt(), op.bitselect()),
    seq(op.set(dst), cst(0), op.get(dst), op.get(src), cst(UNDERFLOW), op.f64x2Lt()),
    seq(op.bitselect(), op.set(dst)),
  );
}

/** dst = log1p(src) for src in [0, 1] (or NaN): fdlibm's log of 1 + f with f exact. */
function log1p(src: number, dst: number): Code {
  const poly = (w: number, coefficients: number[]): Code =>
    seq(
      cst(coefficients[coefficients.length - 1]),
      ...coefficients
        .slice(0, -1)
        .reverse()
        .flatMap((coefficient) => [op.get(w), op.f64x2Mul(), cst(coefficient), op.f64x2Add()]),
    );
  return seq(
    seq(op.get(src), cst(SQRT2_MINUS_1), op.f64x2Gt(), op.set(big)),
    // f = (src − 1)/2 with k = 1 above √2 − 1, else f = src with k = 0; s = f / (2 + f)
    seq(op.get(src), cst(1), op.f64x2Sub(), cst(0.5), op.f64x2Mul(), op.get(src), op.get(big)),
    seq(op.bitselect(), op.set(f), op.get(f), cst(2), op.get(f), op.f64x2Add(), op.f64x2Div()),
    seq(op.tee(s), op.get(s), op.f64x2Mul(), op.tee(s2), op.get(s2), op.f64x2Mul(), op.set(s4)),
    // R = s²(Lg1 + s⁴(Lg3 + …)) + s⁴(Lg2 + s⁴(Lg4 + s⁴ Lg6))
    seq(op.get(s2), poly(s4, [LG[0], LG[2], LG[4], LG[6]]), op.f64x2Mul()),
    seq(op.get(s4), poly(s4, [LG[1], LG[3], LG[5]]), op.f64x2Mul(), op.f64x2Add(), op.set(rr)),
    seq(cst(0.5), op.get(f), op.f64x2Mul(), op.get(f), op.f64x2Mul(), op.set(hfsq)),
    seq(cst(1), cst(0), op.get(big), op.bitselect(), op.set(dk)),
    // k ln2_hi − ((hfsq − (s (hfsq + R) + k ln2_lo)) − f)
    seq(op.get(dk), cst(LN2_HI), op.f64x2Mul(), op.get(hfsq), op.get(s), op.get(hfsq)),
    seq(op.get(rr), op.f64x2Add(), op.f64x2Mul(), op.get(dk), cst(LN2_LO), op.f64x2Mul()),
    seq(op.f64x2Add(), op.f64x2Sub(), op.get(f), op.f64x2Sub(), op.f64x2Sub(), op.set(dst)),
  );
}

/**
 * The logits of a group of `size` rows (4, 2, or 1 with a zero row in lane 1): vector q holds
 * the logits of pair q, summed in column order from b with one load per column (X is stored
 * as interleaved row pairs); four columns per iteration while four remain, then one at a time.
 * Two vectors make two independent add chains.
 */
function logits(size: Size): Code {
  const vectors = Math.ceil(size / 2);
  const term = (column: number): Code =>
    seq(
      ...Array.from({ length: vectors }, (_, q) =>
        seq(
          seq(op.get(zv[q]), op.get(pairPtr[q]), op.get(a0), op.i32Add()),
          op.v128Load(16 * column),
          q === 0 ? seq(op.get(aw), op.load64Splat(8 * column), op.tee(wSplat)) : op.get(wSplat),
          seq(op.f64x2Mul(), op.f64x2Add(), op.set(zv[q])),
        ),
      ),
    );
  // j: byte offset of column j in w (8j); a0: in a row pair (16j); aw: address in w
  const loopTo = (limit: number, columns: number, bodyCode: Code): Code =>
    seq(
      seq(op.block(), op.loop(), op.get(j), op.get(limit), op.i32GeS(), op.brIf(1)),
      seq(op.get(W), op.get(j), op.i32Add(), op.set(aw), op.get(j), op.i32(1), op.i32Shl()),
      seq(op.set(a0), bodyCode, op.get(j), op.i32(8 * columns), op.i32Add(), op.set(j)),
      seq(op.br(0), op.end(), op.end()),
    );
  return seq(
    ...Array.from({ length: vectors }, (_, q) => seq(op.get(B), op.f64x2Splat(), op.set(zv[q]))),
    seq(op.i32(0), op.set(j)),
    loopTo(colBytes4, 4, seq(term(0), term(1), term(2), term(3))),
    loopTo(colBytes, 1, term(0)),
  );
}

/** e = σ(z) − y (bit-for-bit expit) for the rows of vector q, and with withCost their losses. */
function errorsAndLosses(q: number): Code {
  const [z, y, loss] = [zv[q], yv[q], lossV[q]];
  return seq(
    seq(op.get(z), op.f64x2Neg(), op.set(t), exp(t, expMinusZ)),
    seq(cst(1), cst(1), op.get(expMinusZ), op.f64x2Add(), op.f64x2Div(), op.get(y)),
    seq(op.f64x2Sub(), op.tee(acc), op.f64x2ExtractLane(0), op.set(e[2 * q])),
    seq(op.get(acc), op.f64x2ExtractLane(1), op.set(e[2 * q + 1])),
    seq(op.get(WITH_COST), op.if()),
    // t = exp(−|z|): exp(−z) for z ≥ 0, 1/exp(−z) for z < 0, exp(z) where that could be subnormal
    seq(op.get(expMinusZ), cst(1), op.get(expMinusZ), op.f64x2Div(), op.get(z), cst(0)),
    seq(op.f64x2Ge(), op.bitselect(), op.set(t)),
    seq(op.get(z), cst(RECIPROCAL_LIMIT), op.f64x2Lt(), op.anyTrue(), op.if()),
    seq(exp(z, loss), op.get(loss), op.get(t), op.get(z), cst(RECIPROCAL_LIMIT)),
    seq(op.f64x2Lt(), op.bitselect(), op.set(t), op.end()),
    seq(log1p(t, loss), op.get(z), cst(1), cst(2), op.get(y), op.f64x2Mul(), op.f64x2Sub()),
    seq(op.f64x2Mul(), cst(0), op.f64x2Pmax(), op.get(loss), op.f64x2Add(), op.set(loss)),
    op.end(),
  );
}

/** errorSum += eᵢ and costSum += Lᵢ for the group's real rows, in row order. */
function sums(size: Size): Code {
  return seq(
    ...Array.from({ length: size }, (_, row) =>
      seq(
        seq(op.get(errorSum), op.get(e[row]), op.f64Add(), op.set(errorSum)),
        seq(op.get(costSum), op.get(lossV[row >> 1]), op.f64x2ExtractLane(row & 1)),
        seq(op.f64Add(), op.set(costSum)),
      ),
    ),
  );
}

/** Bytes 0–7 of a then of b (row 0 of a pair at two columns), and bytes 8–15 (row 1). */
const firstLanes = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const secondLanes = firstLanes.map((lane) => lane + 8);

/**
 * g[j:j+2] = (((g + x_row0 e0) + x_row1 e1) + …) over the group's real rows, two columns per
 * step: the pair's vectors at columns j and j+1 are shuffled into one row's two columns. For odd
 * cols the last step reads the next pair (or slack) into g's scratch entry.
 */
function accumulate(size: Size): Code {
  const rowTerm = (row: number): Code =>
    seq(
      seq(op.get(pairPtr[row >> 1]), op.get(a1), op.i32Add(), op.tee(aw), op.v128Load()),
      seq(op.get(aw), op.v128Load(16), op.shuffle(row & 1 ? secondLanes : firstLanes)),
      seq(op.get(e[row]), op.f64x2Splat(), op.f64x2Mul(), op.f64x2Add()),
    );
  // j: byte offset of columns j, j+1 in g (8j); a1 = 16j, their offset in a row pair
  return seq(
    seq(op.i32(0), op.set(j), op.block(), op.loop()),
    seq(op.get(j), op.get(colBytes), op.i32GeS(), op.brIf(1)),
    seq(op.get(j), op.i32(1), op.i32Shl(), op.set(a1)),
    seq(op.get(G), op.get(j), op.i32Add(), op.tee(a0), op.get(a0), op.v128Load()),
    ...Array.from({ length: size }, (_, row) => rowTerm(row)),
    seq(op.v128Store(), op.get(j), op.i32(16), op.i32Add(), op.set(j), op.br(0)),
    seq(op.end(), op.end()),
  );
}

/** The group's labels into yv (a pair per vector; a single row is splat). */
function labels(size: Size): Code {
  return seq(
    ...Array.from({ length: Math.ceil(size / 2) }, (_, q) =>
      seq(
        seq(op.get(Y), op.get(i), op.i32(2 * q), op.i32Add(), op.i32(8), op.i32Mul()),
        seq(op.i32Add(), size === 1 ? op.load64Splat() : op.v128Load(), op.set(yv[q])),
      ),
    ),
  );
}

/** pairPtr[q] = pairPtr[0] + q pairs, for the group's other pairs. */
const otherPairs = seq(
  ...pairPtr
    .slice(1)
    .map((ptr, q) =>
      seq(
        op.get(pairPtr[0]),
        op.get(rowBytes),
        op.i32(2 * (q + 1)),
        op.i32Mul(),
        op.i32Add(),
      ).concat(op.set(ptr)),
    ),
);

/** One group of `size` rows at row i (pair at pairPtr[0]): its logits, errors and losses. */
function errorsOfGroup(size: Size): Code {
  return seq(
    otherPairs,
    logits(size),
    labels(size),
    ...Array.from({ length: Math.ceil(size / 2) }, (_, q) => errorsAndLosses(q)),
  );
}

/** Moves to the next group: pairPtr[0] and i advance by `size` rows. */
function advance(size: Size): Code {
  return seq(
    seq(op.get(pairPtr[0]), op.get(rowBytes), op.i32(size), op.i32Mul(), op.i32Add()),
    seq(op.set(pairPtr[0]), op.get(i), op.i32(size), op.i32Add(), op.set(i)),
  );
}

/** Runs `groupCode` over rows 0 … ROWS−1: groups of four, then pairs, then one single row. */
function overRows(groupCode: (size: Size) => Code): Code {
  return seq(
    seq(op.get(X), op.set(pairPtr[0]), op.i32(0), op.set(i)),
    ...([GROUP, 2] as const).map((size) =>
      seq(
        seq(op.block(), op.loop()),
        seq(op.get(i), op.i32(size - 1), op.i32Add(), op.get(ROWS), op.i32GeS(), op.brIf(1)),
        seq(groupCode(size), advance(size), op.br(0), op.end(), op.end()),
      ),
    ),
    seq(op.get(i), op.get(ROWS), op.i32LtS(), op.if(), groupCode(1), op.end()),
  );
}

const setup = seq(
  seq(op.get(COLS), op.i32(8), op.i32Mul(), op.tee(colBytes), op.set(rowBytes)),
  seq(op.get(COLS), op.i32(-4), op.i32And(), op.i32(8), op.i32Mul(), op.set(colBytes4)),
  seq(op.f64(0), op.set(errorSum), op.f64(0), op.set(costSum)),
  ...lossV.map((loss) => seq(cst(0), op.set(loss))),
);

/** pass(x, y, w, g, out, rows, cols, b, withCost): the fused pass described above. */
const pass = seq(
  setup,
  overRows((size) => seq(errorsOfGroup(size), sums(size), accumulate(size))),
  seq(op.get(OUT), op.get(errorSum), op.f64Store()),
  seq(op.get(OUT), op.i32(8), op.i32Add(), op.get(costSum), op.f64Store()),
);

/** The module's bytes: `pass` over an imported memory `env.memory`. */
export const fusedPassModule: Uint8Array = encodeModule([
  { name: "pass", params, locals, body: pass },
]);
