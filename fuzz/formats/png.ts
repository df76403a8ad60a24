/**
 * PNG-aware mutations: chunk fields and payloads with the CRC recomputed (so the decoder
 * gets past the checksum), IHDR fields, the filtered scanlines inside IDAT (inflated,
 * mutated, deflated again), chunks duplicated, dropped or moved, and inserted PLTE / tRNS /
 * iCCP / zTXt chunks, including deflate bombs.
 */
import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from '../../src/io/zip.js';
import { concat, INTERESTING, mutateBytes, reorderParts, writeInt } from '../mutate-bytes.js';
import type { Rng } from '../rng.js';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
interface Chunk {
  type: string;
  data: Uint8Array;
  /** A length field that disagrees with the data (written as is). */
  lie?: number;
}

function parse(b: Uint8Array): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let at = 8; at + 12 <= b.length; ) {
    const length = v.getUint32(at);
    if (at + 12 + length > b.length) return undefined;
    chunks.push({ type: String.fromCharCode(...b.subarray(at + 4, at + 8)), data: b.slice(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks.length ? chunks : undefined;
}

function build(chunks: readonly Chunk[]): Uint8Array {
  const parts: Uint8Array[] = [SIGNATURE];
  for (const c of chunks) {
    const head = new Uint8Array(8);
    writeInt(head, 0, 4, c.lie ?? c.data.length, false);
    head.set([...c.type].map((ch) => ch.charCodeAt(0) & 0xff), 4);
    const crc = new Uint8Array(4);
    writeInt(crc, 0, 4, crc32(concat(head.subarray(4), c.data)), false);
    parts.push(head, c.data, crc);
  }
  return concat(...parts);
}

let bomb: Uint8Array | undefined;
/** 64 MiB of zeros in ~64 KB: a chunk that inflates far past its size. */
const deflateBomb = (): Uint8Array => (bomb ??= deflateSync(new Uint8Array(64 << 20), { level: 9 }));

type Mutation = (chunks: Chunk[], rng: Rng, seeds: readonly Uint8Array[]) => void;

const MUTATIONS: Mutation[] = [
  function ihdrField(chunks, rng) {
    const ihdr = chunks.find((c) => c.type === 'IHDR');
    if (!ihdr || ihdr.data.length < 13) return;
    const field = rng.int(7);
    if (field < 2) writeInt(ihdr.data, field * 4, 4, rng.chance(0.5) ? rng.pick(INTERESTING) : 1 + rng.int(70000), false);
    else if (field === 2) ihdr.data[8] = rng.pick([1, 2, 4, 8, 16, 0, 3, 32]);
    else if (field === 3) ihdr.data[9] = rng.pick([0, 2, 3, 4, 6, 1, 5, 7]);
    else ihdr.data[8 + field - 2] = rng.pick([0, 1, 2, 255]);
  },
  function chunkPayload(chunks, rng, seeds) {
    const c = rng.pick(chunks);
    c.data = mutateBytes(c.data, rng, seeds);
  },
  function scanlines(chunks, rng, seeds) {
    const idat = chunks.filter((c) => c.type === 'IDAT');
    if (!idat.length) return;
    let raw: Uint8Array;
    try {
      raw = inflateSync(concat(...idat.map((c) => c.data)));
    } catch {
      return;
    }
    raw = rng.chance(0.3) ? raw.slice(0, rng.int(raw.length + 1)) : mutateBytes(raw, rng, seeds);
    const first = chunks.indexOf(idat[0]!);
    const rest = chunks.filter((c) => c.type !== 'IDAT');
    rest.splice(first, 0, { type: 'IDAT', data: deflateSync(raw) });
    chunks.splice(0, chunks.length, ...rest);
  },
  (chunks, rng) => reorderParts(chunks, rng),
  function insertChunk(chunks, rng) {
    const at = 1 + rng.int(chunks.length);
    const kind = rng.int(5);
    const chunk: Chunk =
      kind === 0
        ? { type: 'PLTE', data: rng.bytes(3 * rng.int(300)) }
        : kind === 1
          ? { type: 'tRNS', data: rng.bytes(rng.int(300)) }
          : kind === 2
            ? { type: 'iCCP', data: concat(new TextEncoder().encode('icc\0\0'), deflateBomb()) }
            : kind === 3
              ? { type: 'IDAT', data: deflateBomb() }
              : { type: rng.pick(['zTXt', 'iTXt', 'tEXt', 'acTL', 'fdAT', 'IEND']), data: rng.bytes(rng.int(64)) };
    chunks.splice(at, 0, chunk);
  },
  function lengthLie(chunks, rng) {
    rng.pick(chunks).lie = rng.pick(INTERESTING);
  },
];

export function mutatePng(input: Uint8Array, rng: Rng, seeds: readonly Uint8Array[]): Uint8Array | undefined {
  const chunks = parse(input);
  if (!chunks) return undefined;
  for (let n = 1 + rng.int(3); n > 0; n--) rng.pick(MUTATIONS)(chunks, rng, seeds);
  return build(chunks);
}
