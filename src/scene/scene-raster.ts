/**
 * A scene as windows of bands: GeoTIFF/COG through geotiff.js (only the tiles or strips a
 * window touches are read and decoded), plain PNG/JPEG decoded whole (they are small and
 * carry no georeferencing). Reads go through a ByteSource, so the same code serves a file in
 * Node and a File in the browser.
 */
import { GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { FianetError, quote } from '../errors.js';
import { decodeImage, detectImageFormat } from '../io/image-decode.js';
import type { ByteSource } from '../io/safetensors.js';
import { georefFromTags, type GeoTags, type Georef } from './georef.js';
import { scanTiffDirectories } from './tiff-directory-scan.js';

export type SampleKind = 'uint' | 'int' | 'float';

export interface SceneRaster {
  label: string;
  width: number;
  height: number;
  /** Bands in the file, alpha included. */
  bands: number;
  bits: number;
  kind: SampleKind;
  /** 1-based band that holds alpha (0 = transparent), if any. */
  alphaBand?: number;
  /** GDAL_NODATA value (NaN for "nan"). */
  nodata?: number;
  georef?: Georef;
  /** Overview images, largest first (for the value range). */
  overviews: number;
  /** Bands (1-based) of the window [x0, x0 + w) x [y0, y0 + h), one array per band. */
  read(x0: number, y0: number, w: number, h: number, bands: readonly number[], overview?: number): Promise<ArrayLike<number>[]>;
  /** Size of overview k (0 = the full image). */
  overviewSize(k: number): [number, number];
}

/** Scenes up to 2^31 pixels a side; a window is read whole, so it is bounded separately. */
const MAX_SIDE = 2 ** 31 - 1;
/** The largest window one read may ask for (pixels x bands). */
export const MAX_WINDOW_SAMPLES = 1 << 28;

/** Images (the full one and overviews) looked at in one file. */
const MAX_IMAGES = 32;
/** The largest strip or tile decoded at once: geotiff.js decodes whole blocks, whatever the window. */
const MAX_BLOCK_BYTES = 1 << 28;

/** geotiff.js's BaseSource over our ByteSource (clamped at the end like a file read). */
function tiffSource(source: ByteSource) {
  const slice = async (s: { offset: number; length: number }) => {
    const length = Math.max(0, Math.min(s.length, source.size - s.offset));
    const bytes = await source.read(s.offset, length);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
  return {
    fetch: (slices: Array<{ offset: number; length: number }>) => Promise.all(slices.map(slice)),
    fetchSlice: async (s: { offset: number; length: number }) => ({ ...s, data: await slice(s) }),
    get fileSize() {
      return source.size;
    },
    close: async () => {},
  };
}

export async function openScene(source: ByteSource): Promise<SceneRaster> {
  const label = source.label;
  const head = await source.read(0, Math.min(16, source.size));
  const format = detectImageFormat(head);
  const bigTiff = head[0] === head[1] && (head[0] === 0x49 || head[0] === 0x4d) && (head[2] === 43 || head[3] === 43);
  if (format === 'tiff' || bigTiff) return openGeoTiff(source);
  if (format) return plainImage(source);
  throw new FianetError('bad-input', `${label}: not a GeoTIFF, TIFF, PNG or JPEG file`);
}

async function openGeoTiff(source: ByteSource): Promise<SceneRaster> {
  const label = source.label;
  let images: GeoTIFFImage[];
  try {
    const count = await scanTiffDirectories(source, MAX_IMAGES);
    const tiff = await GeoTIFF.fromSource(tiffSource(source) as never);
    images = [];
    // Reduced-resolution images (NewSubfileType bit 0) of the same size ratio are overviews;
    // masks and thumbnails of other shapes are ignored.
    for (let i = 0; i < count; i++) images.push(await tiff.getImage(i));
  } catch (e) {
    throw asBadTiff(e, label);
  }
  try {
    return await describeGeoTiff(images, label);
  } catch (e) {
    throw asBadTiff(e, label);
  }
}

/** geotiff.js's own errors on a malformed file (a RangeError, a TypeError on a missing tag) as one bad-input line. */
function asBadTiff(e: unknown, label: string): FianetError {
  if (e instanceof FianetError) return e;
  return new FianetError('bad-input', `${label}: cannot read this TIFF (${(e as Error).message})`);
}

async function describeGeoTiff(images: GeoTIFFImage[], label: string): Promise<SceneRaster> {
  const main = images[0]!;
  const width = main.getWidth();
  const height = main.getHeight();
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE)) {
    throw new FianetError('bad-input', `${label}: image size ${quote(width)} x ${quote(height)} is out of range`);
  }
  const bands = main.getSamplesPerPixel();
  if (!(Number.isInteger(bands) && bands >= 1)) throw new FianetError('bad-input', `${label}: SamplesPerPixel ${quote(bands)} is not a positive whole number`);
  const bits = main.getBitsPerSample(0);
  const format = main.getSampleFormat(0);
  const kind: SampleKind = format === 3 ? 'float' : format === 2 ? 'int' : 'uint';
  if (![8, 16, 32, 64].includes(bits) || (kind === 'float' && bits < 32)) {
    throw new FianetError('bad-input', `${label}: ${bits}-bit ${kind} samples are not supported (8, 16, 32-bit integers; 32, 64-bit floats)`);
  }
  const overviews = images.slice(1).filter((im) => im.getSamplesPerPixel() === bands && im.getWidth() < width && (im.fileDirectory.getValue('NewSubfileType') ?? 0) & 1);
  const fd = main.fileDirectory;
  const load = async (name: string): Promise<number[] | undefined> => {
    const v = (await fd.loadValue(name as never)) as ArrayLike<number> | undefined;
    return v === undefined ? undefined : Array.from(v);
  };
  const tags: GeoTags = {};
  const put = <K extends keyof GeoTags>(k: K, v: GeoTags[K] | undefined) => v !== undefined && (tags[k] = v);
  put('pixelScale', await load('ModelPixelScale'));
  put('tiepoint', await load('ModelTiepoint'));
  put('transformation', await load('ModelTransformation'));
  put('geoKeyDirectory', await load('GeoKeyDirectory'));
  put('geoDoubleParams', await load('GeoDoubleParams'));
  const ascii = (await fd.loadValue('GeoAsciiParams' as never)) as string | undefined;
  put('geoAsciiParams', ascii);
  const georef = georefFromTags(tags, label);
  const extra = ((await fd.loadValue('ExtraSamples' as never)) as ArrayLike<number> | undefined) ?? [];
  const alphaIndex = Array.from(extra).findIndex((v) => v === 1 || v === 2);
  const nodataValue = (await fd.loadValue('GDAL_NODATA' as never)) as unknown;
  if (nodataValue !== undefined && typeof nodataValue !== 'string') throw new FianetError('bad-input', `${label}: GDAL_NODATA is not text (ASCII)`);
  const nodataText = nodataValue?.replace(/\0/g, '').trim();
  const nodata = nodataText === undefined || nodataText === '' ? undefined : /^nan$/i.test(nodataText) ? NaN : Number(nodataText);
  if (nodata !== undefined && !Number.isFinite(nodata) && !Number.isNaN(nodata)) {
    throw new FianetError('bad-input', `${label}: GDAL_NODATA ${quote(nodataText)} is not a number`);
  }
  const imageAt = (k: number) => (k === 0 ? main : overviews[k - 1]!);
  return {
    label,
    width,
    height,
    bands,
    bits,
    kind,
    ...(alphaIndex >= 0 ? { alphaBand: bands - extra.length + alphaIndex + 1 } : {}),
    ...(nodata !== undefined ? { nodata } : {}),
    ...(georef ? { georef } : {}),
    overviews: overviews.length,
    overviewSize: (k) => [imageAt(k).getWidth(), imageAt(k).getHeight()],
    async read(x0, y0, w, h, wanted, overview = 0) {
      if (w * h * wanted.length > MAX_WINDOW_SAMPLES) {
        throw new FianetError('bad-input', `${label}: a window of ${w} x ${h} x ${wanted.length} samples is too large to read at once`);
      }
      const image = imageAt(overview);
      const [tileWidth, tileHeight] = [image.getTileWidth(), image.getTileHeight()];
      // A FLOAT TileWidth of 7e-43 made geotiff.js walk 3e43 tiles: sizes must be whole pixels.
      if (!(Number.isInteger(tileWidth) && Number.isInteger(tileHeight) && tileWidth >= 1 && tileHeight >= 1)) {
        throw new FianetError('bad-input', `${label}: a tile or strip of ${quote(tileWidth)} x ${quote(tileHeight)} pixels is not a positive whole size`);
      }
      const block = tileWidth * tileHeight * image.getBytesPerPixel();
      if (!(block <= MAX_BLOCK_BYTES)) {
        throw new FianetError('bad-input', `${label}: a strip or tile of ${quote(block)} bytes is too large to decode (at most ${MAX_BLOCK_BYTES}); rewrite the file tiled, e.g. gdal_translate -co TILED=YES`);
      }
      try {
        const r = await image.readRasters({ window: [x0, y0, x0 + w, y0 + h], samples: wanted.map((b) => b - 1), interleave: false });
        return Array.from(r as unknown as ArrayLike<number>[]);
      } catch (e) {
        throw new FianetError('bad-input', `${label}: cannot decode the window at (${x0}, ${y0}) ${w} x ${h} (${(e as Error).message})`);
      }
    },
  };
}

/** A PNG/JPEG/plain image: decoded whole to 8-bit RGB, pixel coordinates. */
async function plainImage(source: ByteSource): Promise<SceneRaster> {
  const image = decodeImage(await source.read(0, source.size), source.label);
  const { width, height, rgb } = image;
  return {
    label: source.label,
    width,
    height,
    bands: 3,
    bits: 8,
    kind: 'uint',
    overviews: 0,
    overviewSize: () => [width, height],
    async read(x0, y0, w, h, wanted) {
      return wanted.map((b) => {
        const out = new Uint8Array(w * h);
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = rgb[((y0 + y) * width + x0 + x) * 3 + b - 1]!;
        return out;
      });
    },
  };
}
