/**
 * A zip reader for PyTorch checkpoints (torch.save's format is a zip of `archive/data.pkl`
 * and one entry per storage). Reads only the central directory up front; entry data is read
 * from the source on demand, so a 1 GB checkpoint is never held whole. Stored and deflated
 * entries, zip64 sizes and offsets; CRC-32 checked whenever a whole entry is read.
 * Browser-safe.
 */
import { inflateSync } from 'fflate';
import { FianetError } from '../errors.js';
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

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

export async function openZip(source: ByteSource): Promise<ZipArchive> {
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
  let count = tv.getUint16(eocd + 10, true);
  let cdSize = tv.getUint32(eocd + 12, true);
  let cdOffset = tv.getUint32(eocd + 16, true);
  if (eocd >= 20 && tv.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) {
    const recordAt = Number(tv.getBigUint64(eocd - 20 + 8, true));
    if (recordAt + 56 > source.size) fail(`zip64 end-of-central-directory record at ${recordAt} is past the end of the file`);
    const z = view(await source.read(recordAt, 56));
    if (z.getUint32(0, true) !== SIG_ZIP64_EOCD) fail(`no zip64 end-of-central-directory record at offset ${recordAt}`);
    count = Number(z.getBigUint64(32, true));
    cdSize = Number(z.getBigUint64(40, true));
    cdOffset = Number(z.getBigUint64(48, true));
  }
  if (cdOffset + cdSize > source.size) {
    fail(`central directory (${cdSize} bytes at offset ${cdOffset}) runs past the end of the file (${source.size} bytes): truncated`);
  }
  const cd = await source.read(cdOffset, cdSize);
  const entries = parseCentralDirectory(label, cd, count, source.size);

  // Deflated entries must be inflated whole; keep the last one for range reads that follow.
  let cached: { name: string; bytes: Uint8Array } | undefined;
  const wholeEntry = async (e: ZipEntry): Promise<Uint8Array> => {
    if (cached?.name === e.name) return cached.bytes;
    const start = await dataStart(source, e);
    const raw = await source.read(start, e.compressedSize);
    let bytes = raw;
    if (e.method === 8) {
      try {
        bytes = inflateSync(raw, { out: new Uint8Array(e.size) });
      } catch (err) {
        fail(`entry '${e.name}': deflate data is corrupt (${(err as Error).message})`);
      }
      if (bytes.byteLength !== e.size) fail(`entry '${e.name}': inflated to ${bytes.byteLength} bytes, directory says ${e.size}`);
    }
    if (crc32(bytes) !== e.crc32) fail(`entry '${e.name}': CRC-32 mismatch, the file is corrupt`);
    if (e.method === 8) cached = { name: e.name, bytes };
    return bytes;
  };
  return {
    label,
    entries,
    async read(name, start = 0, length) {
      const entry = entries.get(name);
      if (!entry) fail(`no entry '${name}' in the archive`);
      const len = length ?? entry.size - start;
      if (start < 0 || len < 0 || start + len > entry.size) {
        fail(`entry '${name}': bytes [${start}, ${start + len}) are past its end (${entry.size} bytes)`);
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
    if (p + 46 > cd.byteLength || v.getUint32(p, true) !== SIG_CENTRAL) {
      throw new FianetError('bad-input', `${label}: central directory entry ${i} of ${count} is missing or corrupt (offset ${p})`);
    }
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const name = decoder.decode(cd.subarray(p + 46, p + 46 + nameLen));
    let size = v.getUint32(p + 24, true);
    let compressedSize = v.getUint32(p + 20, true);
    let headerOffset = v.getUint32(p + 42, true);
    // zip64: fields saturated at 0xFFFFFFFF continue in extra field 0x0001, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        const next = () => Number(v.getBigUint64((q += 8) - 8, true));
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (headerOffset === 0xffffffff) headerOffset = next();
      }
      x += 4 + len;
    }
    const where = `${label}: entry '${name}'`;
    if (flags & 1) throw new FianetError('bad-input', `${where} is encrypted`);
    if (method !== 0 && method !== 8) {
      throw new FianetError('bad-input', `${where} uses compression method ${method}; only stored (0) and deflate (8) are supported`);
    }
    if (method === 0 && size !== compressedSize) throw new FianetError('bad-input', `${where}: stored entry with different sizes`);
    if (headerOffset + 30 + compressedSize > fileSize) {
      throw new FianetError(
        'bad-input',
        `${where}: data (${compressedSize} bytes at offset ${headerOffset}) runs past the end of the file: truncated`,
      );
    }
    entries.set(name, { name, method, compressedSize, size, crc32: v.getUint32(p + 16, true), headerOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The local header repeats the name and has its own extra field: data starts after both. */
async function dataStart(source: ByteSource, e: ZipEntry): Promise<number> {
  const h = view(await source.read(e.headerOffset, 30));
  if (h.getUint32(0, true) !== SIG_LOCAL) {
    throw new FianetError('bad-input', `${source.label}: entry '${e.name}': no local header at offset ${e.headerOffset}`);
  }
  const start = e.headerOffset + 30 + h.getUint16(26, true) + h.getUint16(28, true);
  if (start + e.compressedSize > source.size) {
    throw new FianetError('bad-input', `${source.label}: entry '${e.name}': data runs past the end of the file: truncated`);
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
