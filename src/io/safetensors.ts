/**
 * safetensors, read and written by us: an 8-byte little-endian header length, a JSON header
 * `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {string: string}}`
 * padded with spaces, then the raw little-endian data. The header is validated in full when
 * the file is opened; tensor data is read from the source one tensor at a time, so a file of
 * several GB is never held in memory (nor twice). Browser-safe: no Node imports here.
 */
import { FianetError, quote } from '../errors.js';
import { DTYPE_SIZE, isDtype, numel, shapeText, toFloat32, toInt32, type Dtype } from './dtype.js';
import { nameLabel } from './name-label.js';

export type { Dtype } from './dtype.js';

/** Random-access bytes: a file handle (Node), a Blob (browser) or bytes in memory. */
export interface ByteSource {
  readonly size: number;
  /** Names the source in error messages (a file name). */
  readonly label: string;
  /** Exactly `length` bytes at `offset`, or a FianetError. May alias the source's memory. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Every read returns bytes of their own (not aliased, not kept): readers may keep them as they are. */
  readonly freshReads?: boolean;
  close?(): Promise<void>;
}

function checkRange(label: string, size: number, offset: number, length: number): void {
  if (offset < 0 || length < 0 || offset + length > size) {
    throw new FianetError('bad-input', `${label}: read of ${length} bytes at offset ${offset} is past the end (${size} bytes)`);
  }
}

export function bytesSource(bytes: Uint8Array, label: string): ByteSource {
  return {
    size: bytes.byteLength,
    label,
    read: async (offset, length) => {
      checkRange(label, bytes.byteLength, offset, length);
      return bytes.subarray(offset, offset + length);
    },
  };
}

