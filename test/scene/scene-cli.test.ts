/**
 * `fianet scene` on the shared test scenes (a 3 x 2 mosaic of demo images in EPSG:32633 and
 * its variants), through the CLI: the mask GeoTIFF's georeferencing and format, and the
 * equalities that pin the tiling down exactly: with --overlap 0 each 256 x 256 block equals
 * `fianet segment --original-size` on that block; 16-bit with --scale-range and 4 bands with
 * --bands 2,3,4 equal the 8-bit RGB run; nodata pixels are 255.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { decodeImage } from '../../src/io/image-decode.js';
import { crsTransform } from '../../src/scene/crs.js';
import type { FeatureCollection } from '../../src/scene/geojson.js';
import { invertAffine } from '../../src/scene/georef.js';
import { shoelace } from '../../src/scene/polygonize.js';
import { rasterize } from '../helpers/rasterize.js';
import { writeSceneAround } from '../helpers/write-scene.js';
import { readGeoTiff } from '../helpers/read-geotiff.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { SCENES, dataPath, readJson } from '../helpers/test-data.js';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const scene = (p: string): string => dataPath(SCENES, `public/${p}`);
const TEXT = readJson<{ texts: string[] }>(new URL('public/scenes.json', SCENES)).texts[0]!;

describe('fianet scene', () => {
  let dir: string;
  let errors: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fianet-scene-'));
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  });
  afterAll(() => vi.restoreAllMocks());

  const sceneRun = async (image: string, out: string, ...extra: string[]) => {
    const code = await main(['scene', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--image', image, '--text', TEXT, '--out', out, '--quiet', ...extra]);
    expect(code, errors.join('\n')).toBe(0);
    return readGeoTiff(out);
  };
  const segmentRun = async (image: string): Promise<Uint8Array> => {
    const out = join(dir, 'segment.png');
    const code = await main(['segment', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--image', image, '--text', TEXT, '--out', out, '--original-size', '--quiet']);
    expect(code, errors.join('\n')).toBe(0);
    const png = decodeImage(readFileSync(out), 'segment mask');
    return Uint8Array.from({ length: png.width * png.height }, (_, p) => (png.rgb[3 * p]! > 0 ? 1 : 0));
  };
  const block = (data: Uint8Array, width: number, r: number, c: number) =>
    Uint8Array.from({ length: 256 * 256 }, (_, p) => data[(r * 256 + Math.floor(p / 256)) * width + c * 256 + (p % 256)]!);

  let mosaic: Awaited<ReturnType<typeof readGeoTiff>>;
  beforeAll(async () => {
    mosaic = await sceneRun(scene('mosaic.tif'), join(dir, 'mosaic.tif'), '--tile', '256', '--overlap', '0', '--geojson', join(dir, 'mosaic.geojson'));
  });

  it('writes a tiled DEFLATE uint8 GeoTIFF with the input CRS, transform, size and nodata 255', async () => {
    const input = (await readGeoTiff(scene('mosaic.tif'))).raster;
    const out = mosaic.raster;
    expect([out.width, out.height, out.bands, out.bits, out.kind]).toEqual([768, 512, 1, 8, 'uint']);
    expect(out.nodata).toBe(255);
    expect([mosaic.tileWidth, mosaic.compression, mosaic.bigTiff]).toEqual([512, 8, false]);
    expect(out.georef?.affine).toEqual(input.georef?.affine);
    expect(out.georef?.affine).toEqual({ a: 0.5, b: 0, c: 500000, d: 0, e: -0.5, f: 5000000 });
    expect(out.georef?.epsg).toBe(32633);
    expect(out.georef?.tags).toEqual(input.georef?.tags);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--tile 256 --overlap 0 equals `fianet segment --original-size` on every 256 x 256 block', async () => {
    expect(mosaic.data.some((v) => v === 1)).toBe(true);
    for (const [r, c] of [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]] as const) {
      const expected = await segmentRun(scene(`tiles/r${r}c${c}.png`));
      expect(block(mosaic.data, 768, r, c), `block r${r}c${c}`).toEqual(expected);
    }
  });

  it('the GeoJSON is RFC 7946 and, reprojected back and rasterized, gives the mask again', () => {
    const fc = JSON.parse(readFileSync(join(dir, 'mosaic.geojson'), 'utf8')) as FeatureCollection;
    expect(fc.type).toBe('FeatureCollection');
    expect('crs' in fc).toBe(false);
    expect(fc.features.length).toBeGreaterThan(0);
    const toUtm = crsTransform(4326, 32633);
    const affine = mosaic.raster.georef!.affine;
    const pixelRings = fc.features.map((f) => {
      expect(f.properties.expression).toBe(TEXT);
      expect(f.properties.area).toBe((f.properties.pixel_count as number) * 0.25);
      expect(f.properties.max_probability).toBeGreaterThanOrEqual(f.properties.mean_probability as number);
      return f.geometry.coordinates.map((ring, i) => {
        expect(ring[ring.length - 1]).toEqual(ring[0]);
        for (const [lon, lat] of ring) expect(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90).toBe(true);
        // Exterior rings counter-clockwise (positive area in lon/lat), holes clockwise.
        expect(shoelace(ring as Array<[number, number]>) > 0).toBe(i === 0);
        return ring.map(([lon, lat]) => invertAffine(affine, ...toUtm(lon!, lat!)));
      });
    });
    const back = rasterize(pixelRings, 768, 512);
    let inter = 0;
    let union = 0;
    for (let p = 0; p < back.length; p++) {
      const m = mosaic.data[p] === 1;
      inter += Number(m && back[p] === 1);
      union += Number(m || back[p] === 1);
    }
    // Measured: IoU 1 over 1416 object pixels (coordinates rounded to 1e-8 degree, about 1 mm, on 0.5 m pixels).
    expect(inter / union).toBeGreaterThanOrEqual(0.99);
  });

  it('--bbox on a larger scene around the mosaic gives the mosaic result and transform (scene CRS and EPSG:4326)', async () => {
    const big = join(dir, 'big.tif');
    await writeSceneAround(scene('mosaic.tif'), big, 1536, 1280, 512, 256);
    const inScene = await sceneRun(big, join(dir, 'bbox.tif'), '--tile', '256', '--overlap', '0', '--bbox', '500000,4999744,500384,5000000');
    expect(inScene.raster.georef?.affine).toEqual(mosaic.raster.georef?.affine);
    expect([inScene.raster.width, inScene.raster.height]).toEqual([768, 512]);
    expect(inScene.data).toEqual(mosaic.data);
    expect(readFileSync(join(dir, 'bbox.tif'))).toEqual(readFileSync(join(dir, 'mosaic.tif')));
    // The same box as lon/lat, a quarter pixel inside each edge: it snaps out to the same pixels.
    const toLonLat = crsTransform(32633, 4326);
    const [w, s] = toLonLat(500000.125, 4999744.125);
    const [e, n] = toLonLat(500383.875, 4999999.875);
    const inLonLat = await sceneRun(big, join(dir, 'bbox4326.tif'), '--tile', '256', '--overlap', '0', '--bbox', `${w},${s},${e},${n},EPSG:4326`);
    expect(inLonLat.data).toEqual(mosaic.data);
  });

  it('a one-tile scene with the default tile and overlap equals `fianet segment --original-size`', async () => {
    const single = await sceneRun(scene('single.tif'), join(dir, 'single.tif'), '--tile', '256');
    expect(single.data).toEqual(await segmentRun(scene('tiles/r0c0.png')));
  });

  it('the 16-bit mosaic with --scale-range 0,65535 and the 4-band one with --bands 2,3,4 equal the 8-bit result', async () => {
    const wide = await sceneRun(scene('mosaic16.tif'), join(dir, 'm16.tif'), '--tile', '256', '--overlap', '0', '--scale-range', '0,65535');
    expect(wide.data).toEqual(mosaic.data);
    const four = await sceneRun(scene('mosaic4.tif'), join(dir, 'm4.tif'), '--tile', '256', '--overlap', '0', '--bands', '2,3,4');
    expect(four.data).toEqual(mosaic.data);
  });

  it('is 255 exactly on the nodata collar', async () => {
    const collar = await sceneRun(scene('collar.tif'), join(dir, 'collar.tif'), '--tile', '256', '--overlap', '0');
    const cols = readJson<{ collar_cols: number }>(new URL('public/scenes.json', SCENES)).collar_cols;
    for (let p = 0; p < 768 * 512; p++) {
      const nodata = p % 768 >= 768 - cols;
      if (nodata !== (collar.data[p] === 255)) throw new Error(`pixel (${p % 768}, ${Math.floor(p / 768)}): ${collar.data[p]}, nodata ${nodata}`);
    }
  });

  const fails = async (message: RegExp, ...args: string[]) => {
    errors.length = 0;
    const out = join(dir, 'never.tif');
    const code = await main(['scene', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--text', TEXT, '--out', out, '--quiet', ...args]);
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(message);
    expect(readdirSync(dir).filter((f) => f.startsWith('never') || f.startsWith('.never'))).toEqual([]);
  };
  it('prints only its answer lines (no debug lines without --verbose)', async () => {
    errors.length = 0;
    const code = await main(['scene', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--image', scene('single.tif'), '--text', TEXT, '--out', join(dir, 'said.tif')]);
    expect(code, errors.join('\n')).toBe(0);
    // The loader's log takes (level, line): a one-argument logger printed the level, 'debug', alone.
    const unexpected = errors.filter((l) => !/^(scene: |values: |window: |mask: )/.test(l));
    expect(unexpected).toEqual([]);
  });
  it('rejects a missing scene', () => fails(/nope\.tif: no such file/, '--image', join(dir, 'nope.tif')));
  it('rejects a band the scene does not have', () => fails(/band 5 does not exist in mosaic\.tif \(bands 1\.\.3\)/, '--image', scene('mosaic.tif'), '--bands', '5,2,1'));
  it('rejects a bbox outside the scene', () => fails(/--bbox 0,0,10,10 does not overlap the scene/, '--image', scene('mosaic.tif'), '--bbox', '0,0,10,10'));
  it('rejects a bbox in a CRS with no built-in definition, naming it', () => fails(/EPSG:2154 has no built-in definition/, '--image', scene('mosaic.tif'), '--bbox', '0,0,10,10,EPSG:2154'));
  it('rejects an overlap of half a tile or more', () => fails(/--overlap must be an integer in 0\.\.127/, '--image', scene('mosaic.tif'), '--tile', '256', '--overlap', '128'));
});
