/**
 * Small valid inputs for every target, built by code (so each seed is known to parse) or
 * read from the repository (the .pth test files, the example masks).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { encodeSafetensors } from '../src/io/safetensors.js';
import { publishedConfig } from '../src/model/config.js';
import { GeoTiffWriter } from '../src/scene/geotiff-writer.js';
import { memorySink } from '../src/scene/memory-sink.js';
import { buildTiff } from '../test/io/image-tiff-builder.js';
import { Rng } from './rng.js';

/** The repository root: the nearest folder above this module with a package.json (the module may run bundled from fuzz/.build/). */
function findRoot(): URL {
  for (let dir = new URL('./', import.meta.url); dir.pathname !== '/'; dir = new URL('../', dir)) if (existsSync(new URL('package.json', dir))) return dir;
  throw new Error('fuzz: cannot find the repository root (package.json) above the harness');
}
const repo = (p: string): URL => new URL(p, findRoot());
const flat = (parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

function pixels(n: number, channels: number, seed: number): Uint8Array {
  const rng = new Rng(seed);
  return Uint8Array.from({ length: n * channels }, (_, i) => ((i * 37) ^ rng.int(64)) & 0xff);
}

export function pngSeeds(): Uint8Array[] {
  const seeds: Uint8Array[] = [1, 2, 3, 4].map((k) => new Uint8Array(readFileSync(repo(`examples/example${k}_mask.png`))));
  for (const [channels, depth, w, h] of [[3, 8, 7, 5], [4, 8, 3, 9], [1, 8, 11, 2], [2, 8, 4, 4], [3, 16, 5, 3], [1, 16, 2, 7], [1, 1, 13, 3]] as const) {
    const data = depth === 16 ? Uint16Array.from(pixels(w * h, channels, w), (v) => v * 257) : depth === 1 ? pixels(Math.ceil(w / 8) * h, 1, h) : pixels(w * h, channels, w + h);
    seeds.push(encodePng({ width: w, height: h, data, channels, depth }));
  }
  const palette = [[0, 0, 0], [255, 0, 0], [0, 255, 0], [10, 20, 30]] as [number, number, number][];
  seeds.push(encodePng({ width: 6, height: 4, data: pixels(24, 1, 9).map((v) => v & 3), channels: 1, depth: 8, palette }));
  return seeds;
}

export function jpegSeeds(): Uint8Array[] {
  return [[8, 8, 90], [17, 5, 50], [3, 21, 100], [32, 16, 10]].map(([w, h, q]) => {
    const data = pixels(w! * h!, 4, w! * h!);
    return new Uint8Array(jpeg.encode({ width: w!, height: h!, data }, q).data);
  });
}

export function tiffSeeds(): Uint8Array[] {
  return [
    buildTiff({ width: 5, height: 3, bits: 8, samples: 3, photometric: 2, data: pixels(15, 3, 1) }),
    buildTiff({ width: 4, height: 4, bits: 16, samples: 1, photometric: 1, data: Array.from(pixels(16, 1, 2), (v) => v * 250), bigEndian: true }),
    buildTiff({ width: 3, height: 2, bits: 8, samples: 4, photometric: 2, data: pixels(6, 4, 3), extraSamples: [2] }),
    buildTiff({ width: 6, height: 2, bits: 8, samples: 1, photometric: 3, data: pixels(12, 1, 4).map((v) => v & 3), colorMap: Array.from({ length: 768 }, (_, i) => (i * 997) & 0xffff) }),
    buildTiff({ width: 2, height: 5, bits: 8, samples: 1, photometric: 0, data: pixels(10, 1, 5) }),
  ];
}

/** The config layout of --config files (input_size, model, text) for a small input size. */
export function configJson(): string {
  const c = publishedConfig('rrsisd', 96);
  return JSON.stringify({ input_size: c.input_size, model: c.model, text: c.text });
}

export function safetensorsSeeds(): Uint8Array[] {
  const t = (name: string, dtype: 'F32' | 'F16' | 'BF16' | 'F64' | 'I64' | 'I32' | 'U8', shape: number[], bytesPer: number) => ({
    name,
    dtype,
    shape,
    data: pixels(shape.reduce((a, b) => a * b, 1) * bytesPer, 1, shape.length + bytesPer),
  });
  return [
    flat(encodeSafetensors([t('a.weight', 'F32', [3, 5], 4), t('a.bias', 'F32', [3], 4)])),
    flat(encodeSafetensors([t('h', 'F16', [7], 2), t('b', 'BF16', [2, 2], 2), t('d', 'F64', [3], 8)], { format: 'pt' })),
    flat(encodeSafetensors([t('ids', 'I64', [4], 8), t('i', 'I32', [2, 3], 4), t('u', 'U8', [5], 1)], { fianet_config: configJson(), fianet_bn_folded: 'false' })),
  ];
}

export function pthSeeds(): Uint8Array[] {
  const dir = repo('test/data/pth/');
  return readdirSync(dir)
    .filter((f) => f.startsWith('views') && f.endsWith('.pth'))
    .map((f) => new Uint8Array(readFileSync(new URL(f, dir))));
}

export function tokensSeeds(): Uint8Array[] {
  const ids = [101, 1996, 2317, 2482, 102, 0, 0, 0];
  const record = { input_ids: ids, l_mask: [1, 1, 1, 1, 1, 0, 0, 0], t_mask: [0, 1, 1, 1, 0, 0, 0, 0], p_mask: [0, 0, 0, 0, 0, 0, 0, 0] };
  const lines = [record, { ...record, expression: 'the white car', image: 'a.png' }].map((r) => JSON.stringify(r)).join('\n');
  return [JSON.stringify(record), lines].map((s) => new TextEncoder().encode(s));
}

export const configSeeds = (): Uint8Array[] => [new TextEncoder().encode(configJson())];

/** The public test scenes (8- and 16-bit, 4 bands, a collar of nodata) and a small GeoTIFF from our writer (RGB, UTM tags, nodata). */
export async function geotiffSeeds(): Promise<Uint8Array[]> {
  const dir = repo('test/scenes/public/');
  const scenes = readdirSync(dir)
    .filter((f) => f.endsWith('.tif'))
    .sort()
    .map((f) => new Uint8Array(readFileSync(new URL(f, dir))));
  const [w, h] = [21, 13];
  const sink = memorySink();
  const tags = { tiepoint: [0, 0, 0, 500000, 5000000, 0], pixelScale: [0.5, 0.5, 0], geoKeyDirectory: [1, 1, 0, 2, 1025, 0, 1, 1, 3072, 0, 1, 32633] };
  const writer = new GeoTiffWriter(sink, w, h, tags, { samples: 3, nodata: 0 });
  await writer.start();
  await writer.writeRows(pixels(w * h, 3, 6));
  await writer.finish();
  return [...scenes, sink.bytes()];
}
