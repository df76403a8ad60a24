/**
 * `fianet convert --fold-bn` on the tiny fixture checkpoint: every folded tensor against a
 * float64 reference computed here from the unfolded tensors with the textbook formula
 * (W * gamma / sqrt(var + eps), (b - mean) * gamma / sqrt(var + eps) + beta), so it checks the
 * shared folding code rather than repeating it. Tolerance: one rounding of the stored dtype
 * (relative 2^-24 for float32, 2^-11 for float16, plus half the smallest float16 subnormal)
 * plus 1e-12 for the float64 reordering (values are O(1), sums over <= 60 terms).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run as convert } from '../../src/cli/convert.js';
import { FianetError } from '../../src/errors.js';
import { bytesSource, openSafetensors, type SafetensorsFile } from '../../src/io/safetensors.js';
import { batchNormFolds, type BatchNormFold } from '../../src/model/batch-norm-fold.js';
import { expectClose } from '../helpers/compare.js';
import { FIXTURES, dataPath, openFixtureFile } from '../helpers/test-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = dataPath(FIXTURES, '.');
const pth = join(fixtures, 'tiny/checkpoint_full.pth');
const scratch = await mkdtemp(join(tmpdir(), 'fianet-fold-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const EPS = 1e-5; // tiny/config.json model.batchnorm_eps
const open = async (path: string) => openSafetensors(bytesSource(new Uint8Array(await readFile(path)), path));
const bnNames = (bn: string) => ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked'].map((p) => `${bn}.${p}`);

async function convertQuietly(args: string[]): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await convert(args)).toBe(0);
  return log.mock.calls.map((c) => String(c[0])).join('\n');
}

/** The folded weight and bias of `fold` from the unfolded fixture tensors, in float64. */
async function reference(w: SafetensorsFile, fold: BatchNormFold): Promise<{ weight: Float64Array; bias: Float64Array }> {
  const [gamma, beta, mean, variance] = await Promise.all(['weight', 'bias', 'running_mean', 'running_var'].map((p) => w.readF32(`${fold.bn}.${p}`)));
  const scale = (c: number) => gamma[c] / Math.sqrt(variance[c] + EPS);
  const conv = await w.readF32(`${fold.conv}.weight`);
  const convBias = fold.convBias ? await w.readF32(`${fold.conv}.bias`) : undefined;
  const out = w.tensors.get(`${fold.conv}.weight`)!.shape[0];
  const per = conv.length / out;
  if (fold.order === 'conv-bn') {
    return {
      weight: Float64Array.from(conv, (v, i) => v * scale(Math.floor(i / per))),
      bias: Float64Array.from({ length: out }, (_, o) => ((convBias?.[o] ?? 0) - mean[o]) * scale(o) + beta[o]),
    };
  }
  return {
    weight: Float64Array.from(conv, (v, i) => v * scale(i % per)),
    bias: Float64Array.from({ length: out }, (_, o) => {
      let sum = convBias![o];
      for (let i = 0; i < per; i++) sum += conv[o * per + i] * (beta[i] - mean[i] * scale(i));
      return sum;
    }),
  };
}

/** |got - want| within one float32 rounding: rel x |want| + abs (+ 1e-12 for the float64 reference's own rounding). */
const expectWithinOneRounding = (label: string, got: Float32Array, want: Float64Array, rel: number, abs: number): void =>
  expectClose(`${label} (off by more than one rounding)`, got, want, { atol: abs + 1e-12, rtol: rel });

describe('fianet convert --fold-bn (tiny fixture checkpoint)', () => {
  it('folds the 19 BatchNorms: folded tensors equal the float64 reference within one float32 rounding, the rest bit for bit', async () => {
    const out = join(scratch, 'folded.safetensors');
    const printed = await convertQuietly([pth, out, '--fold-bn', '--config', join(fixtures, 'tiny/config.json')]);
    // 458 tensors - 19 x 4 BatchNorm tensors + 6 decoder conv biases (the decoder convs had none);
    // parameters: - 4 x 1164 BatchNorm channels (60 TMEM, 3 x 240 gates, 6 x 64 decoder) + 6 x 64.
    expect(printed).toMatch(/folded\.safetensors: 388 tensors, 2,379,006 parameters/);
    expect(printed).toMatch(/folded 19 BatchNorms into their convolutions \(eps 0\.00001 from .*tiny\/config\.json\); no BatchNorm tensors stored/);
    expect(printed).toMatch(/skipped 27 entries: 8 x relative_position_index \(integer buffer \(I64\)\), 19 x num_batches_tracked/);

    const got = await open(out);
    const want = await openFixtureFile('tiny/weights.safetensors');
    expect(got.metadata.fianet_bn_folded).toBe('true');
    expect(JSON.parse(got.metadata.fianet_config!).fixture).toBe('tiny');
    const folds = batchNormFolds();
    expect(folds).toHaveLength(19);
    const foldedNames = new Set(folds.flatMap((f) => [`${f.conv}.weight`, `${f.conv}.bias`]));
    for (const f of folds) for (const n of bnNames(f.bn)) expect(got.tensors.has(n), n).toBe(false);
    for (const name of want.tensors.keys()) {
      if (foldedNames.has(name) || folds.some((f) => name.startsWith(`${f.bn}.`))) continue;
      expect(Buffer.from(await got.readRaw(name)).equals(Buffer.from(await want.readRaw(name))), name).toBe(true);
    }
    for (const f of folds) {
      const ref = await reference(want, f);
      expect(got.tensors.get(`${f.conv}.weight`)).toMatchObject({ dtype: 'F32', shape: want.tensors.get(`${f.conv}.weight`)!.shape });
      expect(got.tensors.get(`${f.conv}.bias`)).toMatchObject({ dtype: 'F32', shape: [ref.bias.length] });
      expectWithinOneRounding(`${f.conv}.weight`, await got.readF32(`${f.conv}.weight`), ref.weight, 2 ** -24, 0);
      expectWithinOneRounding(`${f.conv}.bias`, await got.readF32(`${f.conv}.bias`), ref.bias, 2 ** -24, 0);
    }
  });

  it('--fold-bn --fp16: folded in float64, rounded once to float16', async () => {
    const out = join(scratch, 'folded16.safetensors');
    const printed = await convertQuietly([pth, out, '--fold-bn', '--fp16']);
    expect(printed).toMatch(/folded 19 BatchNorms into their convolutions \(eps 0\.00001, PyTorch's default\)/);
    const got = await open(out);
    const want = await openFixtureFile('tiny/weights.safetensors');
    for (const f of batchNormFolds()) {
      const ref = await reference(want, f);
      expect(got.tensors.get(`${f.conv}.weight`)!.dtype).toBe('F16');
      expectWithinOneRounding(`${f.conv}.weight`, await got.readF32(`${f.conv}.weight`), ref.weight, 2 ** -11, 2 ** -25);
      expectWithinOneRounding(`${f.conv}.bias`, await got.readF32(`${f.conv}.bias`), ref.bias, 2 ** -11, 2 ** -25);
    }
  });

  it('refuses a checkpoint without the BatchNorms, naming the missing tensors, and writes nothing', async () => {
    const views = resolve(here, '../data/pth/views.pth');
    const out = join(scratch, 'views.safetensors');
    const err = await convert([views, out, '--fold-bn']).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(FianetError);
    expect((err as FianetError).message).toMatch(/^views\.pth: --fold-bn: 108 float tensors needed to fold the BatchNorms of FIANet are missing:\n {2}backbone\.tmem\.up_channel\.weight\n/);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});
