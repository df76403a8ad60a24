// Test scenes made with the engine's own GeoTIFF writer (never committed, never big in git):
// an RGB scene of a constant colour with the mosaic pasted at (col, row), georeferenced so the
// pasted pixels keep the mosaic's own coordinates.
import { fileSink } from '../../src/node/file-sink.js';
import { fileSource } from '../../src/node/safetensors-file.js';
import { GeoTiffWriter } from '../../src/scene/geotiff-writer.js';
import { openScene } from '../../src/scene/scene-raster.js';

export async function writeSceneAround(mosaicPath: string, out: string, width: number, height: number, col: number, row: number): Promise<void> {
  const source = await fileSource(mosaicPath);
  const mosaic = await openScene(source);
  const [r, g, b] = await mosaic.read(0, 0, mosaic.width, mosaic.height, [1, 2, 3]);
  await source.close?.();
  const tags = { ...mosaic.georef!.tags };
  const [sx, sy] = tags.pixelScale!;
  const t = tags.tiepoint!.slice();
  t[3] = t[3]! - col * sx!;
  t[4] = t[4]! + row * sy!;
  tags.tiepoint = t;
  const writer = new GeoTiffWriter(await fileSink(out), width, height, tags, { samples: 3, nodata: null });
  await writer.start();
  const rowsAtOnce = 64;
  const background = new Uint8Array(rowsAtOnce * width * 3);
  for (let p = 0; p < rowsAtOnce * width; p++) background.set([90, 110, 80], 3 * p);
  for (let y0 = 0; y0 < height; y0 += rowsAtOnce) {
    const n = Math.min(rowsAtOnce, height - y0);
    const rows = background.slice(0, n * width * 3);
    for (let y = Math.max(y0, row); y < Math.min(y0 + n, row + mosaic.height); y++) {
      for (let x = 0; x < mosaic.width; x++) {
        const s = (y - row) * mosaic.width + x;
        rows.set([r![s]!, g![s]!, b![s]!], 3 * ((y - y0) * width + col + x));
      }
    }
    await writer.writeRows(rows);
  }
  await writer.finish();
}
