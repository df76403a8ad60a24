/**
 * `fianet convert --fold-bn`: which checkpoint tensors every BatchNorm of batchNormFolds()
 * replaces, checked before anything is written, and the folded weight and bias computed in
 * float64 (batch-norm-fold.ts, the maths the loader uses) when the writer asks for them.
 */
import { FianetError } from '../errors.js';
import { isFloatDtype, shapeText, toFloat32 } from '../io/dtype.js';
import type { PthCheckpoint } from '../io/pth.js';
import { BATCH_NORM_PARAMS, BATCH_NORM_TENSORS, batchNormFolds, foldedBias, foldedWeight, type BatchNormStats } from '../model/batch-norm-fold.js';

export interface FoldedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  /** Float64 values, to be rounded once to the output dtype. */
  values(): Promise<Float64Array>;
}

export interface FoldPlan {
  /** Checkpoint tensors not written as they are: the BatchNorms' and the folded convolutions'. */
  readonly replaced: ReadonlySet<string>;
  readonly tensors: readonly FoldedTensor[];
  /** Number of BatchNorms folded. */
  readonly count: number;
  readonly eps: number;
}

export function planBatchNormFolds(ckpt: PthCheckpoint, eps: number): FoldPlan {
  const where = `${ckpt.label}: --fold-bn`;
  const floatShape = (name: string) => {
    const t = ckpt.tensors.get(name);
    return t && isFloatDtype(t.dtype) ? t.shape : undefined;
  };
  const load = async (name: string) => toFloat32(ckpt.tensors.get(name)!.dtype, await ckpt.read(name));
  const expectShape = (name: string, expected: readonly number[], why: string) => {
    const actual = floatShape(name)!;
    if (actual.length !== expected.length || actual.some((d, i) => d !== expected[i])) {
      throw new FianetError('bad-weights', `${where}: '${name}' is ${shapeText(actual)}, expected ${shapeText(expected)} (${why})`);
    }
  };

  const folds = batchNormFolds();
  const missing = folds.flatMap((f) =>
    [`${f.conv}.weight`, ...(f.convBias ? [`${f.conv}.bias`] : []), ...BATCH_NORM_PARAMS.map((p) => `${f.bn}.${p}`)].filter((n) => !floatShape(n)),
  );
  if (missing.length > 0) {
    throw new FianetError(
      'bad-weights',
      `${where}: ${missing.length} float tensors needed to fold the BatchNorms of FIANet are missing:\n  ${missing.slice(0, 12).join('\n  ')}${missing.length > 12 ? '\n  ...' : ''}\nconvert without --fold-bn`,
    );
  }

  const replaced = new Set<string>();
  const tensors: FoldedTensor[] = [];
  for (const fold of folds) {
    const { conv, bn } = fold;
    const w = floatShape(`${conv}.weight`)!;
    if (w.length !== 4) throw new FianetError('bad-weights', `${where}: '${conv}.weight' is ${shapeText(w)}, expected a Conv2d weight [out, in, kh, kw]`);
    const [out, inCh, kh, kw] = w;
    if (fold.order === 'bn-conv' && (kh !== 1 || kw !== 1)) {
      throw new FianetError('bad-weights', `${where}: '${conv}.weight' is ${shapeText(w)}; a BatchNorm before a convolution folds only into a 1x1 one`);
    }
    const channels = fold.order === 'conv-bn' ? out : inCh;
    for (const p of BATCH_NORM_PARAMS) expectShape(`${bn}.${p}`, [channels], `the ${fold.order === 'conv-bn' ? 'output' : 'input'} channels of '${conv}'`);
    if (fold.convBias) expectShape(`${conv}.bias`, [out], `the output channels of '${conv}'`);
    // The folded bias takes the conv bias's name: a bias the reference conv lacks would be overwritten.
    else if (ckpt.tensors.has(`${conv}.bias`)) throw new FianetError('bad-weights', `${where}: '${conv}.bias' exists, but the reference '${conv}' has no bias; convert without --fold-bn`);

    for (const p of BATCH_NORM_TENSORS) replaced.add(`${bn}.${p}`);
    replaced.add(`${conv}.weight`).add(`${conv}.bias`);
    const stats = async (): Promise<BatchNormStats> => {
      const [g, b, m, v] = await Promise.all(BATCH_NORM_PARAMS.map((p) => load(`${bn}.${p}`)));
      return [g, b, m, v];
    };
    tensors.push(
      { name: `${conv}.weight`, shape: w, values: async () => foldedWeight(fold, await load(`${conv}.weight`), await stats(), eps) },
      {
        name: `${conv}.bias`,
        shape: [out],
        values: async () =>
          foldedBias(fold, fold.convBias ? await load(`${conv}.bias`) : undefined, await stats(), eps, fold.order === 'bn-conv' ? await load(`${conv}.weight`) : undefined),
      },
    );
  }
  return { replaced, tensors, count: folds.length, eps };
}
