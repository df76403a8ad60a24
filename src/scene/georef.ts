/**
 * Where a scene's pixels are on the ground, built from the GeoTIFF tags ourselves (geotiff.js's
 * getOrigin ignores the tiepoint's I,J and PixelIsPoint, getResolution ignores rotation).
 * The affine maps pixel-edge coordinates (col, row), (0, 0) being the top-left corner of the
 * top-left pixel, to CRS coordinates, as GDAL's geotransform does.
 */
import { FianetError } from '../errors.js';

/** x = a*col + b*row + c; y = d*col + e*row + f (GDAL order: c, a, b, f, d, e). */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** The raw georeferencing tags, copied verbatim into outputs. */
export interface GeoTags {
  pixelScale?: number[];
  tiepoint?: number[];
  transformation?: number[];
  geoKeyDirectory?: number[];
  geoDoubleParams?: number[];
  geoAsciiParams?: string;
}

export interface Georef {
  affine: Affine;
  /** EPSG code of the CRS, undefined for a user-defined CRS. */
  epsg?: number;
  /** The CRS's linear unit is the metre (areas in m^2). */
  metres: boolean;
  /** Geographic (lon/lat) CRS rather than projected. */
  geographic: boolean;
  tags: GeoTags;
}

const RASTER_TYPE_KEY = 1025;
const PIXEL_IS_POINT = 2;
const GEOGRAPHIC_TYPE_KEY = 2048;
const PROJECTED_CS_KEY = 3072;
const PROJ_LINEAR_UNITS_KEY = 3076;
const METRE = 9001;
const USER_DEFINED = 32767;

/** The GeoKey directory as key -> value (SHORT values only; others are not needed here). */
function geoKeys(dir: readonly number[] | undefined): Map<number, number> {
  const keys = new Map<number, number>();
  if (!dir || dir.length < 4) return keys;
  const n = Math.min(dir[3]!, Math.floor((dir.length - 4) / 4));
  for (let k = 0; k < n; k++) {
    const [id, loc, , value] = dir.slice(4 + 4 * k, 8 + 4 * k);
    if (loc === 0) keys.set(id!, value!);
  }
  return keys;
}

/** The georeferencing of a scene, or undefined when the file carries none (pixel coordinates). */
export function georefFromTags(tags: GeoTags, label: string): Georef | undefined {
  const keys = geoKeys(tags.geoKeyDirectory);
  let affine: Affine;
  if (tags.transformation) {
    const m = tags.transformation;
    if (m.length < 16) throw new FianetError('bad-input', `${label}: ModelTransformation has ${m.length} values, expected 16`);
    affine = { a: m[0]!, b: m[1]!, c: m[3]!, d: m[4]!, e: m[5]!, f: m[7]! };
  } else if (tags.tiepoint && tags.pixelScale) {
    const [i, j, , x, y] = tags.tiepoint;
    const [sx, sy] = tags.pixelScale;
    if ([i, j, x, y, sx, sy].some((v) => v === undefined || !Number.isFinite(v))) {
      throw new FianetError('bad-input', `${label}: ModelTiepoint/ModelPixelScale are incomplete or not finite`);
    }
    affine = { a: sx!, b: 0, c: x! - i! * sx!, d: 0, e: -sy!, f: y! + j! * sy! };
  } else {
    return undefined;
  }
  const { a, b, c, d, e, f } = affine;
  if (![a, b, c, d, e, f].every(Number.isFinite) || a * e - b * d === 0) {
    throw new FianetError('bad-input', `${label}: the georeferencing (ModelTiepoint/ModelPixelScale/ModelTransformation) is not finite or maps pixels to a zero area`);
  }
  if (keys.get(RASTER_TYPE_KEY) === PIXEL_IS_POINT) {
    // The tags place pixel centres: the corner of pixel (0, 0) is half a pixel up and left.
    affine = { ...affine, c: affine.c - 0.5 * (affine.a + affine.b), f: affine.f - 0.5 * (affine.d + affine.e) };
  }
  const projected = keys.get(PROJECTED_CS_KEY);
  const geographicCode = keys.get(GEOGRAPHIC_TYPE_KEY);
  const code = projected ?? geographicCode;
  const geographic = projected === undefined && geographicCode !== undefined;
  const units = keys.get(PROJ_LINEAR_UNITS_KEY);
  return {
    affine,
    ...(code !== undefined && code !== USER_DEFINED ? { epsg: code } : {}),
    metres: !geographic && (units === undefined || units === METRE),
    geographic,
    tags,
  };
}

/** The affine of a window whose top-left pixel is (x0, y0) of the scene. */
export function shiftAffine(t: Affine, x0: number, y0: number): Affine {
  return { ...t, c: t.c + t.a * x0 + t.b * y0, f: t.f + t.d * x0 + t.e * y0 };
}

/** The tags of a window: only the tiepoint (or the transformation's translation) moves. */
export function shiftTags(tags: GeoTags, x0: number, y0: number): GeoTags {
  if (x0 === 0 && y0 === 0) return tags;
  if (tags.transformation) {
    const m = tags.transformation.slice();
    const [tx, ty] = [m[0]! * x0 + m[1]! * y0 + m[3]!, m[4]! * x0 + m[5]! * y0 + m[7]!];
    m[3] = tx;
    m[7] = ty;
    return { ...tags, transformation: m };
  }
  if (tags.tiepoint && tags.pixelScale) {
    const t = tags.tiepoint.slice();
    t[3] = t[3]! + x0 * tags.pixelScale[0]!;
    t[4] = t[4]! - y0 * tags.pixelScale[1]!;
    return { ...tags, tiepoint: t };
  }
  return tags;
}

/** CRS coordinates of a pixel-edge position. */
export function applyAffine(t: Affine, col: number, row: number): [number, number] {
  return [t.a * col + t.b * row + t.c, t.d * col + t.e * row + t.f];
}

/** Pixel-edge position of CRS coordinates (inverse affine). */
export function invertAffine(t: Affine, x: number, y: number): [number, number] {
  const det = t.a * t.e - t.b * t.d;
  if (det === 0 || !Number.isFinite(det)) throw new FianetError('bad-input', 'the scene geotransform is singular (zero pixel size)');
  const dx = x - t.c;
  const dy = y - t.f;
  return [(t.e * dx - t.b * dy) / det, (-t.d * dx + t.a * dy) / det];
}
