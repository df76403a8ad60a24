/**
 * Sizes every data layout of the uniform-window kernels is built on, in one place. Both are
 * what every WebGPU adapter guarantees (the default maxUniformBufferBindingSize and
 * maxStorageBufferBindingSize), so a layout never depends on the adapter it was built for.
 */
import { FianetError } from '../errors.js';
import { f32ToF16Bits } from '../io/dtype.js';
import type { WeightDtype } from '../runtime/graph.js';

/** Floats in one 64 KiB uniform window: the largest uniform binding every adapter allows (llvmpipe's limit too). */
export const UNIFORM_WINDOW_FLOATS = 16384;

/** Bytes of a storage binding written one window at a time: 128 MiB, the default maxStorageBufferBindingSize. */
export const STORAGE_WINDOW_BYTES = 128 * 2 ** 20;

/**
 * matmul-blocked's operand layout: a matrix X [M, K] cut into blocks of MB rows x KC columns,
 *   [ceil(M / MB)][KB = ceil(K / KC)][MB][KC]   (rowsInner: blocks stored [KC][MB], W^T's layout)
 * zero padded, so every block is one uniform window. Defined once here for TypeScript (size,
 * index, window offset) and WGSL (blockedRowColFn, blockedSlotFn, blockedIndexFn); block-rows, patch-blocks and
 * im2col-blocks write it, as do layer-norm-rows and matmul-blocked when their output feeds only a
 * blocked product (lowering/fuse-block-rows.ts), matmul-blocked reads it, blockWeight lays weights
 * out in it at load.
 */
export interface BlockShape {
  MB: number;
  KC: number;
}

/** Floats of X [M, K] in blocks (times `batch` matrices laid out one after another). */
export function blockedSize(M: number, K: number, s: BlockShape, batch = 1): number {
  return batch * Math.ceil(M / s.MB) * Math.ceil(K / s.KC) * s.MB * s.KC;
}

/** The widest k-block (KC) of any blocked product. */
export const MAX_KC = 256;

/**
 * Floats of the window matmul-blocked declares for blocks of `rows` rows (A: MB, W: NB) at
 * any KC <= MAX_KC, so one pipeline serves every KC (each pipeline costs SwiftShader ~0.3-2 s
 * of CPU to create; bench/RESULTS.md).
 */
export function blockWindowFloats(rows: number): number {
  return Math.min(UNIFORM_WINDOW_FLOATS, MAX_KC * rows);
}

/**
 * Floats after the last block so that it can be bound as a whole declared window; zero for A's
 * blocks (MB x KC fills 64 KiB). Never read: loads stay inside the block.
 */
export function windowSlack(s: BlockShape): number {
  return blockWindowFloats(s.MB) - s.MB * s.KC;
}

/** Where X[m, k] is stored. */
export function blockedIndex(m: number, k: number, K: number, s: BlockShape, rowsInner = false): number {
  const block = Math.floor(m / s.MB) * Math.ceil(K / s.KC) + Math.floor(k / s.KC);
  const [r, c] = [m % s.MB, k % s.KC];
  return block * s.MB * s.KC + (rowsInner ? c * s.MB + r : r * s.KC + c);
}

/** Byte offset of block (mb, kb) of matrix z, with KB k-blocks and mBlocks row blocks per matrix. */
export function blockedWindow(mb: number, kb: number, KB: number, s: BlockShape, z = 0, mBlocks = 0): number {
  return ((z * mBlocks + mb) * KB + kb) * s.MB * s.KC * 4;
}

/**
 * matmul-blocked's W blocks stored as f16: each [KC][NB] block of blockWeight's f32 layout
 * (W^T) becomes [KC/4][NB/4][4 k][4 n] halves packed in pairs, so the 16 weights of one group
 * of 4 columns per 4 k are two vec4<u32> of the window, whichever groups a lane owns
 * (blockedWeightLoads): half the bytes of the f32 block with the same KC and NB (so the same A
 * blocks and tiles).
 */
