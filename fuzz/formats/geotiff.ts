/**
 * GeoTIFF-aware mutations on the first IFD: the georeferencing tags (ModelPixelScale,
 * ModelTiepoint, ModelTransformation, GeoKeyDirectory, GeoDoubleParams, GeoAsciiParams,
 * GDAL_NODATA) replaced or added with edge values (NaN, infinities, zero scales, wrong counts,
 * GeoKey directories whose counts and locations point anywhere, nodata text that is not a
 * number), retagged or retyped; and the TIFF target's IFD mutations. The values go at the end
 * of the file and the IFD is rewritten after them.
 */
import { concat, INTERESTING, writeInt } from '../mutate-bytes.js';
import type { Rng } from '../rng.js';
import { entry, IFD_MUTATIONS, parseIfd, read, withIfd, type Ifd } from './tiff.js';

const PIXEL_SCALE = 33550;
const TIEPOINT = 33922;
const TRANSFORMATION = 34264;
const GEO_KEYS = 34735;
const GEO_DOUBLES = 34736;
const GEO_ASCII = 34737;
const NODATA = 42113;
const GEO_TAGS = [PIXEL_SCALE, TIEPOINT, TRANSFORMATION, GEO_KEYS, GEO_DOUBLES, GEO_ASCII, NODATA];
const DOUBLE = 12;
const SHORT = 3;
const ASCII = 2;

const EDGE_DOUBLES = [0, -0, 1, -1, 0.5, 1e-300, 1e300, Number.MAX_VALUE, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, 500000, 5000000];
const NODATA_TEXT = ['0', '255', 'nan', 'NaN', '-nan', 'inf', '-1e999', '1e999', '', ' ', 'abc', '0x10', '1,5', '\0', '65536', '-3.4e38', 'x'.repeat(5000)];
/** GeoKey ids the reader looks at (raster type, geographic/projected CRS, linear units) and some it does not. */
const GEO_KEY_IDS = [1024, 1025, 2048, 2054, 3072, 3076, 4096, 0, 0xffff];
const GEO_KEY_VALUES = [0, 1, 2, 4326, 3857, 32633, 32767, 9001, 9002, 0xffff];

function doubles(values: number[], le: boolean): Uint8Array {
  const out = new Uint8Array(8 * values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat64(8 * i, v, le));
  return out;
}

function shorts(values: number[], le: boolean): Uint8Array {
  const out = new Uint8Array(2 * values.length);
  values.forEach((v, i) => writeInt(out, 2 * i, 2, v, le));
  return out;
}

const someDoubles = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => (rng.chance(0.5) ? rng.pick(EDGE_DOUBLES) : (rng.int(2000) - 1000) / 7));

/** A GeoKey directory: header (version, revision, minor, count) and key entries (id, location, count, value). */
function geoKeyDirectory(rng: Rng): number[] {
  const keys = rng.int(6);
  const dir = [1, 1, rng.pick([0, 1, 2]), rng.chance(0.8) ? keys : rng.pick([0, 0xffff, keys + 1, 1000])];
  for (let k = 0; k < keys; k++) {
    const location = rng.chance(0.7) ? 0 : rng.pick([GEO_KEYS, GEO_DOUBLES, GEO_ASCII, 1, 0xffff]);
    dir.push(rng.pick(GEO_KEY_IDS), location, rng.pick([1, 0, 2, 0xffff]), rng.chance(0.7) ? rng.pick(GEO_KEY_VALUES) : rng.int(0x10000));
  }
  return rng.chance(0.1) ? dir.slice(0, rng.int(dir.length)) : dir;
}

/** A geo tag's type, count and value bytes. */
function geoValue(tag: number, rng: Rng, le: boolean): { type: number; count: number; bytes: Uint8Array } {
  const counts: Record<number, number> = { [PIXEL_SCALE]: 3, [TIEPOINT]: 6, [TRANSFORMATION]: 16, [GEO_DOUBLES]: 4 };
  if (tag === GEO_KEYS) {
    const dir = geoKeyDirectory(rng);
    return { type: SHORT, count: dir.length, bytes: shorts(dir, le) };
  }
  if (tag === GEO_ASCII || tag === NODATA) {
    const text = tag === NODATA ? rng.pick(NODATA_TEXT) : rng.pick(['WGS 84|', 'UTM zone 33N|', '', 'x'.repeat(3000)]);
    const bytes = new TextEncoder().encode(`${text}\0`);
    return { type: ASCII, count: rng.chance(0.9) ? bytes.length : rng.pick(INTERESTING), bytes };
  }
  const natural = counts[tag]!;
  const n = rng.chance(0.7) ? natural : rng.pick([0, 1, natural - 1, natural + 1, 2 * natural, 12]);
  return { type: DOUBLE, count: n, bytes: doubles(someDoubles(rng, Math.max(n, 0)), le) };
}

/** Sets (replacing or adding) one geo tag whose value is appended to `tail` at `base + tail.length`. */
function setGeoTag(ifd: Ifd, rng: Rng, base: number, tail: Uint8Array[]): void {
  const tag = rng.pick(GEO_TAGS);
  const { type, count, bytes } = geoValue(tag, rng, ifd.le);
  const at = base + tail.reduce((n, t) => n + t.length, 0);
  tail.push(bytes, new Uint8Array(bytes.length % 2));
  // Values of 4 bytes or less sit in the entry itself; the reader then ignores the offset.
  const e = entry(ifd.le, tag, type, count, at);
  if (bytes.length <= 4) e.set(bytes.subarray(0, 4), 8);
  const i = ifd.entries.findIndex((x) => read(x, 0, 2, ifd.le) === tag);
  if (i >= 0 && rng.chance(0.8)) ifd.entries[i] = e;
  else ifd.entries.push(e);
  ifd.entries.sort((a, b) => read(a, 0, 2, ifd.le) - read(b, 0, 2, ifd.le));
}

/** An existing geo tag retyped, recounted or moved to point elsewhere. */
function disturbGeoTag(ifd: Ifd, rng: Rng, fileLength: number): void {
  const geo = ifd.entries.filter((x) => GEO_TAGS.includes(read(x, 0, 2, ifd.le)));
  if (!geo.length) return;
  const e = rng.pick(geo);
  const field = rng.int(4);
  if (field === 0) writeInt(e, 2, 2, rng.pick([1, 2, 3, 4, 5, 11, 12, 16, 0, 99]), ifd.le);
  else if (field === 1) writeInt(e, 4, 4, rng.pick(INTERESTING), ifd.le);
  else if (field === 2) writeInt(e, 8, 4, rng.chance(0.5) ? rng.int(fileLength + 16) : rng.pick(INTERESTING), ifd.le);
  else writeInt(e, 0, 2, rng.pick(GEO_TAGS), ifd.le);
}

export function mutateGeoTiff(input: Uint8Array, rng: Rng): Uint8Array | undefined {
  const ifd = parseIfd(input);
  if (!ifd) return undefined;
  const base = input.length + (input.length % 2);
  const tail: Uint8Array[] = [new Uint8Array(base - input.length)];
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const pick = rng.int(10);
    if (pick < 5) setGeoTag(ifd, rng, input.length, tail);
    else if (pick < 7) disturbGeoTag(ifd, rng, input.length);
    else rng.pick(IFD_MUTATIONS)(ifd, rng, input.length);
  }
  return withIfd(concat(input, ...tail), ifd);
}
