/**
 * The engine in a real page: the library bundle (dist/fianet.browser.js) loads the tiny
 * fixture's PyTorch training checkpoint (checkpoint_full.pth, as a Blob: the path of a file
 * picked in a page) with its config.json, decodes image.png and runs sample s0's tokens
 * through the full path (PIL-exact resize, BERT, Swin + FIAM, TMEM, decoder) on
 * SwiftShader WebGPU; the logits must match the reference's s0.logits.
 * Tolerance: atol 4e-5 on the logits (|max| 5.0), as the Node tests' TMEM/decoder check
 * (test/model/tmem-decoder.test.ts); the same full path on llvmpipe in Node is 3.3e-5 off,
 * an independent float32 implementation 3.5e-5 (fixture README). The mask may differ only
 * where the reference's two logits are closer than 1e-4 (none for s0).
 */
import { expect, test } from 'vitest';
import type * as Fianet from '../../src/browser.js';
import { expectWithin, maskMismatches, measureError } from '../helpers/compare.js';
import { fixtureInts, fixtureTensor, fixtureTokens, openFixtureFile } from '../helpers/test-data.js';
import { chromiumSession, watchPage } from './chromium.js';

const LOGITS_ATOL = 4e-5;
const MARGIN_EXEMPT = 1e-4;
/** f16 weights: measured 1.62e-2 in Chromium on SwiftShader (1.6e-2 in Node against the f32 model); ~6x. */
const F16_LOGITS_ATOL = 0.1;

const session = chromiumSession();

/**
 * Opens a page with the library bundle and, in it, loads the fixture's checkpoint (with f16
 * weights if asked) and segments s0: only what a web app using the bundle would do.
 */
async function segmentInPage(weightsDtype?: 'f16') {
  const tensors = await openFixtureFile('tiny/tensors.safetensors');
  const tokens = await fixtureTokens(tensors, 's0');
  const page = await session.browser.newPage();
  const errors = watchPage(page);
  await page.goto(`${session.url}/test-pages/harness.html`);
  await page.waitForFunction(() => 'fianet' in window);
  const out = await page.evaluate(async ({ tokens, weightsDtype }) => {
    const lib = (window as unknown as { fianet: typeof Fianet }).fianet;
    const config: unknown = await (await fetch('/fixtures/tiny/config.json')).json();
    const weights = await (await fetch('/fixtures/tiny/checkpoint_full.pth')).blob();
    // The last count of each phase: weights and pipelines report apart, at the same time.
    const built: Record<string, number> = {};
    const model = await lib.loadModel({ weights, vocab: '/weights/vocab.txt', config, weightsDtype, onProgress: (p) => (built[p.phase] = p.done) });
    try {
      const image = await lib.readImage(await (await fetch('/fixtures/tiny/image.png')).blob(), 'image.png');
      const result = await model.segment({ image, tokens }, { logits: true });
      return { logits: Array.from(result.logits!), mask: Array.from(result.mask), adapter: model.adapter, weights: model.weights, timings: result.timings, built };
    } finally {
      model.destroy();
    }
  }, { tokens, weightsDtype });
  return { tensors, out, errors };
}

test('tiny fixture s0 in the page: logits match the reference', async () => {
  const { tensors, out, errors } = await segmentInPage();
  expect(errors).toEqual([]);
  expect(out.adapter.kind).toBe('browser');
  expect(out.built.weights).toBeGreaterThan(0);
  expect(out.built.pipelines).toBeGreaterThan(0);
  expect(`${out.adapter.vendor} ${out.adapter.architecture}`).toMatch(/swiftshader/i);

  const expected = await fixtureTensor(tensors, 's0.logits'); // [1, 2, S, S]
  const logits = measureError('s0.logits', out.logits, expected, LOGITS_ATOL);
  const mismatches = maskMismatches('s0.mask', out.mask, await fixtureInts(tensors, 's0.mask'), expected, MARGIN_EXEMPT).maxAbsErr;
  const phases = Object.entries(out.timings).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
  console.log(`tiny s0 on ${out.adapter.vendor} ${out.adapter.architecture}: logits max |err| ${logits.maxAbsErr.toExponential(2)} at ${logits.worst?.index} (atol ${LOGITS_ATOL}); mask mismatches ${mismatches}; ${phases}`);
  expectWithin([logits]);
  expect(mismatches).toBe(0);
});

// f16 weights in the page (loadModel's weightsDtype), against the reference logits (4.37 MiB of
// weights); test/model/f16-weights.test.ts compares against the f32 model in Node.
test('tiny fixture s0 in the page with f16 weights: stored f16, logits within the f16 tolerance', async () => {
  const { tensors, out, errors } = await segmentInPage('f16');
  expect(errors).toEqual([]);
  expect(out.weights.dtype).toBe('f16');
  const logits = measureError('s0.logits (f16 weights)', out.logits, await fixtureTensor(tensors, 's0.logits'), F16_LOGITS_ATOL);
  console.log(`tiny s0 in the page with f16 weights: ${(out.weights.bytes / 2 ** 20).toFixed(2)} MiB of weights, logits max |err| ${logits.maxAbsErr.toExponential(2)} from the reference`);
  expectWithin([logits]);
});