export function packBlockedF16(blocked: Float32Array, KC: number, NB: number, where: string, into = new Uint32Array(blocked.length / 2)): Uint32Array {
  const halves = new Uint16Array(into.buffer, into.byteOffset, blocked.length);
  const block = KC * NB;
  for (let b0 = 0; b0 < blocked.length; b0 += block) {
    for (let k = 0; k < KC; k++) {
      for (let n = 0; n < NB; n++) {
        const v = blocked[b0 + k * NB + n];
        const h = f32ToF16Bits(v);
        if ((h & 0x7fff) === 0x7c00 && Number.isFinite(v)) throw new FianetError('bad-weights', `${where}: a value of ${v} is beyond the float16 range (65504); load it with weights dtype f32`);
        halves[b0 + ((k >> 2) * (NB >> 2) + (n >> 2)) * 16 + (k & 3) * 4 + (n & 3)] = h;
      }
    }
  }
  return into;
}

/**
 * WGSL statements declaring `${name}0` .. `${name}3`: the vec4s of columns 4 col4 .. 4 col4 + 3
 * of W^T at k = 4 k4 + 0..3 in the W window `binding`, stored in `dtype` (blockWeight's f32
 * layout, or packBlockedF16's), with `nb` columns per block. A lane owning several groups of
 * columns declares each under its own name.
 */
export function blockedWeightLoads(binding: string, dtype: WeightDtype, nb: number, k4: string, col4: string, name: string): string {
  const nb4 = nb / 4;
  if (dtype === 'f32') {
    return `    let ${name}at = ${k4} * ${4 * nb4}u + ${col4};
${[0, 1, 2, 3].map((j) => `    let ${name}${j} = ${binding}[${name}at${j ? ` + ${j * nb4}u` : ''}];`).join('\n')}`;
  }
  const half = (v: string, lo: string, hi: string) => `vec4(unpack2x16float(${v}.${lo}), unpack2x16float(${v}.${hi}))`;
  return `    let ${name}at = (${k4} * ${nb4}u + ${col4}) * 2u;
    let ${name}lo = ${binding}[${name}at];
    let ${name}hi = ${binding}[${name}at + 1u];
    let ${name}0 = ${half(`${name}lo`, 'x', 'y')};
    let ${name}1 = ${half(`${name}lo`, 'z', 'w')};
    let ${name}2 = ${half(`${name}hi`, 'x', 'y')};
    let ${name}3 = ${half(`${name}hi`, 'z', 'w')};`;
}

/**
 * `fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32`: where X[m, k] of an A operand is
 * stored (blockedIndex: blocks of MB x KC, MB = UNIFORM_WINDOW_FLOATS / KC, both powers of two),
 * and `fn blocked_k_count(cols: u32) -> u32` (KB = ceil(cols / KC)), for a producer that writes
 * the blocks itself instead of block-rows. KC is the uniform `params.out_kc_log2` (log2 KC,
 * outKcLog2), not a constant, so one pipeline serves every block shape: each pipeline costs
 * SwiftShader 0.3-2 s of CPU to create (bench/RESULTS.md, ready in seconds).
 */
export function blockedIndexFn(): string {
  const window = Math.log2(UNIFORM_WINDOW_FLOATS);
  return /* wgsl */ `
fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = ${window}u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << ${window}u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }
`;
}

/** The out_kc_log2 uniform of a producer storing A blocks of `s` (blockedIndexFn); 0 for row-major output. */
export function outKcLog2(s: BlockShape): number {
  const log2 = Math.log2(s.KC);
  if (!Number.isInteger(log2) || s.MB * s.KC !== UNIFORM_WINDOW_FLOATS) throw new FianetError('bad-graph', `a producer stores A blocks of ${UNIFORM_WINDOW_FLOATS} floats with KC a power of two, not ${s.MB} x ${s.KC}`);
  return log2;
}

/** A block shape read from uniforms: WGSL expressions for KC and MB (one pipeline for every shape). */
export interface BlockShapeWgsl {
  KC: string;
  MB: string;
}

/** `fn blocked_rc(i: u32, kb_count: u32) -> vec2u`: the row and column of X that element i of the layout holds (A blocks, a shape fixed in the shader). */
export function blockedRowColFn(s: BlockShape): string {
  const [KC, MB] = [`${s.KC}u`, `${s.MB}u`];
  return /* wgsl */ `
fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / ${s.MB * s.KC}u;
  return vec2u((block / kb_count) * ${MB} + (i / ${KC}) % ${MB}, (block % kb_count) * ${KC} + i % ${KC});
}`;
}

