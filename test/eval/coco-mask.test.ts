import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cocoMask, rleFromString } from '../../src/eval/coco-mask.js';
import { rleString } from './synthetic.js';

interface Case {
  name: string;
  width: number;
  height: number;
  segmentation: unknown;
  mask: string; // row-major '0' / '1'
}

// Masks computed by pycocotools + the reference's `== 1` rule (coco-mask-cases.py).
const cases = JSON.parse(readFileSync(new URL('coco-mask-cases.json', import.meta.url), 'utf8')) as Case[];

describe('COCO segmentation masks match pycocotools', () => {
  for (const c of cases) {
    it(c.name, () => {
      const m = cocoMask(c.segmentation, c.width, c.height, c.name);
      expect([m.width, m.height]).toEqual([c.width, c.height]);
      const got = Array.from(m.data).join('');
      const wrong = [...got].filter((v, i) => v !== c.mask[i]).length;
      expect(wrong, `${wrong} pixels differ`).toBe(0);
      expect(got).toContain('1');
    });
  }
});

describe('COCO segmentation edge cases', () => {
  it('uncompressed RLE (run lengths) decodes column by column', () => {
    // 2 x 3 image, column-major: 1 background, 2 object, 3 background -> pixels (y=1,x=0), (y=0,x=1)
    const m = cocoMask([{ size: [2, 3], counts: [1, 2, 3] }], 3, 2, 'rle');
    expect(Array.from(m.data)).toEqual([0, 1, 0, 1, 0, 0]);
  });

  it('a single RLE object is accepted as well as a list', () => {
    expect(cocoMask({ size: [2, 3], counts: [1, 2, 3] }, 3, 2, 'rle').data).toEqual(cocoMask([{ size: [2, 3], counts: [1, 2, 3] }], 3, 2, 'rle').data);
  });

  it('decodes negative deltas of the compressed string', () => {
    // from the third run on the string stores differences to the run two back, here 3 - 5 = -2
    expect(rleFromString(rleString([5, 40, 3]))).toEqual([5, 40, 3]);
    expect(rleFromString(rleString([0, 1000000, 7, 64, 2]))).toEqual([0, 1000000, 7, 64, 2]);
  });

  it('names the annotation and the problem', () => {
    expect(() => cocoMask([], 3, 2, 'ref 7')).toThrow(/ref 7: the segmentation is empty/);
    expect(() => cocoMask([[1, 2, 3]], 3, 2, 'ref 7')).toThrow(/polygon 0 must be a flat list/);
    expect(() => cocoMask([{ size: [2, 3], counts: [4, 9] }], 3, 2, 'ref 7')).toThrow(/cover 13 pixels, more than the 3 x 2 image/);
    expect(() => cocoMask([{ counts: 'abc' }], 3, 2, 'ref 7')).toThrow(/neither a polygon nor an RLE/);
  });
});
