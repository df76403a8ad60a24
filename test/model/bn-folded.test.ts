/**
 * Loading a BatchNorm-folded file (`fianet convert --fold-bn`): the tiny model run from the
 * folded conversion of checkpoint_full.pth reproduces the fixture's logits and masks with
 * segment-fixture.test.ts's tolerance (1e-4 max abs on the logits, derived there from the
 * tiny README; folding at conversion is the same float64 maths as folding at load, so the
 * results are the same to the float32 rounding of the folded weights). Files that say they
 * are folded but are not entirely (BatchNorm tensors left, a folded bias missing) fail with
 * an error naming the tensor, when the graph is built.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniformWindowTarget } from '../../src/lowering/target.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as convert } from '../../src/cli/convert.js';
import { describeSafetensors } from '../../src/cli/info-file.js';
import { bytesSource, encodeSafetensors, openSafetensors, type SafetensorsFile, type TensorToWrite } from '../../src/io/safetensors.js';
import { buildFianet } from '../../src/model/fianet.js';
import { formulaWeightStore } from '../../src/model/formula-weights.js';
import { openWeights } from '../../src/model/open-weights.js';
import type { Segmenter } from '../../src/model/segmenter.js';
import { stateDictShapes } from '../../src/model/state-dict-shapes.js';
import { WeightBinder, type WeightStore } from '../../src/model/weights.js';
import { readImageFile } from '../../src/node/image-file.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose, maskMismatches } from '../helpers/compare.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { dataPath, FIXTURES, fixtureConfig, fixtureInts, fixtureTensor, fixtureTokens, openFixtureFile, readJson } from '../helpers/test-data.js';

const path = (p: string): string => dataPath(FIXTURES, p);
const scratch = await mkdtemp(join(tmpdir(), 'fianet-folded-'));
const folded = join(scratch, 'tiny-folded.safetensors');
const config = fixtureConfig('tiny');

beforeAll(async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await convert([path('tiny/checkpoint_full.pth'), folded, '--fold-bn', '--config', path('tiny/config.json')])).toBe(0);
  log.mockRestore();
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Builds the whole graph on `store` (no device): binding errors surface here. Returns the unused tensors. */
function bind(store: WeightStore): string[] {
  const binder = new WeightBinder(new Graph(uniformWindowTarget()), store);
  buildFianet(binder.g, binder, config, config.text.max_tokens);
  return binder.finish();
}

describe('segment from a BatchNorm-folded file (tiny checkpoint_full.pth, convert --fold-bn)', () => {
  let segmenter: Segmenter;
  let tensors: SafetensorsFile;
  beforeAll(async () => {
    // No --config: the folded file's metadata carries it.
    segmenter = await loadSegmenter({ weights: folded, adapter: TEST_ADAPTER, vocab: path('vocab.txt') });
    tensors = await openFixtureFile('tiny/tensors.safetensors');
  });
  afterAll(() => segmenter?.destroy());

  for (const s of ['s0', 's1', 's2']) {
    it(`${s}: logits and mask`, async () => {
      const result = await segmenter.segment({ image: await readImageFile(path('tiny/image.png')), tokens: await fixtureTokens(tensors, s) }, { logits: true });
      const S = result.size;
      const expected = await fixtureTensor(tensors, `${s}.logits`, [1, 2, S, S]);
      expectClose(`${s}.logits (folded)`, result.logits!, expected, { atol: 1e-4, rtol: 0 }, [2, S, S]);
      const flips = maskMismatches(`${s}.mask`, result.mask, await fixtureInts(tensors, `${s}.mask`), expected, 1e-4);
      expect(flips.maxAbsErr, 'mask pixels that differ where the stored margin is >= 1e-4').toBe(0);
    });
  }
});

