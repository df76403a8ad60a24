/**
 * A zip reader for PyTorch checkpoints (torch.save's format is a zip of `archive/data.pkl`
 * and one entry per storage). Reads only the central directory up front; entry data is read
 * from the source on demand, so a 1 GB checkpoint is never held whole. Stored and deflated
 * entries, zip64 sizes and offsets; CRC-32 checked whenever a whole entry is read.
 * Every field is bounds-checked against its record and every size against the file before
 * anything is allocated; a deflated entry is inflated only up to its stated size, at most
 * `maxInflatedBytes`. Browser-safe.
 */
import { inflateSync } from 'fflate';
import { FianetError } from '../errors.js';
import { nameLabel } from './name-label.js';
import type { ByteSource } from './safetensors.js';

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  readonly headerOffset: number;
}

export interface ZipArchive {
  readonly label: string;
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Uncompressed bytes [start, start + length) of an entry; the whole entry by default. */
  read(name: string, start?: number, length?: number): Promise<Uint8Array>;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_SIZE = 46;
/** A checkpoint's directory lists a few thousand entries (~100 bytes each); past this it is corrupt. */
export const MAX_CENTRAL_DIRECTORY_BYTES = 64 << 20;
/** Default cap on one deflated entry's inflated size: torch.save stores storages uncompressed. */
export const MAX_INFLATED_BYTES = 1 << 30;
/** Deflate's best ratio is 1032:1; an entry claiming more than that of its compressed size is corrupt. */
const MAX_DEFLATE_RATIO = 1032;

export interface ZipOptions {
  /** Largest inflated size of a deflated entry read whole (default MAX_INFLATED_BYTES). */
  readonly maxInflatedBytes?: number;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

export async function openZip(source: ByteSource, options: ZipOptions = {}): Promise<ZipArchive> {
  const maxInflated = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  const label = source.label;
  function fail(what: string): never {
    throw new FianetError('bad-input', `${label}: ${what}`);
  }
  const tailLen = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLen;
  const tail = await source.read(tailStart, tailLen);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tailLen - EOCD_SIZE; i >= 0; i--) {
    if (tv.getUint32(i, true) === SIG_EOCD && i + EOCD_SIZE + tv.getUint16(i + 20, true) <= tailLen) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    fail('not a zip archive (no end-of-central-directory record): truncated, or not a PyTorch zip checkpoint');
  }
  let count = BigInt(tv.getUint16(eocd + 10, true));
  let cdSize = BigInt(tv.getUint32(eocd + 12, true));
  let cdOffset = BigInt(tv.getUint32(eocd + 16, true));
  if (eocd >= 20 && tv.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) {
    const recordAt = tv.getBigUint64(eocd - 20 + 8, true);
    if (recordAt + 56n > BigInt(source.size)) fail(`zip64 end-of-central-directory record at ${recordAt} is past the end of the file`);
    const z = view(await source.read(Number(recordAt), 56));
    if (z.getUint32(0, true) !== SIG_ZIP64_EOCD) fail(`no zip64 end-of-central-directory record at offset ${recordAt}`);
    count = z.getBigUint64(32, true);
    cdSize = z.getBigUint64(40, true);
    cdOffset = z.getBigUint64(48, true);
  }
  if (cdOffset + cdSize > BigInt(source.size)) {
    fail(`central directory (${cdSize} bytes at offset ${cdOffset}) runs past the end of the file (${source.size} bytes): truncated`);
  }
  if (cdSize > BigInt(MAX_CENTRAL_DIRECTORY_BYTES)) fail(`central directory of ${cdSize} bytes is over the ${MAX_CENTRAL_DIRECTORY_BYTES}-byte limit: corrupt`);
  if (count * BigInt(CENTRAL_SIZE) > cdSize) fail(`central directory says ${count} entries but has room for ${cdSize / BigInt(CENTRAL_SIZE)}: corrupt`);
  const cd = await source.read(Number(cdOffset), Number(cdSize));
  const entries = parseCentralDirectory(label, cd, Number(count), source.size);

