// Our streaming GeoTIFF writer read back by geotiff.js: classic and BigTIFF, sizes that are not
// multiples of the 512 block, rows arriving in odd chunks, tags and nodata as given.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSink } from '../../src/node/file-sink.js';
import { GeoTiffWriter } from '../../src/scene/geotiff-writer.js';
import { readGeoTiff } from '../helpers/read-geotiff.js';

describe('GeoTiffWriter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fianet-writer-'));
  for (const bigTiff of [false, true]) {
    it(`${bigTiff ? 'BigTIFF' : 'classic TIFF'}: 700 x 531 in chunks of 37 rows reads back exactly`, async () => {
      const [w, h] = [700, 531];
      const data = Uint8Array.from({ length: w * h }, (_, p) => (p * 7919) % 3 === 0 ? 255 : (p >> 5) & 1);
      const tags = { tiepoint: [0, 0, 0, 500000, 5000000, 0], pixelScale: [0.5, 0.5, 0], geoKeyDirectory: [1, 1, 0, 1, 3072, 0, 1, 32633] };
      const path = join(dir, `w-${bigTiff}.tif`);
      const writer = new GeoTiffWriter(await fileSink(path), w, h, tags, { bigTiff });
      await writer.start();
      for (let y = 0; y < h; y += 37) await writer.writeRows(data.subarray(y * w, Math.min(h, y + 37) * w));
      await writer.finish();
      const back = await readGeoTiff(path);
      expect(back.bigTiff).toBe(bigTiff);
      expect([back.raster.width, back.raster.height, back.tileWidth, back.compression, back.raster.nodata]).toEqual([w, h, 512, 8, 255]);
      expect(back.raster.georef?.tags).toEqual(tags);
      expect(back.data).toEqual(data);
    });
  }
});