describe('BatchNorm-folded stores', () => {
  const read = async () => openSafetensors(bytesSource(new Uint8Array(await readFile(folded)), 'folded.safetensors'));
  /** The folded file rewritten with `edit` applied to its tensors and metadata, opened as the loader does. */
  async function variant(edit: (tensors: TensorToWrite[], metadata: Record<string, string>) => void): Promise<WeightStore> {
    const file = await read();
    const list: TensorToWrite[] = [];
    for (const [name, t] of file.tensors) list.push({ name, dtype: t.dtype, shape: t.shape, data: await file.readRaw(name) });
    const metadata = { ...file.metadata };
    edit(list, metadata);
    const bytes = Buffer.concat(encodeSafetensors(list, metadata));
    return (await openWeights(bytesSource(new Uint8Array(bytes), 'edited.safetensors'))).store;
  }

  it('the folded file holds exactly the folded shape list, and the model binds all of it', async () => {
    const file = await read();
    const shapes = stateDictShapes(config, { bnFolded: true });
    expect([...file.tensors.keys()].sort()).toEqual(shapes.map((t) => t.name).sort());
    for (const t of shapes) expect(file.tensors.get(t.name)!.shape, t.name).toEqual(t.shape);
    // The same tensors are unused as with the unfolded list (OPAB.go_embedding, which the reference never calls).
    const unfoldedUnused = bind(formulaWeightStore(stateDictShapes(config)));
    expect(unfoldedUnused.length).toBeGreaterThan(0);
    expect(bind({ ...formulaWeightStore(shapes), bnFolded: true })).toEqual(unfoldedUnused);
    expect(bind((await openWeights(bytesSource(new Uint8Array(await readFile(folded)), 'folded'))).store)).toEqual(unfoldedUnused);
  });

  it('a BatchNorm tensor left in a folded file is named', async () => {
    const store = await variant((list) => list.push({ name: 'classifier.bn1_3.running_mean', dtype: 'F32', shape: [64], data: new Float32Array(64) }));
    expect(() => bind(store)).toThrow(
      "edited.safetensors says BatchNorm is folded (metadata fianet_bn_folded) but still holds 'classifier.bn1_3.running_mean': a folded file stores no BatchNorm tensors; convert the .pth again with --fold-bn",
    );
  });

  it('the unfolded weights marked as folded fail on the first BatchNorm', async () => {
    const file = await openFixtureFile('tiny/weights.safetensors');
    const list: TensorToWrite[] = [];
    for (const [name, t] of file.tensors) list.push({ name, dtype: t.dtype, shape: t.shape, data: await file.readRaw(name) });
    const bytes = Buffer.concat(encodeSafetensors(list, { fianet_bn_folded: 'true' }));
    const { store } = await openWeights(bytesSource(new Uint8Array(bytes), 'marked.safetensors'), { config: readJson(new URL('tiny/config.json', FIXTURES)) });
    expect(() => bind(store)).toThrow(/^marked\.safetensors says BatchNorm is folded \(metadata fianet_bn_folded\) but still holds 'backbone\.tmem\.bn\.weight'/);
  });

  it('a missing folded bias is named with its shape', async () => {
    const store = await variant((list) => list.splice(list.findIndex((t) => t.name === 'classifier.conv2_3.bias'), 1));
    expect(() => bind(store)).toThrow(
      "edited.safetensors says BatchNorm is folded (metadata fianet_bn_folded) but lacks 'classifier.conv2_3.bias' [64], the bias 'classifier.bn2_3' folds into; convert the .pth again with --fold-bn",
    );
  });

  it('a folded file without the metadata entry lists the BatchNorm tensors it lacks', async () => {
    const store = await variant((_, metadata) => delete metadata.fianet_bn_folded);
    expect(() => bind(store)).toThrow(/^edited\.safetensors: 76 tensors missing for this config:\n {2}backbone\.tmem\.bn\.weight \[60\]\n[^]*\n\(a file converted with --fold-bn says so in its metadata: fianet_bn_folded=true\)$/);
  });

  it('a metadata value other than "true" or "false" is refused', async () => {
    await expect(variant((_, metadata) => (metadata.fianet_bn_folded = 'yes'))).rejects.toThrow(
      `edited.safetensors: metadata 'fianet_bn_folded' is "yes", expected "true" or "false"`,
    );
  });

  it('fianet info says the file is folded', async () => {
    const text = await describeSafetensors(folded);
    expect(text).toMatch(/BatchNorm: folded into the convolutions \(fianet convert --fold-bn\)/);
    expect(text).toMatch(/\n {2}fianet_bn_folded +true\n/);
  });
});
