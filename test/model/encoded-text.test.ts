/**
 * Text encoded once (Segmenter.encodeText) then reused: the image part alone, fed the text
 * graph's features, gives the logits of the one FIANet graph (buildFianet, text and image in
 * one graph as before the split) bit for bit, for plain `segment({ image, text })` and for
 * `segment({ image, encoded })`, on the tiny fixture and the demo model. A scene runs BERT once
 * (counted at the Segmenter interface: encodeText calls plus segment calls without `encoded`)
 * and writes the bytes the old per-tile text path writes.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbImage } from '../../src/io/image-types.js';
import { normalizeImage } from '../../src/io/image-normalize.js';
import { resizeBilinear } from '../../src/io/resize-bilinear.js';
import { bytesSource } from '../../src/io/safetensors.js';
import { packBertInputs } from '../../src/model/bert.js';
import { buildFianet } from '../../src/model/fianet.js';
import { openWeights } from '../../src/model/open-weights.js';
import type { ExpressionTokens, Segmenter, SegmentInput } from '../../src/model/segmenter.js';
import { WeightBinder } from '../../src/model/weights.js';
import { readImageFile } from '../../src/node/image-file.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { fileSource } from '../../src/node/safetensors-file.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { memorySink } from '../../src/scene/memory-sink.js';
import { openScene } from '../../src/scene/scene-raster.js';
import { segmentScene } from '../../src/scene/segment-scene.js';
import { TEST_ADAPTER, testGpu, testTarget } from '../helpers/gpu.js';
import { EXAMPLES, FIXTURES, SCENES, dataPath } from '../helpers/test-data.js';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const fixture = (p: string): string => dataPath(FIXTURES, p);
const bytesOf = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

interface Model {
  name: string;
  weights: string;
  config?: string;
  images: string[];
  texts: string[];
}

const MODELS: Model[] = [
  { name: 'tiny fixture', weights: fixture('tiny/weights.safetensors'), config: fixture('tiny/config.json'), images: [fixture('tiny/image.png')], texts: ['the white car parked on the left side of the road', 'a building in the middle'] },
  { name: 'demo model', weights: repo('weights/demo.safetensors'), images: ['example1.png', 'example2.png'].map((f) => dataPath(EXAMPLES, f)), texts: ['a green tennis court on the far right', 'the gray ship'] },
];

const load = (m: Model): Promise<Segmenter> =>
  loadSegmenter({ weights: m.weights, ...(m.config ? { config: m.config } : {}), adapter: TEST_ADAPTER, vocab: fixture('vocab.txt') });

/** The forward as one graph (text and image together), compiled apart from the Segmenter: the pre-split path. */
async function oneGraph(m: Model): Promise<(image: RgbImage, tokens: ExpressionTokens) => Promise<Float32Array>> {
  const config = m.config ? (JSON.parse(await readFile(m.config, 'utf8')) as unknown) : undefined;
  const opened = await openWeights(bytesSource(await readFile(m.weights), m.weights), config === undefined ? {} : { config });
  const g = new Graph(await testTarget());
  const binder = new WeightBinder(g, opened.store);
  const out = buildFianet(g, binder, opened.config, opened.config.text.max_tokens);
  g.output('logits', out.logits);
  binder.finish();
  const compiled = await CompiledGraph.compile(await testGpu(), g);
  const S = opened.config.input_size;
  return async (image, tokens) => {
    const resized = image.width === S && image.height === S ? image : resizeBilinear(image, S, S);
    const inputs = { image: normalizeImage(resized.rgb, S, S), ...packBertInputs(opened.config.text, tokens.input_ids, { l: tokens.l_mask, t: tokens.t_mask, p: tokens.p_mask }) };
    return (await compiled.run(inputs)).outputs.logits as Float32Array;
  };
}

for (const m of MODELS) {
  describe(`text encoded once (${m.name})`, () => {
    let model: Segmenter;
    beforeAll(async () => {
      model = await load(m);
    });
    afterAll(() => model?.destroy());

    it('segment with encoded text, plain segment and the one graph give the same logits bit for bit', async () => {
      const reference = await oneGraph(m);
      const images = await Promise.all(m.images.map((p) => readImageFile(p)));
      for (const text of m.texts) {
        const encoded = await model.encodeText(text);
        for (const [i, image] of images.entries()) {
          const plain = await model.segment({ image, text }, { logits: true });
          const reused = await model.segment({ image, encoded }, { logits: true });
          const one = await reference(image, plain.tokens);
          const what = `${text} / image ${i}`;
          expect(bytesOf(plain.logits!).equals(bytesOf(one)), `${what}: plain segment vs the one graph`).toBe(true);
          expect(bytesOf(reused.logits!).equals(bytesOf(one)), `${what}: encoded text vs the one graph`).toBe(true);
          expect(reused.mask).toEqual(plain.mask);
          expect(reused.tokens).toEqual(plain.tokens);
          expect(reused.timings.text, 'no text phase when the text comes encoded').toBeUndefined();
          expect(plain.timings.text).toBeGreaterThan(0);
        }
      }
    });

    it('tokens encode like the text they came from; another model\'s handle is refused', async () => {
      const image = await readImageFile(m.images[0]!);
      const plain = await model.segment({ image, text: m.texts[0] }, { logits: true });
      const fromTokens = await model.encodeText(plain.tokens);
      const reused = await model.segment({ image, encoded: fromTokens }, { logits: true });
      expect(bytesOf(reused.logits!).equals(bytesOf(plain.logits!))).toBe(true);
      const forged = { tokens: plain.tokens, warnings: [], ms: 0 };
      await expect(model.segment({ image, encoded: forged })).rejects.toThrow("segment: 'encoded' was not made by this model's encodeText");
    });
  });
}

describe('a scene encodes its expression once', () => {
  it('BERT runs once for all tiles and the mask has the bytes of the per-tile text path', async () => {
    const model = await load(MODELS[0]!);
    try {
      const TEXT = 'the white car parked on the left side of the road';
      const counts = { encodeText: 0, segmentWithText: 0, tiles: 0 };
      const counting: Segmenter = {
        ...model,
        encodeText(text) {
          counts.encodeText++;
          return model.encodeText(text);
        },
        segment(input, o) {
          counts.tiles++;
          if (!input.encoded) counts.segmentWithText++;
          return model.segment(input, o);
        },
      };
      /** The path before encodeText: every tile segmented from the text, BERT every time. */
      const perTileText: Segmenter = { ...model, segment: (input: SegmentInput, o) => model.segment({ image: input.image, text: TEXT }, o) };
      const run = async (segmenter: Segmenter) => {
        const source = await fileSource(dataPath(SCENES, 'public/mosaic.tif'));
        try {
          const mask = memorySink();
          const probs = memorySink();
          await segmentScene({ raster: await openScene(source), segmenter, text: TEXT, tile: 256, overlap: 64, mask, probs });
          return { mask: Buffer.from(mask.bytes()), probs: Buffer.from(probs.bytes()) };
        } finally {
          await source.close?.();
        }
      };
      const once = await run(counting);
      expect(counts.tiles, 'the 768 x 512 mosaic in 256-pixel tiles overlapping by 64: 4 x 3').toBe(12);
      expect(counts.encodeText + counts.segmentWithText, 'BERT runs').toBe(1);
      const old = await run(perTileText);
      expect(once.mask.equals(old.mask), 'mask bytes').toBe(true);
      expect(once.probs.equals(old.probs), 'probability bytes').toBe(true);
    } finally {
      await model.destroy();
    }
  });
});