/**
 * `fn blocked_slot(j: u32, kb_count: u32) -> vec3u`: the j-th element of the layout when only
 * the first `rows` rows of every block are written (a WGSL expression; rows past a matrix's last
 * row feed only results a product never stores, so a matrix of one row block smaller than MB
 * leaves them unwritten): its row and column of X (x, y) and where it is stored (z).
 */
export function blockedSlotFn(s: BlockShapeWgsl, rowsInner: boolean, rows: string): string {
  const [r, c] = rowsInner ? [`e % ${rows}`, `e / ${rows}`] : [`e / ${s.KC}`, `e % ${s.KC}`];
  return /* wgsl */ `
fn blocked_slot(j: u32, kb_count: u32) -> vec3u {
  let block = j / (${rows} * ${s.KC});
  let e = j % (${rows} * ${s.KC});
  let r = ${r};
  let c = ${c};
  return vec3u((block / kb_count) * ${s.MB} + r, (block % kb_count) * ${s.KC} + c, block * ${s.MB} * ${s.KC} + ${rowsInner ? `c * ${s.MB} + r` : `r * ${s.KC} + c`});
}`;
}

/**
 * Elements a layout pass writes for `batch` matrices X [M, K] in blocks of `s` (blockedSlotFn):
 * every block's first min(M, MB) rows.
 */
export function blockedWrittenSize(M: number, K: number, s: BlockShape, batch = 1): number {
  return batch * Math.ceil(M / s.MB) * Math.ceil(K / s.KC) * Math.min(M, s.MB) * s.KC;
}

/**
 * window-attention-blocked's K/V layout (written by window-kv-blocks):
 *   [heads][TS]              the relative-position bias column of each head, table[:, h]
 *   [groups][2][J][N][D]     K (0) and V (1) of J consecutive windows of one head; group
 *                            g = head * ceil(windows / J) + win / J; N = window^2 positions
 * with TS and the K and V parts (J * N * D floats) rounded up to 64 floats, so every part
 * starts on a 256-byte uniform-buffer offset. J: as many windows as one uniform window of K
 * holds (a function of window and head dim only: few pipeline variants).
 */
export interface WindowKvLayout {
  /** Windows per group. */
  J: number;
  groups: number;
  /** Floats of one head's bias column, and of one K or V part. */
  TS: number;
  part: number;
  /** Floats of the whole layout. */
  size: number;
}

const roundUp = (n: number, m: number): number => Math.ceil(n / m) * m;

/** Floats of one head's relative-position bias column in the layout: (2 window - 1)^2 rounded up to 64. */
export const windowBiasFloats = (window: number): number => roundUp((2 * window - 1) ** 2, 64);

export function windowKvLayout(window: number, headDim: number, heads: number, windows: number): WindowKvLayout {
  const n = window * window;
  const J = Math.floor(UNIFORM_WINDOW_FLOATS / (n * headDim));
  const groups = Math.ceil(windows / J);
  const TS = windowBiasFloats(window);
  const part = roundUp(J * n * headDim, 64);
  return { J, groups, TS, part, size: heads * TS + heads * groups * 2 * part };
}

/** Byte offsets of head `head`'s bias column and of K and V of its group `group`. */
export function windowKvWindows(l: WindowKvLayout, heads: number, head: number, group: number): { k: number; v: number; table: number } {
  const k = (heads * l.TS + (head * l.groups + group) * 2 * l.part) * 4;
  return { k, v: k + l.part * 4, table: head * l.TS * 4 };
}

/**
 * `fn kv_index(head: u32, win: u32, part: u32, t: u32, e: u32) -> u32`: the vec4 of K (part 0) or
 * V (1) at position t, vec4 e of window win of head `head`, from uniforms heads, ts4 (TS / 4),
 * part4 (part / 4) and groups; J is a constant (a function of window and head dim).
 */
export function windowKvIndexFn(window: number, headDim: number): string {
  const [n, d4] = [window * window, headDim / 4];
  const J = windowKvLayout(window, headDim, 1, 1).J;
  return /* wgsl */ `
fn kv_index(head: u32, win: u32, part: u32, t: u32, e: u32) -> u32 {
  let group = head * params.groups + win / ${J}u;
  return params.heads * params.ts4 + (2u * group + part) * params.part4 + ((win % ${J}u) * ${n}u + t) * ${d4}u + e;
}`;
}
