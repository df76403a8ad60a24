// The full preprocessing against the reference fixtures: image.png -> decode -> PIL bilinear
// resize (input.resized_u8, must be bit-exact) -> ToTensor + Normalize (input.image).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/io/image-decode.js';
import { normalizeImage } from '../../src/io/image-normalize.js';
import { resizeBilinear } from '../../src/io/resize-bilinear.js';
import type { RgbImage } from '../../src/io/image-types.js';
import { maxAbsError } from '../helpers/compare.js';
import { FIXTURES, fixtureTensor, openFixtureFile } from '../helpers/test-data.js';


const read = (path: string) => new Uint8Array(readFileSync(new URL(path, FIXTURES)));

describe.each(['tiny', 'small', 'base480'])('preprocessing of fixtures/%s/image.png', (name) => {
  let size = 0;
  let expectedU8: Uint8Array;
  let expectedImage: Float32Array;
  let warnings: string[];
  let resized: RgbImage;
  beforeAll(async () => {
    const tensors = await openFixtureFile(`${name}/tensors.safetensors`);
    size = tensors.tensors.get('input.resized_u8')!.shape[1]!;
    expectedU8 = await tensors.readRaw('input.resized_u8');
    expectedImage = await fixtureTensor(tensors, 'input.image', [1, 3, size, size]);
    const image = decodeImage(read(`${name}/image.png`), `${name}/image.png`);
    warnings = image.warnings;
    resized = resizeBilinear(image, size, size);
  });

  it('resizes bit-exactly like PIL (input.resized_u8)', () => {
    expect(warnings).toEqual([]);
    let mismatches = 0;
    const lines: string[] = [];
    for (let i = 0; i < resized.rgb.length; i++) {
      if (resized.rgb[i] === expectedU8[i]) continue;
      if (++mismatches <= 10) {
        const p = Math.floor(i / 3);
        lines.push(`y=${Math.floor(p / size)} x=${p % size} c=${i % 3}: got ${resized.rgb[i]}, expected ${expectedU8[i]}`);
      }
    }
    expect(lines.join('\n')).toBe('');
    expect(mismatches).toBe(0);
  });

  it('normalises exactly like ToTensor + Normalize (input.image, tolerance 0)', () => {
    const got = normalizeImage(resized.rgb, size);
    expect(maxAbsError(got, expectedImage)).toBe(0);
  });
});
