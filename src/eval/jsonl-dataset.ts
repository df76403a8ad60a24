/**
 * The JSON-lines layout (test/demo/dataset/ uses it):
 *
 *   DIR/<split>.jsonl   one sample per line:
 *                       {"image": "images/a.png", "mask": "masks/a.png", "expression": "...",
 *                        "category": "ship", "tokens": {"input_ids": [...], "l_mask": [...], ...}}
 *                       "category" and "tokens" are optional; paths are relative to DIR.
 *
 * Masks are gray or RGB images where any nonzero value is object (0/1 and 0/255 alike).
 * Empty lines are ignored; a line that is not a usable sample becomes a skipped sample
 * named after its line, so one bad line does not stop a run and the report still counts it.
 */
import { FianetError } from '../errors.js';
import { fileStem, readText, uniqueNames, type Dataset, type DatasetFiles, type EvalSample } from './dataset.js';
import { parseTokens } from './tokens-file.js';

export interface JsonlOptions {
  split: string;
  /** The listing file relative to the root; default `<split>.jsonl`. */
  file?: string;
}

export async function readJsonlDataset(files: DatasetFiles, options: JsonlOptions): Promise<Dataset> {
  const file = options.file ?? `${options.split}.jsonl`;
  if (!(await files.exists(file))) {
    throw new FianetError('bad-input', `${files.describe(file)}: no such file; a JSON-lines dataset lists its samples in <split>.jsonl (--split ${options.split})`);
  }
  const lines = (await readText(files, file)).split(/\r?\n/);
  const samples: EvalSample[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '') samples.push(parseLine(line, `${file}:${i + 1}`, `line${i + 1}`));
  });
  const names = uniqueNames(samples.map((s) => s.name));
  return { format: 'jsonl', split: options.split, listing: [files.describe(file)], samples: samples.map((s, i) => ({ ...s, name: names[i]! })) };
}

function parseLine(line: string, source: string, fallbackName: string): EvalSample {
  const broken = (message: string): EvalSample => ({
    name: fallbackName,
    source,
    image: '',
    truth: { kind: 'mask-file', path: '', rule: 'nonzero' },
    expression: '',
    problem: { reason: 'bad-listing', message: `${source}: ${message}` },
  });
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch (e) {
    return broken(`not valid JSON (${(e as Error).message})`);
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return broken('expected a JSON object {"image", "mask", "expression"}');
  for (const key of ['image', 'mask', 'expression']) {
    if (typeof o[key] !== 'string' || o[key] === '') return broken(`"${key}" must be a non-empty string, got ${JSON.stringify(o[key])}`);
  }
  if (o.category !== undefined && typeof o.category !== 'string') return broken(`"category" must be a string, got ${JSON.stringify(o.category)}`);
  const sample: EvalSample = {
    name: fileStem(o.image as string),
    source,
    image: o.image as string,
    truth: { kind: 'mask-file', path: o.mask as string, rule: 'nonzero' },
    expression: o.expression as string,
  };
  if (o.category !== undefined) sample.category = o.category as string;
  if (o.tokens !== undefined) {
    try {
      sample.tokens = parseTokens(o.tokens, '"tokens"');
    } catch (e) {
      if (e instanceof FianetError) return broken(e.message);
      throw e;
    }
  }
  return sample;
}
