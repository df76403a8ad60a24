/**
 * A streaming GeoTIFF writer for uint8 pixels (one band, or interleaved RGB for test scenes): 512 x 512 tiles, DEFLATE, written as rows
 * arrive (one row of tiles buffered), the IFD at the end and the header patched to point at
 * it. Georeferencing tags are copied verbatim; nodata goes in GDAL_NODATA. BigTIFF is chosen
 * up front when the worst-case size could pass 4 GiB. Browser-safe: bytes go to a ByteSink.
 */
import { zlibSync } from 'fflate';
import { FianetError } from '../errors.js';
import type { GeoTags } from './georef.js';

export interface ByteSink {
  /** Appends bytes at the end. */
  write(bytes: Uint8Array): Promise<void>;
  /** Overwrites bytes already written (the header's IFD offset). */
  patch(offset: number, bytes: Uint8Array): Promise<void>;
  /** Makes the file visible under its name (atomically where the platform can). */
  close(): Promise<void>;
  /** Removes what was written. */
  abort(): Promise<void>;
}

export const BLOCK = 512;
const SHORT = 3;
const LONG = 4;
const ASCII = 2;
const DOUBLE = 12;
const LONG8 = 16;
const TYPE_SIZE: Record<number, number> = { [SHORT]: 2, [LONG]: 4, [ASCII]: 1, [DOUBLE]: 8, [LONG8]: 8 };

interface Entry {
  tag: number;
  type: number;
  values: readonly number[];
}

/** Worst-case DEFLATE output for a block of n bytes (stored blocks: 5 bytes per 64 KiB, zlib header). */
const worstTile = (n: number) => n + 5 * Math.ceil(n / 65535) + 16;

export interface GeoTiffOptions {
  /** Interleaved samples per pixel: 1 (gray, the masks) or 3 (RGB). */
  samples?: 1 | 3;
  /** GDAL_NODATA (default 255); null writes none. */
  nodata?: number | null;
  /** Write BigTIFF even when classic TIFF would do (tests). */
  bigTiff?: boolean;
}

export class GeoTiffWriter {
  private readonly bigTiff: boolean;
  private readonly samples: number;
  private readonly nodata: number | null;
  private readonly band: Uint8Array;
  private bandRows = 0;
  private rowsDone = 0;
  private position = 0;
  private readonly offsets: number[] = [];
  private readonly counts: number[] = [];

  constructor(
    private readonly sink: ByteSink,
    readonly width: number,
    readonly height: number,
    private readonly tags: GeoTags | undefined,
    options: GeoTiffOptions = {},
  ) {
    this.samples = options.samples ?? 1;
    this.nodata = options.nodata === undefined ? 255 : options.nodata;
    const tiles = Math.ceil(width / BLOCK) * Math.ceil(height / BLOCK);
    this.bigTiff = options.bigTiff ?? tiles * worstTile(BLOCK * BLOCK * this.samples) + 65536 + 16 * tiles >= 2 ** 32;
    this.band = new Uint8Array(BLOCK * width * this.samples);
  }

  async start(): Promise<void> {
    const header = new Uint8Array(this.bigTiff ? 16 : 8);
    const v = new DataView(header.buffer);
    header[0] = header[1] = 0x49; // little-endian
    v.setUint16(2, this.bigTiff ? 43 : 42, true);
    if (this.bigTiff) v.setUint16(4, 8, true);
    await this.append(header);
  }

  /** Appends whole image rows (rows * width * samples bytes). */
  async writeRows(rows: Uint8Array): Promise<void> {
    const w = this.width * this.samples;
    if (rows.length % w !== 0 || this.rowsDone + rows.length / w > this.height) {
      throw new Error(`GeoTiffWriter: ${rows.length} bytes is not whole rows or passes the image height`);
    }
    for (let off = 0; off < rows.length; ) {
      const take = Math.min(rows.length - off, (BLOCK - this.bandRows) * w);
      this.band.set(rows.subarray(off, off + take), this.bandRows * w);
      this.bandRows += take / w;
      this.rowsDone += take / w;
      off += take;
      if (this.bandRows === BLOCK || this.rowsDone === this.height) await this.flushBand();
    }
  }

  private async flushBand(): Promise<void> {
    const n = this.samples;
    const w = this.width * n;
    const tile = new Uint8Array(BLOCK * BLOCK * n);
    for (let tx = 0; tx < w; tx += BLOCK * n) {
      tile.fill(this.nodata ?? 0);
      const tw = Math.min(BLOCK * n, w - tx);
      for (let y = 0; y < this.bandRows; y++) tile.set(this.band.subarray(y * w + tx, y * w + tx + tw), y * BLOCK * n);
      const packed = zlibSync(tile, { level: 6 });
      this.offsets.push(this.position);
      this.counts.push(packed.length);
      await this.append(packed);
    }
    this.bandRows = 0;
  }

  private async append(bytes: Uint8Array): Promise<void> {
    await this.sink.write(bytes);
    this.position += bytes.length;
  }

