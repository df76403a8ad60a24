/**
 * The first image file directory (IFD) of a TIFF (TIFF 6.0 section 2), read with every field
 * bounds-checked: entries and values must lie inside the file, and the tags that give sizes,
 * counts and offsets must be integers (SHORT or LONG; BYTE accepted). A DOUBLE ImageLength of
 * 7.9e-8 is an error here, not a 0-pixel image. Only the tags the decoder uses are kept.
 */
import { FianetError, quote } from '../errors.js';

/** Bytes per value of each TIFF field type (1 BYTE ... 12 DOUBLE); other types are skipped. */
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
const TYPE_NAMES: Record<number, string> = {
  1: 'BYTE', 2: 'ASCII', 3: 'SHORT', 4: 'LONG', 5: 'RATIONAL', 6: 'SBYTE', 7: 'UNDEFINED', 8: 'SSHORT', 9: 'SLONG', 10: 'SRATIONAL', 11: 'FLOAT', 12: 'DOUBLE',
};
const UNSIGNED_INTEGER_TYPES = new Set([1, 3, 4]);

export const TAG = {
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  PhotometricInterpretation: 262,
  FillOrder: 266,
  StripOffsets: 273,
  Orientation: 274,
  SamplesPerPixel: 277,
  RowsPerStrip: 278,
  StripByteCounts: 279,
  PlanarConfiguration: 284,
  Predictor: 317,
  ColorMap: 320,
  TileWidth: 322,
  TileLength: 323,
  TileOffsets: 324,
  TileByteCounts: 325,
  ExtraSamples: 338,
  SampleFormat: 339,
} as const;

export type TagName = keyof typeof TAG;
const TAG_NAMES = new Map<number, TagName>(Object.entries(TAG).map(([name, tag]) => [tag, name as TagName]));

/** The decoder's view of an IFD: tag -> its integer values. */
export class TiffIfd {
  constructor(
    private readonly values: Map<TagName, number[]>,
    readonly littleEndian: boolean,
    private readonly label: string,
  ) {}

  has(name: TagName): boolean {
    return this.values.has(name);
  }

  /** All values of a tag; `fallback` when absent, an error when absent and required. */
  all(name: TagName, fallback?: number[]): number[] {
    const v = this.values.get(name) ?? fallback;
    if (!v) throw bad(this.label, `the required tag ${name} (${TAG[name]}) is missing`);
    return v;
  }

  /** The single value of a tag (the first, when a file repeats it per sample). */
  one(name: TagName, fallback?: number): number {
    const v = this.all(name, fallback === undefined ? undefined : [fallback]);
    if (v.length === 0) throw bad(this.label, `the tag ${name} (${TAG[name]}) has no value`);
    return v[0]!;
  }
}

export function readFirstIfd(bytes: Uint8Array, label: string): TiffIfd {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  if (bytes.length < 8) throw bad(label, 'it is truncated (the header is cut off)');
  const ifdAt = dv.getUint32(4, le);
  if (ifdAt < 8 || ifdAt + 2 > bytes.length) throw bad(label, `its first directory offset ${ifdAt} lies outside the file (${bytes.length} bytes); it is truncated`);
  const count = dv.getUint16(ifdAt, le);
  if (ifdAt + 2 + 12 * count > bytes.length) throw bad(label, `its directory of ${count} entries at byte ${ifdAt} is cut off`);

  const values = new Map<TagName, number[]>();
  for (let e = 0; e < count; e++) {
    const at = ifdAt + 2 + 12 * e;
    const name = TAG_NAMES.get(dv.getUint16(at, le));
    const type = dv.getUint16(at + 2, le);
    const size = TYPE_SIZES[type];
    if (!name || !size) continue; // a tag we do not use, or a type from a later spec: skip it
    if (!UNSIGNED_INTEGER_TYPES.has(type)) {
      throw bad(label, `the tag ${name} (${TAG[name]}) has type ${TYPE_NAMES[type]}; it must be an unsigned integer (SHORT or LONG)`);
    }
    const n = dv.getUint32(at + 4, le);
    const total = n * size;
    const from = total <= 4 ? at + 8 : dv.getUint32(at + 8, le);
    if (total > bytes.length || from + total > bytes.length) {
      throw bad(label, `the values of tag ${name} (${n} x ${TYPE_NAMES[type]} at byte ${from}) lie outside the file (${bytes.length} bytes)`);
    }
    const read = size === 1 ? (i: number) => bytes[from + i]! : size === 2 ? (i: number) => dv.getUint16(from + 2 * i, le) : (i: number) => dv.getUint32(from + 4 * i, le);
    values.set(name, Array.from({ length: n }, (_, i) => read(i)));
  }
  return new TiffIfd(values, le, label);
}

export const bad = (label: string, why: string) => new FianetError('bad-input', `${label}: cannot read this TIFF file: ${why}`);

/** An error about a value read from the file, quoted safely. */
export const badValue = (label: string, name: TagName, value: unknown, valid: string) =>
  bad(label, `${name} is ${quote(value)} (supported: ${valid})`);
