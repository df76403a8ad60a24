/**
 * Sizes every data layout of the uniform-window kernels is built on, in one place. Both are
 * what every WebGPU adapter guarantees (the default maxUniformBufferBindingSize and
 * maxStorageBufferBindingSize), so a layout never depends on the adapter it was built for.
 */

/** Floats in one 64 KiB uniform window: the largest uniform binding every adapter allows (llvmpipe's limit too). */
export const UNIFORM_WINDOW_FLOATS = 16384;

/** Bytes of a storage binding written one window at a time: 128 MiB, the default maxStorageBufferBindingSize. */
export const STORAGE_WINDOW_BYTES = 128 * 2 ** 20;

/**
 * matmul-blocked's operand layout: a matrix X [M, K] cut into blocks of MB rows x KC columns,
 *   [ceil(M / MB)][KB = ceil(K / KC)][MB][KC]   (rowsInner: blocks stored [KC][MB], W^T's layout)
 * zero padded, so every block is one uniform window. Defined once here for TypeScript (size,
 * index, window offset) and WGSL (blockedRowColFn); block-rows, patch-blocks and im2col-blocks
 * write it, matmul-blocked reads it, blockWeight lays weights out in it at load.
 */
export interface BlockShape {
  MB: number;
  KC: number;
}

/** Floats of X [M, K] in blocks (times `batch` matrices laid out one after another). */
export function blockedSize(M: number, K: number, s: BlockShape, batch = 1): number {
  return batch * Math.ceil(M / s.MB) * Math.ceil(K / s.KC) * s.MB * s.KC;
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

/** `fn blocked_rc(i: u32, kb_count: u32) -> vec2u`: the row and column of X that element i of the layout holds. */
export function blockedRowColFn(s: BlockShape, rowsInner = false): string {
  const [row, col] = rowsInner ? [`i % ${s.MB}u`, `(i / ${s.MB}u) % ${s.KC}u`] : [`(i / ${s.KC}u) % ${s.MB}u`, `i % ${s.KC}u`];
  return /* wgsl */ `
fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / ${s.MB * s.KC}u;
  return vec2u((block / kb_count) * ${s.MB}u + ${row}, (block % kb_count) * ${s.KC}u + ${col});
}`;
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
 * part4 (part / 4), groups and group_wins (J).
 */
export function windowKvIndexFn(window: number, headDim: number): string {
  const [n, d4] = [window * window, headDim / 4];
  return /* wgsl */ `
fn kv_index(head: u32, win: u32, part: u32, t: u32, e: u32) -> u32 {
  let group = head * params.groups + win / params.group_wins;
  return params.heads * params.ts4 + (2u * group + part) * params.part4 + ((win % params.group_wins) * ${n}u + t) * ${d4}u + e;
}`;
}
