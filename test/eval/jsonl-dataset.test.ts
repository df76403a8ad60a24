import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { loadSample, type LoadedSample, type SkippedSample } from '../../src/eval/load-sample.js';
import { readDataset } from '../../src/eval/read-dataset.js';
import { nodeDatasetFiles } from '../../src/node/dataset-files.js';
import { maskPng, png, rect, tempDir, writeFile } from './synthetic.js';

const tokens = { input_ids: [101, 1037, 2911, 102, 0], l_mask: [1, 1, 1, 1, 0], t_mask: [0, 0, 1, 0, 0], p_mask: [1, 1, 1, 1, 0] };

function folder(): string {
  const root = tempDir('jsonl');
  writeFile(root, 'images/a.png', png(8, 6, 1));
  writeFile(root, 'images/b.png', png(8, 6, 2));
  writeFile(root, 'masks/a.png', maskPng(rect(8, 6, 0, 0, 4, 6), 8, 6));
  // 0/1 masks are as valid as 0/255 ones
  writeFile(root, 'masks/b01.png', maskPng01(rect(8, 6, 4, 0, 8, 3), 8, 6));
  writeFile(root, 'masks/small.png', maskPng(rect(4, 3, 0, 0, 2, 2), 4, 3));
  const lines = [
    { image: 'images/a.png', mask: 'masks/a.png', expression: 'the ship on the left', category: 'ship' },
    { image: 'images/b.png', mask: 'masks/b01.png', expression: 'the plane at the top right', category: 'airplane', tokens },
    '',
    '{"image": "images/a.png", "mask": ',
    { image: 'images/a.png', expression: 'no mask key' },
    { image: 'images/b.png', mask: 'masks/small.png', expression: 'a mask of another size' },
    { image: 'images/missing.png', mask: 'masks/a.png', expression: 'no image file' },
  ];
  writeFile(root, 'test.jsonl', lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return root;
}

/** A gray PNG holding 0/1 (not 0/255). */
const maskPng01 = (data: Uint8Array, width: number, height: number) => encode({ width, height, data, depth: 8, channels: 1 });

describe('JSON-lines datasets', () => {
  it('lists one sample per non-empty line, broken lines as skipped samples', async () => {
    const root = folder();
    const d = await readDataset(nodeDatasetFiles(root), { format: 'jsonl', split: 'test' });
    expect(d.listing).toEqual([`${root}/test.jsonl`]);
    expect(d.samples.map((s) => s.name)).toEqual(['a', 'b-1', 'line4', 'line5', 'b-2', 'missing']);
    const [a, b, broken, noMask] = d.samples;
    expect(a).toMatchObject({ image: 'images/a.png', expression: 'the ship on the left', category: 'ship', source: 'test.jsonl:1' });
    expect(a!.truth).toEqual({ kind: 'mask-file', path: 'masks/a.png', rule: 'nonzero' });
    expect(b!.tokens).toEqual(tokens);
    expect(broken!.problem).toMatchObject({ reason: 'bad-listing', message: expect.stringMatching(/^test\.jsonl:4: not valid JSON/) });
    expect(noMask!.problem!.message).toBe('test.jsonl:5: "mask" must be a non-empty string, got undefined');
  });

  it('loads images and masks (0/255 and 0/1), resizing the mask with nearest to S x S', async () => {
    const root = folder();
    const files = nodeDatasetFiles(root);
    const d = await readDataset(files, { format: 'jsonl', split: 'test' });
    const a = (await loadSample(files, d.samples[0]!, 4)) as LoadedSample;
    expect([a.image.width, a.image.height]).toEqual([8, 6]);
    // 8 x 6 -> 4 x 4 nearest picks columns 1,3,5,7 and rows 0,2,3,5 (PIL's centre sampling)
    expect(Array.from(a.target)).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
    const b = (await loadSample(files, d.samples[1]!, 4)) as LoadedSample;
    expect(Array.from(b.target)).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('skips bad samples with the file name and the reason', async () => {
    const root = folder();
    const files = nodeDatasetFiles(root);
    const d = await readDataset(files, { format: 'jsonl', split: 'test' });
    const small = (await loadSample(files, d.samples[4]!, 4)) as SkippedSample;
    expect(small.reason).toBe('size-mismatch');
    expect(small.message).toBe(`mask ${root}/masks/small.png is 4 x 3 but image ${root}/images/b.png is 8 x 6`);
    const missing = (await loadSample(files, d.samples[5]!, 4)) as SkippedSample;
    expect(missing).toMatchObject({ name: 'missing', reason: 'missing-image', message: `${root}/images/missing.png: no such file` });
    writeFile(root, 'masks/a.png', 'not an image');
    const unreadable = (await loadSample(files, d.samples[0]!, 4)) as SkippedSample;
    expect(unreadable.reason).toBe('unreadable-mask');
    expect(unreadable.message).toMatch(new RegExp(`^${root}/masks/a.png: not a recognised image`));
  });

  it('--data can name the listing file; a missing listing is an error naming it', async () => {
    const root = folder();
    writeFile(root, 'other.jsonl', JSON.stringify({ image: 'images/a.png', mask: 'masks/a.png', expression: 'x' }));
    const d = await readDataset(nodeDatasetFiles(root), { format: 'jsonl', split: 'test', file: 'other.jsonl' });
    expect(d.samples.map((s) => s.name)).toEqual(['a']);
    await expect(readDataset(nodeDatasetFiles(root), { format: 'jsonl', split: 'val' })).rejects.toThrow(`${root}/val.jsonl: no such file`);
  });

  it('a tokens file gives every sample its tokens, and must match the listing', async () => {
    const root = folder();
    const files = nodeDatasetFiles(root);
    const rec = (expression: string) => JSON.stringify({ expression, ...tokens });
    const good = ['the ship on the left', 'the plane at the top right', '', '', 'a mask of another size', 'no image file'].map(rec);
    writeFile(root, 'tokens.jsonl', good.join('\n'));
    const d = await readDataset(files, { format: 'jsonl', split: 'test', tokens: { files, path: 'tokens.jsonl' } });
    expect(d.samples.every((s) => s.tokens?.input_ids.length === 5)).toBe(true);

    writeFile(root, 'short.jsonl', good.slice(1).join('\n'));
    await expect(readDataset(files, { format: 'jsonl', split: 'test', tokens: { files, path: 'short.jsonl' } })).rejects.toThrow(
      `${root}/short.jsonl: 5 token records for 6 samples`,
    );
    writeFile(root, 'shifted.jsonl', [good[1], good[0], ...good.slice(2)].join('\n'));
    await expect(readDataset(files, { format: 'jsonl', split: 'test', tokens: { files, path: 'shifted.jsonl' } })).rejects.toThrow(
      /record 1 is for "the plane at the top right", but sample 1 \(test\.jsonl:1\) says "the ship on the left"/,
    );
    writeFile(root, 'bad.jsonl', [JSON.stringify({ ...tokens, t_mask: [0, 1] }), ...good.slice(1)].join('\n'));
    await expect(readDataset(files, { format: 'jsonl', split: 'test', tokens: { files, path: 'bad.jsonl' } })).rejects.toThrow(
      /bad\.jsonl:1: 't_mask' has 2 entries, 'input_ids' has 5/,
    );
  });
});
