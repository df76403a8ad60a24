/**
 * Reprojection to and from WGS84 lon/lat through proj4. Built in: EPSG:4326, EPSG:3857 and
 * every WGS 84 / UTM zone (32601-32660 north, 32701-32760 south); anything else is a clear
 * error naming the code, since guessing a datum would silently move every polygon.
 */
import proj4 from 'proj4';
import { FianetError } from '../errors.js';

export function projDefinition(epsg: number): string {
  if (epsg === 4326) return 'EPSG:4326';
  if (epsg === 3857) return 'EPSG:3857';
  const zone = epsg % 100;
  if ((Math.floor(epsg / 100) === 326 || Math.floor(epsg / 100) === 327) && zone >= 1 && zone <= 60) {
    return `+proj=utm +zone=${zone}${epsg >= 32700 ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
  }
  if (epsg === 0) throw new FianetError('bad-input', 'the scene has a user-defined CRS (no EPSG code): cannot reproject it to WGS84');
  throw new FianetError('bad-input', `EPSG:${epsg} has no built-in definition (built in: 4326, 3857, WGS 84 / UTM 326xx and 327xx); reproject the scene to one of them first`);
}

export type Transform = (x: number, y: number) => [number, number];

/** Coordinates in `from` -> coordinates in `to`. */
export function crsTransform(from: number, to: number): Transform {
  if (from === to) return (x, y) => [x, y];
  const converter = proj4(projDefinition(from), projDefinition(to));
  return (x, y) => {
    const [u, v] = converter.forward([x, y]);
    return [u!, v!];
  };
}
