/**
 * Safetensors-aware mutations: the JSON header's dtypes, shapes, data offsets and metadata
 * (including the fianet_config string), tens of thousands of extra entries, and a header
 * length field that lies; the data area is kept, so offsets still point into real bytes.
 */
import { concat, INTERESTING, writeInt } from '../mutate-bytes.js';
import type { Rng } from '../rng.js';
import { mutateJsonText, mutateJsonValue } from './json.js';

const DTYPES = ['F32', 'F16', 'BF16', 'F64', 'I64', 'I32', 'I16', 'I8', 'U8', 'BOOL', 'F8_E4M3', 'U64', 'x', ''];
const SHAPES = [[], [0], [-1], [2 ** 31, 2 ** 31], [1.5], [2 ** 53], [65536, 65536, 65536], [1, 1, 1, 1, 1, 1, 1, 1, 1], [3, 0, 5]];
const OFFSETS = [[0, 0], [8, 4], [0, 2 ** 53], [-4, 0], [0], [0, 2 ** 40], [1, 5], [0, 1e308]];

type Header = Record<string, { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | Record<string, unknown>>;

function parse(b: Uint8Array): { header: Header; data: Uint8Array } | undefined {
  if (b.length < 8) return undefined;
  const n = Number(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true));
  if (n > b.length - 8) return undefined;
  try {
    return { header: JSON.parse(new TextDecoder().decode(b.subarray(8, 8 + n))) as Header, data: b.subarray(8 + n) };
  } catch {
    return undefined;
  }
}

function build(headerText: string, data: Uint8Array, lie?: number): Uint8Array {
  const header = new TextEncoder().encode(headerText);
  const length = new Uint8Array(8);
  writeInt(length, 0, 8, lie ?? header.length, true);
  return concat(length, header, data);
}

export function mutateSafetensors(input: Uint8Array, rng: Rng): Uint8Array | undefined {
  const parsed = parse(input);
  if (!parsed) return undefined;
  const { header, data } = parsed;
  const names = Object.keys(header).filter((k) => k !== '__metadata__');
  const op = rng.int(7);
  const entry = names.length ? (header[rng.pick(names)] as Record<string, unknown>) : undefined;
  if (op === 0 && entry) entry.dtype = rng.chance(0.8) ? rng.pick(DTYPES) : rng.pick([42, null, ['F32']]);
  else if (op === 1 && entry) entry.shape = rng.chance(0.8) ? rng.pick(SHAPES) : [rng.pick(INTERESTING), rng.pick(INTERESTING)];
  else if (op === 2 && entry) entry.data_offsets = rng.chance(0.7) ? rng.pick(OFFSETS) : [rng.int(data.length + 8), rng.int(data.length + 8)];
  else if (op === 3) {
    const meta = (header.__metadata__ ?? {}) as Record<string, unknown>;
    if (typeof meta.fianet_config === 'string' && rng.chance(0.6)) meta.fianet_config = mutateJsonText(meta.fianet_config, rng) ?? meta.fianet_config;
    else meta[rng.pick(['fianet_config', 'format', 'fianet_bn_folded', 'x'])] = rng.pick([1, null, {}, 'true', 'maybe', '{']);
    header.__metadata__ = meta;
  } else if (op === 4 && entry) {
    // Many entries sharing one tensor's bytes (140k tensors broke `info` once).
    const count = rng.chance(0.3) ? 140_000 : 1 + rng.int(1000);
    for (let i = 0; i < count; i++) header[`t.${i}`] = { ...entry };
  } else if (op === 5) return build(mutateJsonValue(header, rng), data);
  else return build(JSON.stringify(header), data, rng.pick(INTERESTING));
  return build(JSON.stringify(header), data);
}
