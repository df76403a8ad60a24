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
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { bytesSource, openSafetensors } from '../../src/io/safetensors.js';
import type * as Fianet from '../../src/browser.js';
import { FIXTURES } from '../helpers/test-data.js';
import { chromiumSession, watchPage } from './chromium.js';

const LOGITS_ATOL = 4e-5;
const MARGIN_EXEMPT = 1e-4;

const session = chromiumSession();

/** The fixture's s0 tokens and tensors, and a page with the library bundle loaded. */
async function openHarness() {
  const path = 'tiny/tensors.safetensors';
  const tensors = await openSafetensors(bytesSource(await readFile(new URL(path, FIXTURES)), path));
  const ids = async (name: string) => Array.from(await tensors.readInt32(`s0.${name}`));
  const tokens = { input_ids: await ids('input_ids'), l_mask: await ids('l_mask'), t_mask: await ids('t_mask'), p_mask: await ids('p_mask') };
  const page = await session.browser.newPage();
  const errors = watchPage(page);
  await page.goto(`${session.url}/test-pages/harness.html`);
  await page.waitForFunction(() => 'fianet' in window);
  return { tensors, tokens, page, errors };
}

test('tiny fixture s0 in the page: logits match the reference', async () => {
  const { tensors, tokens, page, errors } = await openHarness();
  // Runs in the page: only what a web app using the bundle would do.
  const out = await page.evaluate(async (tokens) => {
    const lib = (window as unknown as { fianet: typeof Fianet }).fianet;
    const config: unknown = await (await fetch('/fixtures/tiny/config.json')).json();
    const weights = await (await fetch('/fixtures/tiny/checkpoint_full.pth')).blob();
    let built = 0;
    const model = await lib.loadModel({ weights, vocab: '/weights/vocab.txt', config, onProgress: (p) => (built = p.phase === 'build' ? p.done : built) });
    try {
      const image = await lib.readImage(await (await fetch('/fixtures/tiny/image.png')).blob(), 'image.png');
      const result = await model.segment({ image, tokens }, { logits: true });
      return { logits: Array.from(result.logits!), mask: Array.from(result.mask), adapter: model.adapter, timings: result.timings, built };
    } finally {
      model.destroy();
    }
  }, tokens);
  expect(errors).toEqual([]);
  expect(out.adapter.kind).toBe('browser');
  expect(out.built).toBeGreaterThan(0);
  expect(`${out.adapter.vendor} ${out.adapter.architecture}`).toMatch(/swiftshader/i);

  const expected = await tensors.readF32('s0.logits'); // [1, 2, S, S]
  expect(out.logits.length).toBe(expected.length);
  let maxErr = 0;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(out.logits[i]! - expected[i]!);
    if (err > maxErr) [maxErr, worst] = [err, i];
  }
  const n = expected.length / 2;
  const refMask = await tensors.readInt32('s0.mask');
  const mismatches = out.mask.filter((v, i) => v !== refMask[i] && Math.abs(expected[n + i]! - expected[i]!) >= MARGIN_EXEMPT).length;
  const phases = Object.entries(out.timings).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
  console.log(`tiny s0 on ${out.adapter.vendor} ${out.adapter.architecture}: logits max |err| ${maxErr.toExponential(2)} at ${worst} (atol ${LOGITS_ATOL}); mask mismatches ${mismatches}; ${phases}`);
  expect(maxErr).toBeLessThanOrEqual(LOGITS_ATOL);
  expect(mismatches).toBe(0);
});

// f16 weights in the page (loadModel's weightsDtype): measured in Node against the f32 model,
// 1.6e-2 max abs for s0 (test/model/f16-weights.test.ts); against the reference logits here
// (measured in Chromium on SwiftShader: 1.62e-2, 4.37 MiB of weights); tolerance ~6x.
test('tiny fixture s0 in the page with f16 weights: half the weight bytes, logits within the f16 tolerance', async () => {
  const { tensors, tokens, page, errors } = await openHarness();
  const out = await page.evaluate(async (tokens) => {
    const lib = (window as unknown as { fianet: typeof Fianet }).fianet;
    const config: unknown = await (await fetch('/fixtures/tiny/config.json')).json();
    const weights = await (await fetch('/fixtures/tiny/checkpoint_full.pth')).blob();
    const model = await lib.loadModel({ weights, vocab: '/weights/vocab.txt', config, weightsDtype: 'f16' });
    try {
      const image = await lib.readImage(await (await fetch('/fixtures/tiny/image.png')).blob(), 'image.png');
      return { logits: Array.from((await model.segment({ image, tokens }, { logits: true })).logits!), weights: model.weights };
    } finally {
      model.destroy();
    }
  }, tokens);
  expect(errors).toEqual([]);
  expect(out.weights.dtype).toBe('f16');
  const expected = await tensors.readF32('s0.logits');
  const maxErr = out.logits.reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i]!)), 0);
  console.log(`tiny s0 in the page with f16 weights: ${(out.weights.bytes / 2 ** 20).toFixed(2)} MiB of weights, logits max |err| ${maxErr.toExponential(2)} from the reference`);
  expect(maxErr).toBeLessThanOrEqual(0.1);
});
