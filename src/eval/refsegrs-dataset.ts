/**
 * The RefSegRS layout, as published (huggingface.co/datasets/JessicaYuan/RefSegRS) and read by
 * the reference's `data/refsegrs_refer_bert.py`:
 *
 *   DIR/images/<name>.tif              RGB image
 *   DIR/masks/<name>.tif               mask; object where the gray value is > 50
 *   DIR/output_phrase_<split>.txt      one sample per line: "<name> <expression>"
 *
 * As in the reference the name is everything before the first space and the expression
 * everything after it (inner spacing kept; only the line break is dropped). The dataset has
 * no category field, so no per-category scores.
 */
import { FianetError } from '../errors.js';
import { readText, uniqueNames, type Dataset, type DatasetFiles, type EvalSample } from './dataset.js';

export async function readRefSegRsDataset(files: DatasetFiles, split: string): Promise<Dataset> {
  const file = `output_phrase_${split}.txt`;
  if (!(await files.exists(file))) {
    throw new FianetError('bad-input', `${files.describe(file)}: no such file; a RefSegRS folder has images/, masks/ and output_phrase_{train,val,test}.txt (--split ${split})`);
  }
  const samples: EvalSample[] = [];
  (await readText(files, file)).split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const source = `${file}:${i + 1}`;
    const space = line.indexOf(' ');
    const name = space < 0 ? line : line.slice(0, space);
    const sample: EvalSample = {
      name,
      source,
      image: `images/${name}.tif`,
      truth: { kind: 'mask-file', path: `masks/${name}.tif`, rule: 'above-50' },
      expression: space < 0 ? '' : line.slice(space + 1),
    };
    if (name === '' || sample.expression.trim() === '') {
      sample.problem = { reason: 'bad-listing', message: `${source}: expected "<name> <expression>", got "${line}"` };
    }
    samples.push(sample);
  });
  const names = uniqueNames(samples.map((s) => s.name));
  return { format: 'refsegrs', split, listing: [files.describe(file)], samples: samples.map((s, i) => ({ ...s, name: names[i]! })) };
}
