import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/io/image-decode.js';
import { resizeMaskNearest } from '../../src/io/mask-resize.js';
import { binarize } from '../../src/eval/load-sample.js';
import { groupMeanIoU, intersectionUnion, sampleIoU, summarize } from '../../src/eval/metrics.js';
import { DEMO, demoPerSample, type DemoSample } from './demo-data.js';

describe('per-sample counts', () => {
  it('counts intersection and union; any nonzero value is object', () => {
    const pred = new Uint8Array([1, 1, 0, 0, 255, 0]);
    const target = new Uint8Array([1, 0, 1, 0, 1, 0]);
    expect(intersectionUnion(pred, target)).toEqual({ I: 2, U: 4 });
  });

  it('an empty union counts IoU 0, not skipped and not 1', () => {
    expect(sampleIoU(intersectionUnion(new Uint8Array(4), new Uint8Array(4)))).toBe(0);
  });

  it('refuses masks of different sizes', () => {
    expect(() => intersectionUnion(new Uint8Array(4), new Uint8Array(5))).toThrow(/4 pixels, the target 5/);
  });
});

describe('summarize', () => {
  it('mIoU averages IoUs, oIoU pools pixels, Pr@X counts IoU >= X', () => {
    // IoUs 1/2, 9/10, 0 (empty union), 7/10 (exactly at a threshold: counts)
    const m = summarize([
      { I: 1, U: 2 },
      { I: 9, U: 10 },
      { I: 0, U: 0 },
      { I: 7, U: 10 },
    ]);
    expect(m.samples).toBe(4);
    expect(m.mIoU).toBeCloseTo((0.5 + 0.9 + 0 + 0.7) / 4, 15);
    expect(m.oIoU).toBe(17 / 22);
    expect(m.cumI).toBe(17);
    expect(m.cumU).toBe(22);
    expect(m.precision).toEqual({ 'Pr@0.5': 0.75, 'Pr@0.6': 0.5, 'Pr@0.7': 0.5, 'Pr@0.8': 0.25, 'Pr@0.9': 0.25 });
  });

  it('all-empty unions give oIoU 0 instead of NaN', () => {
    expect(summarize([{ I: 0, U: 0 }]).oIoU).toBe(0);
  });

  it('refuses an empty list', () => {
    expect(() => summarize([])).toThrow(/no evaluated samples/);
  });

  it('groups by a key, sorted, ignoring samples without one', () => {
    const samples = [
      { I: 1, U: 1, c: 'ship' },
      { I: 0, U: 1, c: 'airplane' },
      { I: 1, U: 4, c: 'ship' },
      { I: 1, U: 1, c: undefined },
    ];
    expect(groupMeanIoU(samples, (s) => s.c)).toEqual({ airplane: { samples: 1, mIoU: 0 }, ship: { samples: 2, mIoU: 0.625 } });
  });
});

describe('the demo reference run (test/demo)', () => {
  const reference = JSON.parse(readFileSync(new URL('metrics.json', DEMO), 'utf8'));
  const samples = demoPerSample();

  it('per-sample I and U reproduce metrics.json', () => {
    const m = summarize(samples);
    expect(m.samples).toBe(reference.num_samples);
    expect(m.cumI).toBe(reference.cum_I);
    expect(m.cumU).toBe(reference.cum_U);
    expect(m.mIoU).toBeCloseTo(reference.mIoU, 12);
    expect(m.oIoU).toBeCloseTo(reference.oIoU, 12);
    for (const [k, v] of Object.entries(reference.precision)) expect(m.precision[k]).toBeCloseTo(v as number, 12);
    for (const s of samples) expect(sampleIoU(s)).toBe(s.iou);
  });

  it('per category and per expression type', () => {
    const check = (got: Record<string, { samples: number; mIoU: number }>, want: Record<string, { n: number; mIoU: number }>) => {
      expect(Object.keys(got)).toEqual(Object.keys(want).sort());
      for (const [k, w] of Object.entries(want)) {
        expect(got[k]!.samples).toBe(w.n);
        expect(got[k]!.mIoU).toBeCloseTo(w.mIoU, 12);
      }
    };
    check(groupMeanIoU(samples, (s) => s.category), reference.per_category);
    check(groupMeanIoU(samples, (s: DemoSample) => s.discriminator), reference.per_expression_type);
  });

  it('predictions/*.png against the ground truth resized with NEAREST give the reference I and U', () => {
    const names = readdirSync(new URL('predictions/', DEMO)).filter((n) => n.endsWith('.png')).sort();
    expect(names.length).toBe(20);
    for (const name of names) {
      const row = samples.find((s) => s.image === `images/${name}`)!;
      const predImage = decodeImage(readFileSync(new URL(`predictions/${name}`, DEMO)), name);
      expect([predImage.width, predImage.height]).toEqual([reference.input_size, reference.input_size]);
      const pred = binarize(predImage, 'nonzero');
      const truth = binarize(decodeImage(readFileSync(new URL(`dataset/masks/${name}`, DEMO)), name), 'nonzero');
      const target = resizeMaskNearest(truth.data, truth.width, truth.height, reference.input_size, reference.input_size);
      expect(intersectionUnion(pred.data, target), name).toEqual({ I: row.I, U: row.U });
    }
  });
});