  /** Writes the IFD and closes the sink. */
  async finish(): Promise<void> {
    if (this.rowsDone !== this.height) throw new Error(`GeoTiffWriter: ${this.rowsDone} of ${this.height} rows written`);
    const offsetType = this.bigTiff ? LONG8 : LONG;
    const entries: Entry[] = [
      { tag: 256, type: LONG, values: [this.width] },
      { tag: 257, type: LONG, values: [this.height] },
      { tag: 258, type: SHORT, values: new Array<number>(this.samples).fill(8) },
      { tag: 259, type: SHORT, values: [8] }, // Adobe DEFLATE
      { tag: 262, type: SHORT, values: [this.samples === 3 ? 2 : 1] }, // RGB or BlackIsZero
      { tag: 277, type: SHORT, values: [this.samples] },
      { tag: 284, type: SHORT, values: [1] },
      { tag: 322, type: SHORT, values: [BLOCK] },
      { tag: 323, type: SHORT, values: [BLOCK] },
      { tag: 324, type: offsetType, values: this.offsets },
      { tag: 325, type: offsetType, values: this.counts },
      { tag: 339, type: SHORT, values: new Array<number>(this.samples).fill(1) },
    ];
    const t = this.tags;
    if (t?.pixelScale) entries.push({ tag: 33550, type: DOUBLE, values: t.pixelScale });
    if (t?.tiepoint) entries.push({ tag: 33922, type: DOUBLE, values: t.tiepoint });
    if (t?.transformation) entries.push({ tag: 34264, type: DOUBLE, values: t.transformation });
    if (t?.geoKeyDirectory) entries.push({ tag: 34735, type: SHORT, values: t.geoKeyDirectory });
    if (t?.geoDoubleParams) entries.push({ tag: 34736, type: DOUBLE, values: t.geoDoubleParams });
    if (t?.geoAsciiParams !== undefined) entries.push({ tag: 34737, type: ASCII, values: asciiBytes(t.geoAsciiParams) });
    if (this.nodata !== null) entries.push({ tag: 42113, type: ASCII, values: asciiBytes(String(this.nodata)) });
    if (this.position % 2) await this.append(new Uint8Array(1));
    const { bytes, ifdOffset } = encodeIfd(entries, this.position, this.bigTiff);
    await this.append(bytes);
    const pointer = new Uint8Array(this.bigTiff ? 8 : 4);
    if (this.bigTiff) new DataView(pointer.buffer).setBigUint64(0, BigInt(ifdOffset), true);
    else new DataView(pointer.buffer).setUint32(0, ifdOffset, true);
    await this.sink.patch(this.bigTiff ? 8 : 4, pointer);
    await this.sink.close();
  }
}

function asciiBytes(text: string): number[] {
  const out = Array.from(new TextEncoder().encode(text));
  if (out[out.length - 1] !== 0) out.push(0);
  return out;
}

/** Out-of-line values first, then the IFD itself (word-aligned), placed at file offset `at`. */
function encodeIfd(entries: Entry[], at: number, big: boolean): { bytes: Uint8Array; ifdOffset: number } {
  entries.sort((a, b) => a.tag - b.tag);
  const inline = big ? 8 : 4;
  const entrySize = big ? 20 : 12;
  const sizeOf = (e: Entry) => TYPE_SIZE[e.type]! * e.values.length;
  let valuesLength = 0;
  for (const e of entries) if (sizeOf(e) > inline) valuesLength += sizeOf(e) + (sizeOf(e) % 2);
  const ifdOffset = at + valuesLength;
  const ifdLength = (big ? 8 : 2) + entries.length * entrySize + (big ? 8 : 4);
  const bytes = new Uint8Array(valuesLength + ifdLength);
  const view = new DataView(bytes.buffer);
  let valuePos = 0;
  let p = valuesLength;
  if (big) view.setBigUint64(p, BigInt(entries.length), true);
  else view.setUint16(p, entries.length, true);
  p += big ? 8 : 2;
  for (const e of entries) {
    view.setUint16(p, e.tag, true);
    view.setUint16(p + 2, e.type, true);
    if (big) view.setBigUint64(p + 4, BigInt(e.values.length), true);
    else view.setUint32(p + 4, e.values.length, true);
    const field = p + (big ? 12 : 8);
    const size = sizeOf(e);
    let dst = field;
    if (size > inline) {
      if (big) view.setBigUint64(field, BigInt(at + valuePos), true);
      else view.setUint32(field, at + valuePos, true);
      dst = valuePos;
      valuePos += size + (size % 2);
    }
    putValues(view, dst, e);
    p += entrySize;
  }
  if (at + bytes.length > (big ? Number.MAX_SAFE_INTEGER : 2 ** 32 - 1)) throw new FianetError('bad-input', 'the output GeoTIFF is too large for its format');
  return { bytes, ifdOffset };
}

function putValues(view: DataView, at: number, e: Entry): void {
  const size = TYPE_SIZE[e.type]!;
  e.values.forEach((v, i) => {
    const o = at + i * size;
    if (e.type === SHORT) view.setUint16(o, v, true);
    else if (e.type === LONG) view.setUint32(o, v, true);
    else if (e.type === DOUBLE) view.setFloat64(o, v, true);
    else if (e.type === LONG8) view.setBigUint64(o, BigInt(v), true);
    else view.setUint8(o, v);
  });
}
