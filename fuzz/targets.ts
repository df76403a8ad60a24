/**
 * What the fuzzer feeds and how: one entry per parser entry point, each with its seeds, its
 * structure-aware mutation and the call that runs one input. An input passes when the call
 * returns or throws a FianetError; anything else (another exception, a crash, a hang, a
 * memory blowup, a decoded image that breaks its own invariants) is a finding. A new parser
 * (e.g. GeoTIFF) is one more entry here.
 */
import { FianetError } from '../src/errors.js';
import { parseTokensFile } from '../src/eval/tokens-file.js';
import { decodeImage } from '../src/io/image-decode.js';
import { openPth } from '../src/io/pth.js';
import { resizeBilinear } from '../src/io/resize-bilinear.js';
import { bytesSource, openSafetensors } from '../src/io/safetensors.js';
import { parseConfig } from '../src/model/config.js';
import { openWeights } from '../src/model/open-weights.js';
import { checkTokens, parseTokensJson } from '../src/model/tokens-input.js';
import { openScene } from '../src/scene/scene-raster.js';
import { mutateGeoTiff } from './formats/geotiff.js';
import { mutateJpeg } from './formats/jpeg.js';
import { mutateJsonText } from './formats/json.js';
import { mutatePickle } from './formats/pickle.js';
import { mutatePng } from './formats/png.js';
import { mutateSafetensors } from './formats/safetensors.js';
import { mutateTiff } from './formats/tiff.js';
import { mutateZip } from './formats/zip.js';
import type { Rng } from './rng.js';
import { configSeeds, geotiffSeeds, jpegSeeds, pngSeeds, pthSeeds, safetensorsSeeds, tiffSeeds, tokensSeeds } from './seeds.js';

export interface Target {
  readonly name: string;
  seeds(): Uint8Array[] | Promise<Uint8Array[]>;
  /** A structure-aware mutation, or undefined when the input no longer parses (byte mutations then). */
  mutate(input: Uint8Array, rng: Rng, seeds: readonly Uint8Array[]): Uint8Array | undefined;
  run(input: Uint8Array): Promise<void>;
}

/** Runs `f`, letting FianetErrors through as clean rejections; used for per-tensor reads that may each fail. */
async function tolerate(f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (e) {
    if (!(e instanceof FianetError)) throw e;
  }
}

/** A decoded image must describe itself: positive sizes and exactly width x height x 3 bytes. */
function checkImage(input: Uint8Array): void {
  const image = decodeImage(input, 'fuzz-image');
  const { width, height, rgb } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0) || rgb.length !== width * height * 3) {
    throw new Error(`wrong answer: a decoded image of ${width} x ${height} with ${rgb.length} bytes was accepted`);
  }
  resizeBilinear(image, 8, 8);
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const textMutation = (input: Uint8Array, rng: Rng) => {
  const out = mutateJsonText(text(input), rng);
  return out === undefined ? undefined : new TextEncoder().encode(out);
};
const image = (name: string, seeds: () => Uint8Array[], mutate: Target['mutate']): Target => ({ name, seeds, mutate, run: async (b) => checkImage(b) });

/** Every byte of every tensor read, as a loader would. */
async function readSafetensors(input: Uint8Array): Promise<void> {
  const file = await openSafetensors(bytesSource(input, 'fuzz.safetensors'));
  for (const name of [...file.tensors.keys()].slice(0, 256)) {
    await tolerate(() => file.readF32(name));
    await tolerate(() => file.readInt32(name));
  }
}

async function readPth(input: Uint8Array): Promise<void> {
  const ckpt = await openPth(bytesSource(input, 'fuzz.pth'));
  for (const name of [...ckpt.tensors.keys()].slice(0, 256)) await tolerate(() => ckpt.read(name));
}

/** The model loaders up to (not including) the GPU: open, settle and check the config, load every weight. */
async function openModel(input: Uint8Array): Promise<void> {
  const opened = await openWeights(bytesSource(input, 'fuzz.weights'), { dataset: 'rrsisd' });
  for (const name of opened.store.names().slice(0, 256)) await tolerate(() => opened.store.load(name));
}

/** The scene reader: open, then read small windows of up to 3 bands at both corners and of the smallest overview. */
async function readScene(input: Uint8Array): Promise<void> {
  const raster = await openScene(bytesSource(input, 'fuzz.tif'));
  const bands = Array.from({ length: Math.min(raster.bands, 3) }, (_, i) => i + 1);
  const windows: [number, number, number][] = [[0, 0, 0]];
  if (raster.overviews > 0) windows.push([raster.overviews, 0, 0]);
  const [w, h] = [Math.min(raster.width, 16), Math.min(raster.height, 16)];
  windows.push([0, raster.width - w, raster.height - h]);
  for (const [k, x0, y0] of windows) {
    const [ow, oh] = raster.overviewSize(k);
    const [ww, wh] = [Math.min(w, ow), Math.min(h, oh)];
    const out = await raster.read(Math.min(x0, ow - ww), Math.min(y0, oh - wh), ww, wh, bands, k);
    if (out.length !== bands.length || out.some((b) => b.length !== ww * wh)) {
      throw new Error(`wrong answer: a ${ww} x ${wh} window of ${bands.length} bands came back as ${out.length} arrays of ${out.map((b) => b.length).join(', ')}`);
    }
  }
}

export const TARGETS: readonly Target[] = [
  { name: 'safetensors', seeds: safetensorsSeeds, mutate: (b, rng) => mutateSafetensors(b, rng), run: readSafetensors },
  { name: 'pth', seeds: pthSeeds, mutate: (b, rng, s) => (b[0] === 0x80 ? mutatePickle(b, rng) : mutateZip(b, rng, s)), run: readPth },
  image('png', pngSeeds, (b, rng, s) => mutatePng(b, rng, s)),
  image('jpeg', jpegSeeds, (b, rng, s) => mutateJpeg(b, rng, s)),
  image('tiff', tiffSeeds, (b, rng) => mutateTiff(b, rng)),
  { name: 'geotiff', seeds: geotiffSeeds, mutate: (b, rng) => mutateGeoTiff(b, rng), run: readScene },
  {
    name: 'tokens',
    seeds: tokensSeeds,
    mutate: textMutation,
    async run(b) {
      const t = text(b);
      if (t.includes('\n')) parseTokensFile(t, 'fuzz.jsonl');
      else checkTokens(parseTokensJson(t, '--tokens'), 8);
    },
  },
  {
    name: 'config',
    seeds: configSeeds,
    mutate: textMutation,
    async run(b) {
      let value: unknown;
      try {
        value = JSON.parse(text(b));
      } catch (e) {
        throw new FianetError('bad-input', `fuzz.json is not valid JSON: ${(e as Error).message}`);
      }
      parseConfig(value, 'fuzz.json');
    },
  },
  {
    name: 'loader',
    seeds: () => [...safetensorsSeeds(), ...pthSeeds()],
    mutate: (b, rng, s) => (b[0] === 0x50 ? mutateZip(b, rng, s) : b[0] === 0x80 ? mutatePickle(b, rng) : mutateSafetensors(b, rng)),
    run: openModel,
  },
];

export function targetNamed(name: string): Target {
  const t = TARGETS.find((x) => x.name === name);
  if (!t) throw new Error(`unknown fuzz target '${name}' (targets: ${TARGETS.map((x) => x.name).join(', ')})`);
  return t;
}
