import { describe, expect, it } from 'vitest';
import type { DatasetFiles } from '../../src/eval/dataset.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { readDataset } from '../../src/eval/read-dataset.js';
import { nodeDatasetFiles } from '../../src/node/dataset-files.js';
import { fakeSegmenter } from './fake-segmenter.js';
import { maskPng, png, rect, tempDir, writeFile } from './synthetic.js';

const S = 4;

function folder(n: number): string {
  const root = tempDir('loop');
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    writeFile(root, `images/${i}.png`, png(S, S, i));
    writeFile(root, `masks/${i}.png`, maskPng(rect(S, S, 0, 0, 2, S), S, S));
    lines.push(JSON.stringify({ image: `images/${i}.png`, mask: `masks/${i}.png`, expression: `sample ${i}` }));
  }
  writeFile(root, 'test.jsonl', lines.join('\n'));
  return root;
}

/** Records every file read into `log`. */
function logged(files: DatasetFiles, log: string[]): DatasetFiles {
  return { ...files, readBytes: (p) => (log.push(`read ${p}`), files.readBytes(p)) };
}

describe('the evaluation loop', () => {
  it('reads the next sample while the current one is on the GPU', async () => {
    const root = folder(3);
    const log: string[] = [];
    const files = logged(nodeDatasetFiles(root), log);
    const { samples } = await readDataset(files, { format: 'jsonl', split: 'test' });
    log.length = 0;
    const base = fakeSegmenter(S, () => rect(S, S, 0, 0, 2, S));
    const segmenter = {
      ...base,
      async segment(input: Parameters<typeof base.segment>[0]) {
        log.push(`segment ${input.text}`);
        const r = await base.segment(input);
        log.push(`done ${input.text}`);
        return r;
      },
    };
    const run = await evaluate({ segmenter, files, samples });
    expect(run.status).toBe('complete');
    expect(run.records.map((r) => r.iou)).toEqual([1, 1, 1]);
    // sample i + 1 is read before sample i comes back from the GPU, and no further ahead
    expect(log.indexOf('read images/1.png')).toBeLessThan(log.indexOf('done sample 0'));
    expect(log.indexOf('read images/2.png')).toBeLessThan(log.indexOf('done sample 1'));
    expect(log.indexOf('read images/2.png')).toBeGreaterThan(log.indexOf('done sample 0'));
  });

  it('images over the dataset files\' pixel limit (eval --max-pixels) are skipped as unreadable, naming the file', async () => {
    const root = folder(2);
    const files = nodeDatasetFiles(root, S * S - 1);
    const { samples } = await readDataset(files, { format: 'jsonl', split: 'test' });
    const run = await evaluate({ segmenter: fakeSegmenter(S, () => rect(S, S, 0, 0, 2, S)), files, samples });
    expect(run.records).toHaveLength(0);
    expect(run.skipped.map((k) => k.reason)).toEqual(['unreadable-image', 'unreadable-image']);
    expect(run.skipped[0]!.message).toMatch(/images\/0\.png.*4 x 4 pixels, over the limit of 15 pixels/);
    const atLimit = nodeDatasetFiles(root, S * S);
    expect((await evaluate({ segmenter: fakeSegmenter(S, () => rect(S, S, 0, 0, 2, S)), files: atLimit, samples })).records).toHaveLength(2);
  });

  it('an abort stops after the sample in flight; progress counts every sample', async () => {
    const root = folder(4);
    const files = nodeDatasetFiles(root);
    const { samples } = await readDataset(files, { format: 'jsonl', split: 'test' });
    const controller = new AbortController();
    const progress: number[] = [];
    const segmenter = fakeSegmenter(S, (_, call) => {
      if (call === 1) controller.abort();
      return rect(S, S, 0, 0, 1, S); // 4 of 8 pixels: IoU 0.5
    });
    const run = await evaluate({ segmenter, files, samples, signal: controller.signal, onProgress: (p) => progress.push(p.done) });
    expect(run.status).toBe('interrupted');
    expect(run.records).toHaveLength(2);
    expect(progress).toEqual([1, 2]);
    expect(segmenter.inputs).toHaveLength(2);
  });

  it('a segmenter returning a mask of the wrong size is a bug that ends the run', async () => {
    const root = folder(2);
    const files = nodeDatasetFiles(root);
    const { samples } = await readDataset(files, { format: 'jsonl', split: 'test' });
    const segmenter = fakeSegmenter(S, () => new Uint8Array(S * S));
    const wrong = { ...segmenter, segment: async (i: Parameters<typeof segmenter.segment>[0]) => ({ ...(await segmenter.segment(i)), size: 3 }) };
    const run = await evaluate({ segmenter: wrong, files, samples });
    expect(run.status).toBe('failed');
    expect((run.error as Error).message).toBe('test.jsonl:1: the segmenter returned a 3 x 3 mask of 16 values, expected 4 x 4');
  });
});
