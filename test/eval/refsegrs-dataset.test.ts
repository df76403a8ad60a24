import { describe, expect, it } from 'vitest';
import { loadSample, type LoadedSample, type SkippedSample } from '../../src/eval/load-sample.js';
import { readDataset } from '../../src/eval/read-dataset.js';
import { nodeDatasetFiles } from '../../src/node/dataset-files.js';
import { grayTiff, rgbTiff, tempDir, writeFile } from './synthetic.js';

function folder(): string {
  const root = tempDir('refsegrs');
  // Gray levels straddling the reference's "> 50" rule: 0, 50, 51, 255
  const values = new Uint8Array([0, 50, 51, 255, 0, 50, 51, 255]);
  for (const name of ['0', '1']) {
    writeFile(root, `images/${name}.tif`, rgbTiff(4, 2, Number(name)));
    writeFile(root, `masks/${name}.tif`, grayTiff(values, 4, 2));
  }
  writeFile(root, 'images/2.tif', rgbTiff(4, 2));
  writeFile(root, 'masks/2.tif', grayTiff(new Uint8Array(9), 3, 3));
  writeFile(root, 'output_phrase_test.txt', '0 the car on the road\r\n1 a  white van\n\n0 vehicle in the parking lot\n2 the bus\nlonely\n');
  writeFile(root, 'output_phrase_val.txt', '1 the tree\n');
  return root;
}

describe('RefSegRS datasets', () => {
  it('reads "<name> <expression>" lines of output_phrase_<split>.txt', async () => {
    const root = folder();
    const d = await readDataset(nodeDatasetFiles(root), { format: 'refsegrs', split: 'test' });
    expect(d.listing).toEqual([`${root}/output_phrase_test.txt`]);
    expect(d.samples.map((s) => [s.name, s.image, s.expression, s.source])).toEqual([
      ['0-1', 'images/0.tif', 'the car on the road', 'output_phrase_test.txt:1'],
      ['1', 'images/1.tif', 'a  white van', 'output_phrase_test.txt:2'],
      ['0-2', 'images/0.tif', 'vehicle in the parking lot', 'output_phrase_test.txt:4'],
      ['2', 'images/2.tif', 'the bus', 'output_phrase_test.txt:5'],
      ['lonely', 'images/lonely.tif', '', 'output_phrase_test.txt:6'],
    ]);
    expect(d.samples[0]!.truth).toEqual({ kind: 'mask-file', path: 'masks/0.tif', rule: 'above-50' });
    expect(d.samples[0]!.category).toBeUndefined();
    expect(d.samples[4]!.problem).toEqual({ reason: 'bad-listing', message: 'output_phrase_test.txt:6: expected "<name> <expression>", got "lonely"' });
    expect((await readDataset(nodeDatasetFiles(root), { format: 'refsegrs', split: 'val' })).samples).toHaveLength(1);
  });

  it('masks are object where the gray value is > 50; sizes must match', async () => {
    const root = folder();
    const files = nodeDatasetFiles(root);
    const d = await readDataset(files, { format: 'refsegrs', split: 'test' });
    const s = (await loadSample(files, d.samples[0]!, 4)) as LoadedSample;
    // 4 x 2 -> 4 x 4: every column, rows 0, 0, 1, 1
    expect(Array.from(s.target)).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1]);
    const bad = (await loadSample(files, d.samples[3]!, 4)) as SkippedSample;
    expect(bad).toMatchObject({ name: '2', reason: 'size-mismatch', message: `mask ${root}/masks/2.tif is 3 x 3 but image ${root}/images/2.tif is 4 x 2` });
  });

  it('a missing split file is an error that names it and the layout', async () => {
    await expect(readDataset(nodeDatasetFiles(folder()), { format: 'refsegrs', split: 'train' })).rejects.toThrow(
      /output_phrase_train\.txt: no such file; a RefSegRS folder has images\/, masks\/ and output_phrase_\{train,val,test\}\.txt/,
    );
  });
});
