// The GeoTIFF scene reader on hostile files (reproducers of the geotiff fuzz target, rebuilt on a
// small file from our writer): a directory chain that loops (geotiff.js never returned), tag
// counts far past the end of the file (geotiff.js allocated 2-32 GiB for them), GDAL_NODATA
// stored as numbers (a TypeError), georeferencing that is not finite or has a zero scale (a
// silent NaN geotransform). Each must be one bad-input FianetError naming the file.
import { describe, expect, it } from 'vitest';
import { entry, parseIfd, read, withIfd, type Ifd } from '../../fuzz/formats/tiff.js';
import { FianetError } from '../../src/errors.js';
import { bytesSource } from '../../src/io/safetensors.js';
import { GeoTiffWriter } from '../../src/scene/geotiff-writer.js';
import type { GeoTags } from '../../src/scene/georef.js';
import { memorySink } from '../../src/scene/memory-sink.js';
import { openScene } from '../../src/scene/scene-raster.js';

async function geoTiff(tags: GeoTags): Promise<Uint8Array> {
  const sink = memorySink();
  const writer = new GeoTiffWriter(sink, 9, 7, tags, { samples: 3 });
  await writer.start();
  await writer.writeRows(Uint8Array.from({ length: 9 * 7 * 3 }, (_, i) => i));
  await writer.finish();
  return sink.bytes();
}

const UTM = { tiepoint: [0, 0, 0, 500000, 5000000, 0], pixelScale: [0.5, 0.5, 0], geoKeyDirectory: [1, 1, 0, 1, 3072, 0, 1, 32633] };

/** The file with its first directory edited (rewritten at the end). */
function edited(file: Uint8Array, edit: (ifd: Ifd) => void): Uint8Array {
  const ifd = parseIfd(file)!;
  edit(ifd);
  return withIfd(file, ifd);
}

const setEntry = (ifd: Ifd, tag: number, e: Uint8Array) => {
  const i = ifd.entries.findIndex((x) => read(x, 0, 2, ifd.le) === tag);
  ifd.entries[i] = e;
};

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await openScene(bytesSource(bytes, 'hostile.tif'))
    .then(async (raster) => raster.read(0, 0, 4, 4, [1, 2, 3]))
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FianetError);
  expect((error as FianetError).code).toBe('bad-input');
  expect((error as FianetError).message).toMatch(/^hostile\.tif: /);
  return (error as FianetError).message;
}

describe('openScene on hostile GeoTIFFs', () => {
  it('opens the unedited file (the edits below are what fails)', async () => {
    const raster = await openScene(bytesSource(await geoTiff(UTM), 'ok.tif'));
    expect([raster.width, raster.height, raster.georef?.epsg]).toEqual([9, 7, 32633]);
  });

  it('a directory chain that points back at itself', async () => {
    const file = await geoTiff(UTM);
    const looped = edited(file, (ifd) => (ifd.next = file.length + (file.length % 2)));
    expect(await refusal(looped)).toMatch(/directory chain loops back/);
  });

  it('a ModelTiepoint of 2^31 DOUBLEs, a GeoAsciiParams of 2^32 - 1 bytes', async () => {
    const file = await geoTiff({ ...UTM, geoAsciiParams: 'WGS 84 / UTM zone 33N|' });
    expect(await refusal(edited(file, (ifd) => setEntry(ifd, 33922, entry(ifd.le, 33922, 12, 2 ** 31, 200))))).toMatch(/tag 33922 declares 17179869184 bytes .* past the end of the file/);
    expect(await refusal(edited(file, (ifd) => setEntry(ifd, 34737, entry(ifd.le, 34737, 2, 2 ** 32 - 1, 200))))).toMatch(/tag 34737 declares 4294967295 bytes/);
  });

  it('GDAL_NODATA stored as SHORT numbers instead of text', async () => {
    const file = await geoTiff(UTM);
    expect(await refusal(edited(file, (ifd) => setEntry(ifd, 42113, entry(ifd.le, 42113, 3, 2, 255))))).toMatch(/GDAL_NODATA is not text/);
  });

  // The fuzz run's hang and 3.5 GB blowup: FLOAT TileWidth/TileLength whose bits read as 7e-43,
  // so geotiff.js walked ~1e43 tiles; the 256 MiB block cap saw a block of ~0 bytes.
  for (const [tag, name] of [[322, 'TileWidth'], [323, 'TileLength']] as const) {
    it(`a ${name} stored as a FLOAT denormal`, async () => {
      const file = await geoTiff(UTM);
      expect(await refusal(edited(file, (ifd) => setEntry(ifd, tag, entry(ifd.le, tag, 11, 1, 512))))).toMatch(/a tile or strip of .*e-43.* is not a positive whole size/);
    });
  }

  const degenerate: [string, GeoTags][] = [
    ['a NaN pixel scale', { ...UTM, pixelScale: [NaN, 0.5, 0] }],
    ['a zero pixel scale', { ...UTM, pixelScale: [0.5, 0, 0] }],
    ['an infinite ModelTransformation', { transformation: [Infinity, 0, 0, 1, 0, -1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1] }],
    ['a singular ModelTransformation', { transformation: [1, 2, 0, 0, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }],
  ];
  for (const [what, tags] of degenerate) {
    it(`georeferencing with ${what}`, async () => {
      expect(await refusal(await geoTiff(tags))).toMatch(/not finite/);
    });
  }
});
