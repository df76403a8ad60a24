/**
 * TIFF-aware mutations on the first IFD: an entry's tag, field type (including DOUBLE,
 * RATIONAL, signed and BigTIFF types), count and value/offset set to edge values; entries
 * duplicated or dropped (the IFD is rewritten at the end of the file); the next-IFD pointer
 * looped back; tile tags added to a strip image.
 */
import { concat, INTERESTING, writeInt } from '../mutate-bytes.js';
import type { Rng } from '../rng.js';

const TAGS = [256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 320, 322, 323, 324, 325, 338, 339, 530, 532];
const TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18, 0, 99];

export interface Ifd {
  le: boolean;
  entries: Uint8Array[];
  next: number;
}

export function read(b: Uint8Array, at: number, width: 2 | 4, le: boolean): number {
  let v = 0;
  for (let i = 0; i < width; i++) v += b[at + (le ? i : width - 1 - i)]! * 2 ** (8 * i);
  return v;
}

export function parseIfd(b: Uint8Array): Ifd | undefined {
  if (b.length < 8) return undefined;
  const le = b[0] === 0x49 && b[1] === 0x49;
  if (!le && !(b[0] === 0x4d && b[1] === 0x4d)) return undefined;
  const offset = read(b, 4, 4, le);
  if (offset + 2 > b.length) return undefined;
  const count = read(b, offset, 2, le);
  if (offset + 2 + 12 * count + 4 > b.length) return undefined;
  const entries = Array.from({ length: count }, (_, i) => b.slice(offset + 2 + 12 * i, offset + 14 + 12 * i));
  return { le, entries, next: read(b, offset + 2 + 12 * count, 4, le) };
}

/** The file with the IFD rewritten at its end and the header pointing there. */
export function withIfd(b: Uint8Array, ifd: Ifd): Uint8Array {
  const start = b.length + (b.length % 2);
  const table = new Uint8Array(2 + 12 * ifd.entries.length + 4);
  writeInt(table, 0, 2, ifd.entries.length, ifd.le);
  ifd.entries.forEach((e, i) => table.set(e, 2 + 12 * i));
  writeInt(table, table.length - 4, 4, ifd.next, ifd.le);
  const out = concat(b, new Uint8Array(start - b.length), table);
  writeInt(out, 4, 4, start, ifd.le);
  return out;
}

export type Mutation = (ifd: Ifd, rng: Rng, fileLength: number) => void;

export const entry = (le: boolean, tag: number, type: number, count: number, value: number): Uint8Array => {
  const e = new Uint8Array(12);
  writeInt(e, 0, 2, tag, le);
  writeInt(e, 2, 2, type, le);
  writeInt(e, 4, 4, count, le);
  writeInt(e, 8, 4, value, le);
  return e;
};

export const IFD_MUTATIONS: Mutation[] = [
  function fieldType(ifd, rng) {
    if (ifd.entries.length) writeInt(rng.pick(ifd.entries), 2, 2, rng.pick(TYPES), ifd.le);
  },
  function fieldCount(ifd, rng) {
    if (ifd.entries.length) writeInt(rng.pick(ifd.entries), 4, 4, rng.pick(INTERESTING), ifd.le);
  },
  function fieldValue(ifd, rng, fileLength) {
    if (!ifd.entries.length) return;
    const e = rng.pick(ifd.entries);
    const value = rng.chance(0.3) ? rng.int(fileLength + 16) : rng.pick(INTERESTING);
    // Short values sit in the first two bytes of the value field.
    if (read(e, 2, 2, ifd.le) === 3 && rng.chance(0.5)) writeInt(e, 8, 2, value, ifd.le);
    else writeInt(e, 8, 4, value, ifd.le);
  },
  function retag(ifd, rng) {
    if (ifd.entries.length) writeInt(rng.pick(ifd.entries), 0, 2, rng.pick(TAGS), ifd.le);
  },
  function duplicateOrDrop(ifd, rng) {
    const i = rng.int(ifd.entries.length);
    if (rng.chance(0.5)) ifd.entries.splice(i, 1);
    else if (ifd.entries.length) ifd.entries.splice(rng.int(ifd.entries.length), 0, ifd.entries[i]!.slice());
  },
  function tiles(ifd, rng) {
    const size = rng.pick([0, 1, 16, 17, 0xffff, 0x10000]);
    ifd.entries.push(entry(ifd.le, 322, 3, 1, size), entry(ifd.le, 323, 3, 1, rng.chance(0.5) ? size : rng.pick([0, 16, 0xffff])), entry(ifd.le, 324, 4, 1, 8), entry(ifd.le, 325, 4, 1, rng.pick(INTERESTING)));
    ifd.entries.sort((a, b) => read(a, 0, 2, ifd.le) - read(b, 0, 2, ifd.le));
  },
  function nextIfd(ifd, rng, fileLength) {
    ifd.next = rng.pick([fileLength + (fileLength % 2), 8, 4, 0xffffffff, rng.int(fileLength)]);
  },
];

export function mutateTiff(input: Uint8Array, rng: Rng): Uint8Array | undefined {
  const ifd = parseIfd(input);
  if (!ifd) return undefined;
  for (let n = 1 + rng.int(3); n > 0; n--) rng.pick(IFD_MUTATIONS)(ifd, rng, input.length);
  return withIfd(input, ifd);
}
