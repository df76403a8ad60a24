/**
 * Zip-aware mutations for .pth checkpoints: central-directory, local-header, EOCD and zip64
 * fields set to edge values; or the archive rebuilt with one entry's content mutated
 * (data.pkl through the pickle mutations) and correct CRCs, so the mutation reaches the
 * unpickler; entries stored or deflated, sizes that lie about inflation.
 */
import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from '../../src/io/zip.js';
import { concat, INTERESTING, mutateBytes, writeInt } from '../mutate-bytes.js';
import type { Rng } from '../rng.js';
import { mutatePickle } from './pickle.js';

interface Entry {
  name: string;
  data: Uint8Array;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) + u16(b, at + 2) * 65536) >>> 0;

function findEocd(b: Uint8Array): number {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) if (u32(b, at) === 0x06054b50) return at;
  return -1;
}

/** Offsets of every central-directory record. */
function centralRecords(b: Uint8Array, eocd: number): number[] {
  const out: number[] = [];
  for (let at = u32(b, eocd + 16), n = u16(b, eocd + 10); n > 0 && at + 46 <= b.length && u32(b, at) === 0x02014b50; n--) {
    out.push(at);
    at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32);
  }
  return out;
}

function entries(b: Uint8Array, eocd: number): Entry[] | undefined {
  const out: Entry[] = [];
  for (const c of centralRecords(b, eocd)) {
    const name = new TextDecoder().decode(b.subarray(c + 46, c + 46 + u16(b, c + 28)));
    const local = u32(b, c + 42);
    if (local + 30 > b.length) return undefined;
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    const raw = b.subarray(start, start + u32(b, c + 20));
    try {
      out.push({ name, data: u16(b, c + 10) === 8 ? inflateSync(raw) : raw.slice() });
    } catch {
      return undefined;
    }
  }
  return out;
}

/** A zip of `entries`, each stored or deflated; `lie` overwrites one entry's declared size. */
function build(list: readonly Entry[], rng: Rng): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const lieAt = rng.chance(0.2) ? rng.int(list.length) : -1;
  list.forEach((e, i) => {
    const name = new TextEncoder().encode(e.name);
    const deflate = rng.chance(0.3);
    const body = deflate ? deflateSync(e.data) : e.data;
    const size = i === lieAt ? rng.pick(INTERESTING) : e.data.length;
    const local = new Uint8Array(30);
    writeInt(local, 0, 4, 0x04034b50, true);
    writeInt(local, 8, 2, deflate ? 8 : 0, true);
    writeInt(local, 14, 4, crc32(e.data), true);
    writeInt(local, 18, 4, body.length, true);
    writeInt(local, 22, 4, size, true);
    writeInt(local, 26, 2, name.length, true);
    const central = new Uint8Array(46);
    writeInt(central, 0, 4, 0x02014b50, true);
    central.set(local.subarray(4, 30), 6);
    writeInt(central, 42, 4, offset, true);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  });
  const cd = concat(...centrals);
  const eocd = new Uint8Array(22);
  writeInt(eocd, 0, 4, 0x06054b50, true);
  writeInt(eocd, 8, 2, list.length, true);
  writeInt(eocd, 10, 2, list.length, true);
  writeInt(eocd, 12, 4, cd.length, true);
  writeInt(eocd, 16, 4, offset, true);
  return concat(...locals, cd, eocd);
}

/** Central record fields: version, flags, method, time, date, crc, sizes, name/extra/comment lengths, disk, attributes, offset. */
const CENTRAL_FIELDS: [number, 2 | 4][] = [[10, 2], [16, 4], [20, 4], [24, 4], [28, 2], [30, 2], [32, 2], [34, 2], [42, 4]];
const EOCD_FIELDS: [number, 2 | 4][] = [[8, 2], [10, 2], [12, 4], [16, 4], [20, 2]];

export function mutateZip(input: Uint8Array, rng: Rng, seeds: readonly Uint8Array[]): Uint8Array | undefined {
  const eocd = findEocd(input);
  if (eocd < 0) return undefined;
  const op = rng.int(4);
  if (op === 0) {
    const list = entries(input, eocd);
    if (!list?.length) return undefined;
    const e = list.find((x) => x.name.endsWith('.pkl') && rng.chance(0.7)) ?? rng.pick(list);
    e.data = e.name.endsWith('.pkl') ? mutatePickle(e.data, rng) : mutateBytes(e.data, rng, seeds);
    if (rng.chance(0.1)) list.push({ ...rng.pick(list) });
    return build(list, rng);
  }
  const out = input.slice();
  if (op === 1) {
    const [at, width] = rng.pick(EOCD_FIELDS);
    writeInt(out, eocd + at, width, rng.pick(INTERESTING), true);
    return out;
  }
  const records = centralRecords(input, eocd);
  if (!records.length) return undefined;
  const c = rng.pick(records);
  if (op === 2) {
    const [at, width] = rng.pick(CENTRAL_FIELDS);
    writeInt(out, c + at, width, rng.pick(INTERESTING), true);
    // The same field in the local header (sizes, method, lengths) half the time.
    const local = u32(input, c + 42);
    if (rng.chance(0.5) && at >= 10 && at <= 30 && local + 30 <= out.length) writeInt(out, local + at - 2, width, rng.pick(INTERESTING), true);
    return out;
  }
  // A zip64 extra field (id 1) with sizes that run past the record or claim 2^40 bytes.
  writeInt(out, c + 20, 4, 0xffffffff, true);
  writeInt(out, c + 24, 4, 0xffffffff, true);
  const extra = new Uint8Array(4 + 8 * rng.int(4));
  writeInt(extra, 0, 2, 1, true);
  writeInt(extra, 2, 2, rng.chance(0.5) ? extra.length - 4 : rng.pick(INTERESTING), true);
  for (let at = 4; at < extra.length; at += 8) writeInt(extra, at, 8, rng.pick(INTERESTING), true);
  const nameEnd = c + 46 + u16(input, c + 28);
  writeInt(out, c + 30, 2, extra.length, true);
  const patched = concat(out.subarray(0, nameEnd), extra, out.subarray(nameEnd + u16(input, c + 30)));
  const shift = patched.length - out.length;
  const eocdAt = eocd + shift;
  writeInt(patched, eocdAt + 12, 4, u32(input, eocd + 12) + shift, true);
  return patched;
}