export function blobSource(blob: Blob, label: string): ByteSource {
  return {
    size: blob.size,
    label,
    freshReads: true,
    read: async (offset, length) => {
      checkRange(label, blob.size, offset, length);
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  };
}

export interface TensorInfo {
  readonly name: string;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  /** Byte range [begin, end) relative to the start of the data area. */
  readonly dataOffsets: readonly [number, number];
}

export interface SafetensorsFile {
  readonly label: string;
  readonly metadata: Readonly<Record<string, string>>;
  /** In header order (names sorted, as written by the reference writers). */
  readonly tensors: ReadonlyMap<string, TensorInfo>;
  /** Absolute file offset of the data area (8 + header length). */
  readonly dataStart: number;
  /** The tensor's raw little-endian bytes (may alias the source's memory). */
  readRaw(name: string): Promise<Uint8Array>;
  /** Any dtype as float32 (F16/BF16 widened exactly; F64/I64 rounded). */
  readF32(name: string): Promise<Float32Array>;
  /** Integer and BOOL tensors as int32; float tensors and out-of-range int64 are refused. */
  readInt32(name: string): Promise<Int32Array>;
}

/** Headers of real checkpoints are a few hundred KB; anything past this is corruption. */
export const MAX_HEADER_BYTES = 100_000_000;

export async function openSafetensors(source: ByteSource): Promise<SafetensorsFile> {
  const label = source.label;
  function fail(what: string): never {
    throw new FianetError('bad-input', `${label}: ${what}`);
  }
  if (source.size < 8) fail(`file is ${source.size} bytes, too short for a safetensors header (8-byte length + JSON)`);
  const lenBytes = await source.read(0, 8);
  const headerLen = new DataView(lenBytes.buffer, lenBytes.byteOffset, 8).getBigUint64(0, true);
  if (headerLen > BigInt(MAX_HEADER_BYTES)) {
    fail(`header length ${headerLen} is over the ${MAX_HEADER_BYTES}-byte limit: not a safetensors file, or corrupt`);
  }
  const n = Number(headerLen);
  if (8 + n > source.size) {
    fail(`header length ${n} runs past the end of the file (${source.size} bytes): truncated or not a safetensors file`);
  }
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await source.read(8, n));
  } catch (e) {
    if (e instanceof FianetError) throw e;
    fail('header is not valid UTF-8');
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    fail(`header is not valid JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    fail(`header must be a JSON object, got ${Array.isArray(header) ? 'an array' : typeof header}`);
  }
  const dataStart = 8 + n;
  const dataSize = source.size - dataStart;
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, TensorInfo>();
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail('__metadata__ must be an object of strings');
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(`__metadata__ value of ${nameLabel(k)} must be a string, got ${quote(v)}`);
        metadata[k] = v;
      }
      continue;
    }
    tensors.set(name, parseEntry(label, name, entry, dataSize));
  }
  checkOverlaps(label, [...tensors.values()]);

  const info = (name: string): TensorInfo => {
    const t = tensors.get(name);
    if (!t) {
      const close = closeNames(name, [...tensors.keys()]);
      throw new FianetError(
        'bad-weights',
        `${label}: no tensor ${nameLabel(name)}` + (close.length ? `; close names: ${close.map((c) => nameLabel(c)).join(', ')}` : ''),
      );
    }
    return t;
  };
  const readRaw = async (name: string) => {
    const t = info(name);
    return source.read(dataStart + t.dataOffsets[0], t.dataOffsets[1] - t.dataOffsets[0]);
  };
  return {
    label,
    metadata,
    tensors,
    dataStart,
    readRaw,
    readF32: async (name) => toFloat32(info(name).dtype, await readRaw(name), source.freshReads),
    readInt32: async (name) => toInt32(info(name).dtype, await readRaw(name), `${label}: tensor ${nameLabel(name)}`),
  };
}

function parseEntry(label: string, name: string, entry: unknown, dataSize: number): TensorInfo {
  function fail(what: string): never {
    throw new FianetError('bad-input', `${label}: tensor ${nameLabel(name)}: ${what}`);
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail('header entry must be an object');
  const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
  if (!isDtype(dtype)) {
    fail(`${dtype === undefined ? 'no dtype' : `unknown dtype ${quote(dtype)}`} (known: ${Object.keys(DTYPE_SIZE).join(', ')})`);
  }
  const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    fail(`shape must be an array of non-negative integers, got ${quote(shape)}`);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[0] > offsets[1]) {
    fail(`data_offsets must be [begin, end] with 0 <= begin <= end, got ${quote(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  const need = numel(shape) * DTYPE_SIZE[dtype];
  if (need !== end - begin) {
    const shown = shape.length > 8 ? `${quote(shape)} (${shape.length} dimensions)` : shapeText(shape);
    fail(`shape ${shown} x ${dtype} needs ${Number.isSafeInteger(need) ? need : 'more than 2^53'} bytes, data_offsets give ${end - begin}`);
  }
  if (end > dataSize) {
    fail(`data_offsets [${begin}, ${end}] run past the end of the data area (${dataSize} bytes): file truncated?`);
  }
  return { name, dtype, shape, dataOffsets: [begin, end] };
}

function checkOverlaps(label: string, infos: TensorInfo[]): void {
  const sorted = infos.filter((t) => t.dataOffsets[1] > t.dataOffsets[0]).sort((a, b) => a.dataOffsets[0] - b.dataOffsets[0]);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.dataOffsets[0] < prev.dataOffsets[1]) {
      throw new FianetError(
        'bad-input',
        `${label}: tensor ${nameLabel(cur.name)}: data_offsets [${cur.dataOffsets.join(', ')}] overlap tensor ${nameLabel(prev.name)} [${prev.dataOffsets.join(', ')}]`,
      );
    }
  }
}

/** Up to `count` candidates nearest to `name` by edit distance, for "did you mean" hints. */
export function closeNames(name: string, candidates: readonly string[], count = 3): string[] {
  const limit = Math.max(3, Math.floor(name.length / 2));
  return candidates
    .map((c) => ({ c, d: editDistance(name, c) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, count)
    .map((x) => x.c);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** What the header says of a tensor; its data comes separately. */
export interface TensorSpec {
  readonly name: string;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
}

export interface TensorToWrite extends TensorSpec {
  /** Little-endian element data, exactly numel(shape) * size(dtype) bytes. */
  readonly data: ArrayBufferView;
}

/**
 * The header of a safetensors file (length prefix included) and the order in which the
 * tensors' data must follow it. Names are sorted with `__metadata__` first and the JSON is
 * padded with spaces so the data starts at a multiple of 8, as the reference writer does.
 * Data is ordered by element size, largest first, then by name, so every tensor starts
 * aligned to its element size. Lets a writer stream tensors one at a time.
 */
export function safetensorsLayout<T extends TensorSpec>(
  specs: readonly T[],
  metadata?: Readonly<Record<string, string>>,
): { header: Uint8Array; order: T[] } {
  const seen = new Set<string>();
  for (const t of specs) {
    const where = `safetensors writer: tensor '${t.name}'`;
    if (t.name === '__metadata__' || seen.has(t.name)) throw new FianetError('bad-input', `${where}: duplicate or reserved name`);
    seen.add(t.name);
    if (!isDtype(t.dtype)) throw new FianetError('bad-input', `${where}: unknown dtype ${quote(t.dtype)}`);
    if (!t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      throw new FianetError('bad-input', `${where}: bad shape ${quote(t.shape)}`);
    }
  }
  const byName = (a: TensorSpec, b: TensorSpec) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const order = [...specs].sort((a, b) => DTYPE_SIZE[b.dtype] - DTYPE_SIZE[a.dtype] || byName(a, b));
  const offsets = new Map<string, [number, number]>();
  let pos = 0;
  for (const t of order) {
    const size = numel(t.shape) * DTYPE_SIZE[t.dtype];
    offsets.set(t.name, [pos, pos + size]);
    pos += size;
  }
  // Built by hand because JSON.stringify puts integer-like keys ("0", "1") first.
  const entries: string[] = [];
  if (metadata && Object.keys(metadata).length > 0) {
    const keys = Object.keys(metadata).sort();
    entries.push(`"__metadata__":{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(metadata[k])}`).join(',')}}`);
  }
  for (const t of [...specs].sort(byName)) {
    const entry = { dtype: t.dtype, shape: t.shape, data_offsets: offsets.get(t.name) };
    entries.push(`${JSON.stringify(t.name)}:${JSON.stringify(entry)}`);
  }
  const json = new TextEncoder().encode(`{${entries.join(',')}}`);
  const headerLen = Math.ceil(json.byteLength / 8) * 8;
  const header = new Uint8Array(8 + headerLen).fill(0x20);
  new DataView(header.buffer).setBigUint64(0, BigInt(headerLen), true);
  header.set(json, 8);
  return { header, order };
}

/** The chunks of a whole safetensors file: [length + header, data of each tensor...]. Data is not copied. */
export function encodeSafetensors(tensors: readonly TensorToWrite[], metadata?: Readonly<Record<string, string>>): Uint8Array[] {
  const { header, order } = safetensorsLayout(tensors, metadata);
  for (const t of order) {
    const need = numel(t.shape) * DTYPE_SIZE[t.dtype];
    if (t.data.byteLength !== need) {
      throw new FianetError(
        'bad-input',
        `safetensors writer: tensor '${t.name}': shape ${shapeText(t.shape)} x ${t.dtype} needs ${need} bytes, data has ${t.data.byteLength}`,
      );
    }
  }
  return [header, ...order.map((t) => new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength))];
}
