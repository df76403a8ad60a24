/**
 * The processed window: the whole scene, or a bounding box in the scene's CRS snapped
 * outward to source pixel edges and clipped to the scene.
 */
import { FianetError } from '../errors.js';
import { crsTransform } from './crs.js';
import { invertAffine, type Affine } from './georef.js';

export interface PixelWindow {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** A bbox [minX, minY, maxX, maxY] in the scene's CRS -> the pixel window it covers. */
export function bboxWindow(bbox: readonly number[], affine: Affine, width: number, height: number): PixelWindow {
  const [minX, minY, maxX, maxY] = bbox as [number, number, number, number];
  const corners = [invertAffine(affine, minX, minY), invertAffine(affine, maxX, minY), invertAffine(affine, minX, maxY), invertAffine(affine, maxX, maxY)];
  // Snap outward, but a corner within 1e-6 pixel of an edge is on it (float noise).
  const snap = (v: number, up: boolean) => (Math.abs(v - Math.round(v)) < 1e-6 ? Math.round(v) : up ? Math.ceil(v) : Math.floor(v));
  const x0 = Math.max(0, snap(Math.min(...corners.map((c) => c[0])), false));
  const y0 = Math.max(0, snap(Math.min(...corners.map((c) => c[1])), false));
  const x1 = Math.min(width, snap(Math.max(...corners.map((c) => c[0])), true));
  const y1 = Math.min(height, snap(Math.max(...corners.map((c) => c[1])), true));
  if (!(x1 > x0 && y1 > y0)) throw new FianetError('bad-input', `--bbox ${bbox.join(',')} does not overlap the scene`);
  return { x0, y0, width: x1 - x0, height: y1 - y0 };
}

export function parseBbox(text: string): { bbox: number[]; epsg?: number } {
  const parts = text.split(',').map((s) => s.trim());
  const m = parts.length === 5 ? /^EPSG:(\d{4,6})$/i.exec(parts[4]!) : null;
  const bbox = parts.slice(0, 4).map(Number);
  if (!(parts.length === 4 || m) || !bbox.every(Number.isFinite) || !(bbox[2]! > bbox[0]! && bbox[3]! > bbox[1]!)) {
    throw new FianetError('bad-input', `--bbox must be MINX,MINY,MAXX,MAXY[,EPSG:CODE] with MIN < MAX, got ${JSON.stringify(text)}`);
  }
  return { bbox, ...(m ? { epsg: Number(m[1]) } : {}) };
}

/** Points along each side of a reprojected bbox: a straight side in one CRS bends in another. */
const SIDE_POINTS = 21;

/** The bbox [minX, minY, maxX, maxY] in EPSG `from` -> the bbox enclosing it in EPSG `to`. */
export function reprojectBbox(bbox: readonly number[], from: number, to: number): number[] {
  const [minX, minY, maxX, maxY] = bbox as [number, number, number, number];
  const t = crsTransform(from, to);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < SIDE_POINTS; i++) {
    const f = i / (SIDE_POINTS - 1);
    const x = minX + f * (maxX - minX);
    const y = minY + f * (maxY - minY);
    for (const [u, v] of [t(x, minY), t(x, maxY), t(minX, y), t(maxX, y)]) {
      xs.push(u);
      ys.push(v);
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
