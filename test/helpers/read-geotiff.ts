// Reads a GeoTIFF the tests wrote back with the reader the engine uses (geotiff.js): size,
// band 1, and the tags a GIS reads (georeferencing, nodata, tiling, compression).
import { fromFile } from 'geotiff';
import { fileSource } from '../../src/node/safetensors-file.js';
import { openScene, type SceneRaster } from '../../src/scene/scene-raster.js';

export interface ReadBack {
  raster: SceneRaster;
  data: Uint8Array;
  tileWidth: number;
  compression: number;
  bigTiff: boolean;
}

export async function readGeoTiff(path: string): Promise<ReadBack> {
  const source = await fileSource(path);
  try {
    const raster = await openScene(source);
    const [band] = await raster.read(0, 0, raster.width, raster.height, [1]);
    const image = await (await fromFile(path)).getImage();
    const head = await source.read(0, 4);
    return {
      raster,
      data: Uint8Array.from(band!),
      tileWidth: image.getTileWidth(),
      compression: image.fileDirectory.getValue('Compression') as number,
      bigTiff: head[2] === 43,
    };
  } finally {
    await source.close?.();
  }
}
