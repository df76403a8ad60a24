/**
 * Format-blind mutations (AFL-style): bit flips, random bytes, inserts, deletes, duplicated
 * ranges, splices with another seed, truncation, and "interesting" integers (0, -1, powers of
 * two and their neighbours) written at 1, 2, 4 or 8 bytes in either byte order.
 */
import { concat as join } from '../src/io/png-encode.js';
import type { Rng } from './rng.js';

/** Values that sit on the edges parsers get wrong: sign bits, 2^31, 2^32, lengths near zero. */
export const INTERESTING = [0, 1, 2, 7, 8, 16, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 2 ** 32, 2 ** 40, 2 ** 53 - 1, -1, -2, -0x80000000];

export function writeInt(bytes: Uint8Array, at: number, width: 1 | 2 | 4 | 8, value: number, littleEndian: boolean): void {
  const v = BigInt.asUintN(64, BigInt(Math.trunc(value)));
  for (let i = 0; i < width && at + i < bytes.length; i++) {
    const shift = BigInt(8 * (littleEndian ? i : width - 1 - i));
    bytes[at + i] = Number((v >> shift) & 0xffn);
  }
}

const concat = (...parts: Uint8Array[]): Uint8Array => join(parts);

type ByteMutation = (input: Uint8Array, rng: Rng, seeds: readonly Uint8Array[]) => Uint8Array;

const MUTATIONS: ByteMutation[] = [
  function flipBit(b, rng) {
    const out = b.slice();
    if (out.length) out[rng.int(out.length)] ^= 1 << rng.int(8);
    return out;
  },
  function randomByte(b, rng) {
    const out = b.slice();
    if (out.length) out[rng.int(out.length)] = rng.int(256);
    return out;
  },
  function insertBytes(b, rng) {
    const at = rng.int(b.length + 1);
    return concat(b.subarray(0, at), rng.bytes(1 + rng.int(rng.chance(0.1) ? 4096 : 16)), b.subarray(at));
  },
  function deleteRange(b, rng) {
    const at = rng.int(b.length);
    return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + rng.int(64))));
  },
  function duplicateRange(b, rng) {
    const at = rng.int(b.length);
    const piece = b.subarray(at, at + 1 + rng.int(256));
    const to = rng.int(b.length + 1);
    return concat(b.subarray(0, to), ...Array.from({ length: 1 + rng.int(rng.chance(0.1) ? 64 : 3) }, () => piece), b.subarray(to));
  },
  function splice(b, rng, seeds) {
    const other = rng.pick(seeds);
    const cut = rng.int(b.length + 1);
    return concat(b.subarray(0, cut), other.subarray(rng.int(other.length + 1)));
  },
  function truncate(b, rng) {
    return b.slice(0, rng.int(b.length + 1));
  },
  function interestingInt(b, rng) {
    const out = b.slice();
    if (out.length) writeInt(out, rng.int(out.length), rng.pick([1, 2, 4, 8] as const), rng.pick(INTERESTING), rng.chance(0.5));
    return out;
  },
];

/** One to four stacked byte mutations. */
export function mutateBytes(input: Uint8Array, rng: Rng, seeds: readonly Uint8Array[]): Uint8Array {
  let out = input;
  for (let n = 1 + rng.int(4); n > 0; n--) out = rng.pick(MUTATIONS)(out, rng, seeds);
  return out;
}

export { concat };

/** Drops, duplicates or swaps parts of a parsed file (PNG chunks, JPEG segments). */
export function reorderParts<T extends { data: Uint8Array }>(parts: T[], rng: Rng): void {
  const [i, j] = [rng.int(parts.length), rng.int(parts.length)];
  const op = rng.int(3);
  if (op === 0) parts.splice(i, 1);
  else if (op === 1) parts.splice(j, 0, { ...parts[i]!, data: parts[i]!.data.slice() });
  else [parts[i], parts[j]] = [parts[j]!, parts[i]!];
}
