/**
 * The RRSIS metrics exactly as the reference `test.py` computes them (DESIGN section 1):
 * per sample the intersection I and union U of the predicted and the ground-truth mask at
 * S x S, IoU = I / U with an empty union counting as IoU 0 (not skipped: a model that
 * predicts nothing for an empty target gains nothing); mIoU = mean IoU; oIoU = sum I / sum U
 * (large objects weigh more); Pr@X = share of samples with IoU >= X.
 */
import { FianetError } from '../errors.js';

/** The thresholds of the paper's tables, in their order. */
export const PRECISION_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9] as const;

export interface SampleCounts {
  /** Pixels that are object in both masks. */
  I: number;
  /** Pixels that are object in either mask. */
  U: number;
}

export interface Metrics {
  samples: number;
  mIoU: number;
  oIoU: number;
  /** "Pr@0.5" ... "Pr@0.9" -> share of samples in [0, 1]. */
  precision: Record<string, number>;
  cumI: number;
  cumU: number;
}

export interface GroupMetrics {
  samples: number;
  mIoU: number;
}

// pred, target: [S * S], nonzero = object
export function intersectionUnion(pred: Uint8Array, target: Uint8Array): SampleCounts {
  if (pred.length !== target.length) {
    throw new FianetError('bad-input', `intersectionUnion: the prediction has ${pred.length} pixels, the target ${target.length}`);
  }
  let I = 0;
  let U = 0;
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i] !== 0;
    const t = target[i] !== 0;
    if (p && t) I++;
    if (p || t) U++;
  }
  return { I, U };
}

export function sampleIoU({ I, U }: SampleCounts): number {
  return U === 0 ? 0 : I / U;
}

export function precisionKey(threshold: number): string {
  return `Pr@${threshold.toFixed(1)}`;
}

/** Metrics over all samples, in the order given (the mean sums in that order). */
export function summarize(samples: readonly SampleCounts[]): Metrics {
  if (samples.length === 0) throw new FianetError('bad-input', 'summarize: no evaluated samples to compute metrics from');
  let iouSum = 0;
  let cumI = 0;
  let cumU = 0;
  const hits = PRECISION_THRESHOLDS.map(() => 0);
  for (const s of samples) {
    const iou = sampleIoU(s);
    iouSum += iou;
    cumI += s.I;
    cumU += s.U;
    PRECISION_THRESHOLDS.forEach((x, k) => {
      if (iou >= x) hits[k]!++;
    });
  }
  const n = samples.length;
  const precision: Record<string, number> = {};
  PRECISION_THRESHOLDS.forEach((x, k) => (precision[precisionKey(x)] = hits[k]! / n));
  return { samples: n, mIoU: iouSum / n, oIoU: cumU === 0 ? 0 : cumI / cumU, precision, cumI, cumU };
}

/**
 * mIoU per group (category, expression type, ...), groups sorted by name. Samples whose key
 * is undefined belong to no group.
 */
export function groupMeanIoU<T extends SampleCounts>(samples: readonly T[], key: (s: T) => string | undefined): Record<string, GroupMetrics> {
  const sums = new Map<string, { samples: number; iouSum: number }>();
  for (const s of samples) {
    const k = key(s);
    if (k === undefined) continue;
    const g = sums.get(k) ?? { samples: 0, iouSum: 0 };
    g.samples++;
    g.iouSum += sampleIoU(s);
    sums.set(k, g);
  }
  const out: Record<string, GroupMetrics> = {};
  for (const k of [...sums.keys()].sort()) {
    const g = sums.get(k)!;
    out[k] = { samples: g.samples, mIoU: g.iouSum / g.samples };
  }
  return out;
}