  // Deflated entries must be inflated whole; keep the last one for range reads that follow.
  let cached: { name: string; bytes: Uint8Array } | undefined;
  const wholeEntry = async (e: ZipEntry): Promise<Uint8Array> => {
    if (cached?.name === e.name) return cached.bytes;
    if (e.method === 8 && e.size > maxInflated) {
      fail(`entry ${nameLabel(e.name)} inflates to ${e.size} bytes, over the ${maxInflated}-byte limit for a compressed entry`);
    }
    const start = await dataStart(source, e);
    const raw = await source.read(start, e.compressedSize);
    let bytes = raw;
    if (e.method === 8) {
      try {
        // Into a buffer of the stated size: data that inflates to more cannot grow it.
        bytes = inflateSync(raw, { out: new Uint8Array(e.size) });
      } catch {
        fail(`entry ${nameLabel(e.name)}: its compressed (deflate) data is corrupt`);
      }
      if (bytes.byteLength !== e.size) fail(`entry ${nameLabel(e.name)}: inflated to ${bytes.byteLength} bytes, directory says ${e.size}`);
    }
    if (crc32(bytes) !== e.crc32) fail(`entry ${nameLabel(e.name)}: CRC-32 mismatch, the file is corrupt`);
    if (e.method === 8) cached = { name: e.name, bytes };
    return bytes;
  };
  return {
    label,
    entries,
    async read(name, start = 0, length) {
      const entry = entries.get(name);
      if (!entry) fail(`no entry ${nameLabel(name)} in the archive`);
      const len = length ?? entry.size - start;
      if (start < 0 || len < 0 || start + len > entry.size) {
        fail(`entry ${nameLabel(name)}: bytes [${start}, ${start + len}) are past its end (${entry.size} bytes)`);
      }
      if (start === 0 && len === entry.size) return wholeEntry(entry);
      if (entry.method === 0) return source.read((await dataStart(source, entry)) + start, len);
      return (await wholeEntry(entry)).subarray(start, start + len);
    },
  };
}

function parseCentralDirectory(label: string, cd: Uint8Array, count: number, fileSize: number): Map<string, ZipEntry> {
  const v = view(cd);
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    const fail = (what: string): never => {
      throw new FianetError('bad-input', `${label}: central directory entry ${i} of ${count} (offset ${p}): ${what}`);
    };
    if (p + CENTRAL_SIZE > cd.byteLength || v.getUint32(p, true) !== SIG_CENTRAL) fail('missing or corrupt');
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const extraStart = p + CENTRAL_SIZE + nameLen;
    const extraEnd = extraStart + extraLen;
    if (extraEnd + commentLen > cd.byteLength) fail(`its name, extra field and comment (${nameLen} + ${extraLen} + ${commentLen} bytes) run past the end of the directory`);
    const name = decoder.decode(cd.subarray(p + CENTRAL_SIZE, extraStart));
    let size = v.getUint32(p + 24, true);
    let compressedSize = v.getUint32(p + 20, true);
    let headerOffset = v.getUint32(p + 42, true);
    // zip64: fields saturated at 0xFFFFFFFF continue in extra field 0x0001, in this order.
    for (let x = extraStart; x + 4 <= extraEnd; ) {
      const id = v.getUint16(x, true);
      const fieldEnd = x + 4 + v.getUint16(x + 2, true);
      if (fieldEnd > extraEnd) fail(`extra field 0x${id.toString(16).padStart(4, '0')} runs past the end of the entry's extra data`);
      if (id === 0x0001) {
        let q = x + 4;
        const next = (what: string) => {
          if (q + 8 > fieldEnd) fail(`zip64 extra field is too short to hold the ${what}`);
          const value = v.getBigUint64((q += 8) - 8, true);
          return value > BigInt(Number.MAX_SAFE_INTEGER) ? fail(`zip64 ${what} ${value} is out of range`) : Number(value);
        };
        if (size === 0xffffffff) size = next('size');
        if (compressedSize === 0xffffffff) compressedSize = next('compressed size');
        if (headerOffset === 0xffffffff) headerOffset = next('header offset');
      }
      x = fieldEnd;
    }
    const where = `${label}: entry ${nameLabel(name)}`;
    if (flags & 1) throw new FianetError('bad-input', `${where} is encrypted`);
    if (method !== 0 && method !== 8) {
      throw new FianetError('bad-input', `${where} uses compression method ${method}; only stored (0) and deflate (8) are supported`);
    }
    if (method === 0 && size !== compressedSize) throw new FianetError('bad-input', `${where}: stored entry with different sizes`);
    if (method === 8 && size > compressedSize * MAX_DEFLATE_RATIO + 1024) {
      throw new FianetError('bad-input', `${where}: claims ${size} bytes from ${compressedSize} compressed, more than deflate can produce: corrupt`);
    }
    if (headerOffset + 30 + compressedSize > fileSize) {
      throw new FianetError(
        'bad-input',
        `${where}: data (${compressedSize} bytes at offset ${headerOffset}) runs past the end of the file: truncated`,
      );
    }
    entries.set(name, { name, method, compressedSize, size, crc32: v.getUint32(p + 16, true), headerOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** The local header repeats the name and has its own extra field: data starts after both. */
async function dataStart(source: ByteSource, e: ZipEntry): Promise<number> {
  const h = view(await source.read(e.headerOffset, 30));
  if (h.getUint32(0, true) !== SIG_LOCAL) {
    throw new FianetError('bad-input', `${source.label}: entry ${nameLabel(e.name)}: no local header at offset ${e.headerOffset}`);
  }
  const start = e.headerOffset + 30 + h.getUint16(26, true) + h.getUint16(28, true);
  if (start + e.compressedSize > source.size) {
    throw new FianetError('bad-input', `${source.label}: entry ${nameLabel(e.name)}: data runs past the end of the file: truncated`);
  }
  return start;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
