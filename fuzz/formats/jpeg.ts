/**
 * JPEG-aware mutations: marker segments (SOF dimensions, components and sampling factors;
 * DHT / DQT / DRI payloads; segment lengths), segments duplicated, dropped or retyped (SOF0 to
 * progressive, lossless or arithmetic), and the entropy-coded data after SOS.
 */
import { concat, INTERESTING, mutateBytes, reorderParts, writeInt } from '../mutate-bytes.js';
import type { Rng } from '../rng.js';

interface Segment {
  marker: number;
  /** Payload after the length field (or the entropy data for a pseudo-segment with marker 0). */
  data: Uint8Array;
  lie?: number;
}

const STANDALONE = (m: number) => m === 0xd8 || m === 0xd9 || m === 0x01 || (m >= 0xd0 && m <= 0xd7);

function parse(b: Uint8Array): Segment[] | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  const out: Segment[] = [];
  let at = 2;
  while (at + 1 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    at += 2;
    if (STANDALONE(marker)) {
      out.push({ marker, data: new Uint8Array(0) });
      continue;
    }
    if (at + 2 > b.length) return undefined;
    const length = (b[at]! << 8) | b[at + 1]!;
    out.push({ marker, data: b.slice(at + 2, at + length) });
    at += length;
    if (marker === 0xda) {
      // Entropy data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      let end = at;
      while (end + 1 < b.length && !(b[end] === 0xff && b[end + 1] !== 0 && !(b[end + 1]! >= 0xd0 && b[end + 1]! <= 0xd7))) end++;
      out.push({ marker: 0, data: b.slice(at, end) });
      at = end;
    }
  }
  return out;
}

function build(segments: readonly Segment[]): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0xff, 0xd8)];
  for (const s of segments) {
    if (s.marker === 0) parts.push(s.data);
    else if (STANDALONE(s.marker)) parts.push(Uint8Array.of(0xff, s.marker));
    else {
      const head = Uint8Array.of(0xff, s.marker, 0, 0);
      writeInt(head, 2, 2, s.lie ?? s.data.length + 2, false);
      parts.push(head, s.data);
    }
  }
  return concat(...parts);
}

type Mutation = (segments: Segment[], rng: Rng, seeds: readonly Uint8Array[]) => void;
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

const MUTATIONS: Mutation[] = [
  function frameHeader(segments, rng) {
    const sof = segments.find((s) => isSof(s.marker));
    if (!sof || sof.data.length < 6) return;
    const field = rng.int(5);
    if (field === 0) sof.data[0] = rng.pick([8, 12, 16, 0, 255]);
    else if (field === 1 || field === 2) writeInt(sof.data, 1 + 2 * (field - 1), 2, rng.pick([0, 1, 0xffff, 0x8000, 3, 65500]), false);
    else if (field === 3) sof.data[5] = rng.pick([0, 1, 2, 3, 4, 255]);
    else if (sof.data.length > 6) sof.data[6 + rng.int(sof.data.length - 6)] = rng.pick([0x11, 0x22, 0x44, 0x41, 0x14, 0x00, 0xff, 3, 4]);
  },
  function retypeFrame(segments, rng) {
    const sof = segments.find((s) => isSof(s.marker));
    if (sof) sof.marker = rng.pick([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc9, 0xca, 0xcb]);
  },
  function payload(segments, rng, seeds) {
    const s = rng.pick(segments);
    s.data = mutateBytes(s.data, rng, seeds);
  },
  (segments, rng) => reorderParts(segments, rng),
  function lengthLie(segments, rng) {
    rng.pick(segments).lie = rng.pick(INTERESTING) & 0xffff;
  },
  function restartMarkers(segments, rng) {
    const data = segments.find((s) => s.marker === 0);
    if (!data || !data.data.length) return;
    const at = rng.int(data.data.length);
    data.data = concat(data.data.subarray(0, at), Uint8Array.of(0xff, 0xd0 + rng.int(8)), data.data.subarray(at));
    if (rng.chance(0.5)) segments.splice(1, 0, { marker: 0xdd, data: Uint8Array.of(0, rng.int(4)) });
  },
];

export function mutateJpeg(input: Uint8Array, rng: Rng, seeds: readonly Uint8Array[]): Uint8Array | undefined {
  const segments = parse(input);
  if (!segments?.length) return undefined;
  for (let n = 1 + rng.int(3); n > 0; n--) rng.pick(MUTATIONS)(segments, rng, seeds);
  return build(segments);
}
