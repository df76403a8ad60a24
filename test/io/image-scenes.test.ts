// Real files from another writer: the georeferenced scenes (test/scenes, written by GDAL
// via rasterio: tiled 256 x 256, Deflate with 3 or 4 bands of 8 or 16 bits) decode to the same
// pixels as the scenes' plain PNG tiles. PIL 9.4 decodes mosaic, single, collar and mosaic4
// identically to us (checked once); it cannot open mosaic16.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/io/image-decode.js';
import type { DecodedImage } from '../../src/io/image-types.js';
import { SCENES } from '../helpers/test-data.js';

const decode = (rel: string): DecodedImage => decodeImage(new Uint8Array(readFileSync(new URL(`public/${rel}`, SCENES))), rel);

/** Compares the 256 x 256 block (row, col) of a mosaic with tiles/r{row}c{col}.png; counts mismatches. */
function blockMismatches(mosaic: DecodedImage, row: number, col: number, ignoreFromX = Infinity): number {
  const tile = decode(`tiles/r${row}c${col}.png`);
  let wrong = 0;
  for (let y = 0; y < 256; y++) {
    for (let x = 0; x < 256; x++) {
      if (col * 256 + x >= ignoreFromX) continue;
      for (let c = 0; c < 3; c++) {
        if (mosaic.rgb[((row * 256 + y) * mosaic.width + col * 256 + x) * 3 + c] !== tile.rgb[(y * 256 + x) * 3 + c]) wrong++;
      }
    }
  }
  return wrong;
}

describe('GDAL-written GeoTIFF scenes', () => {
  it('mosaic.tif (8-bit RGB, 6 tiles) equals its PNG tiles', () => {
    const mosaic = decode('mosaic.tif');
    expect([mosaic.width, mosaic.height, mosaic.warnings]).toEqual([768, 512, []]);
    for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) expect(blockMismatches(mosaic, r, c), `r${r}c${c}`).toBe(0);
  });

  it('mosaic16.tif (v * 257 in 16 bits) keeps the high byte: the 8-bit mosaic again', () => {
    const [wide, narrow] = [decode('mosaic16.tif'), decode('mosaic.tif')];
    expect(wide.rgb.length).toBe(narrow.rgb.length);
    expect(wide.rgb.filter((v, i) => v !== narrow.rgb[i]).length).toBe(0);
  });

  it('single.tif is the first tile; collar.tif the mosaic up to its nodata columns', () => {
    expect(blockMismatches(decode('single.tif'), 0, 0)).toBe(0);
    const collar = decode('collar.tif');
    for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) expect(blockMismatches(collar, r, c, 768 - 48), `r${r}c${c}`).toBe(0);
  });
});
