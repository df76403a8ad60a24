/**
 * Polygons as an RFC 7946 FeatureCollection: WGS84 lon/lat, no `crs` member, exterior rings
 * counter-clockwise and holes clockwise, closed rings. Properties: the expression, pixel
 * count, area (m^2 when the CRS is projected in metres), mean and max probability. A scene
 * without georeferencing gives pixel coordinates (col, row) instead.
 */
import { FianetError } from '../errors.js';
import { crsTransform } from './crs.js';
import { applyAffine, type Georef } from './georef.js';
import type { PixelPolygon } from './polygonize.js';
import { shoelace } from './polygonize.js';
import { PROB_MAX } from './blend-band.js';

/** 1e-8 degree is about a millimetre: far below a pixel, and the output stays compact. */
const DIGITS = 1e8;

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: { type: 'Polygon'; coordinates: number[][][] };
    properties: Record<string, string | number | null>;
  }>;
}

export function toGeoJson(polygons: readonly PixelPolygon[], georef: Georef | undefined, expression: string): FeatureCollection {
  let place: (col: number, row: number) => [number, number] = (c, r) => [c, r];
  let pixelArea: number | null = null;
  if (georef) {
    if (georef.epsg === undefined) throw new FianetError('bad-input', 'the scene has a user-defined CRS (no EPSG code): cannot write GeoJSON in WGS84');
    const toLonLat = crsTransform(georef.epsg, 4326);
    const { affine } = georef;
    place = (c, r) => {
      const [lon, lat] = toLonLat(...applyAffine(affine, c, r));
      return [Math.round(lon * DIGITS) / DIGITS, Math.round(lat * DIGITS) / DIGITS];
    };
    if (georef.metres) pixelArea = Math.abs(affine.a * affine.e - affine.b * affine.d);
  }
  const features = polygons.map((p) => {
    const coordinates = p.rings.map((ring, i) => {
      const placed = ring.map(([c, r]) => place(c, r));
      // Exterior counter-clockwise (positive area, y up), holes clockwise. Pixel coordinates
      // have y down, so there the sense is mirrored.
      const yUp = georef !== undefined;
      const positive = (shoelace(placed) > 0) === yUp;
      if (positive !== (i === 0)) placed.reverse();
      return placed;
    });
    return {
      type: 'Feature' as const,
      geometry: { type: 'Polygon' as const, coordinates },
      properties: {
        expression,
        pixel_count: p.pixelCount,
        area: pixelArea === null ? null : p.pixelCount * pixelArea,
        mean_probability: Math.round((p.probSum / p.pixelCount / PROB_MAX) * 1e4) / 1e4,
        max_probability: Math.round((p.probMax / PROB_MAX) * 1e4) / 1e4,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
