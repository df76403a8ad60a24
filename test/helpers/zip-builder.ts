// Small zip archives built in code, for hostile-input tests: each field can be patched.
import { deflateSync } from 'fflate';
import { crc32 } from '../../src/io/zip.js';

export interface ZipEntrySpec {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** Extra field bytes of the central-directory record. */
  extra?: Uint8Array;
  /** Patches the 46-byte central-directory record (sizes at 20 and 24, lengths at 28-32). */
  patchCentral?: (record: DataView) => void;
}

export function buildZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const body = e.deflate ? deflateSync(e.data) : e.data;
    const crc = crc32(e.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.deflate ? 8 : 0, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const extra = e.extra ?? new Uint8Array(0);
    const record = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.deflate ? 8 : 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    record.set(extra, 46 + name.length);
    e.patchCentral?.(cv);
    parts.push(local, body);
    central.push(record);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((s, r) => s + r.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const p of [...parts, ...central, eocd]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A torch.save-style checkpoint: archive/data.pkl (the given pickle) plus storages archive/data/<key>. */
export function buildPth(pickle: Uint8Array, storages: Record<string, Uint8Array> = {}, deflatePickle = false): Uint8Array {
  return buildZip([
    { name: 'archive/data.pkl', data: pickle, deflate: deflatePickle },
    ...Object.entries(storages).map(([key, data]) => ({ name: `archive/data/${key}`, data })),
  ]);
}
