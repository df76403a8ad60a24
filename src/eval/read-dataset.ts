/**
 * One entry point for the three layouts (each reader's header documents its layout), plus
 * the optional token records that replace our expression parser with the dataset's own
 * preprocessing (`--tokens FILE`).
 */
import { readText, type Dataset, type DatasetFiles, type DatasetFormat } from './dataset.js';
import { readJsonlDataset } from './jsonl-dataset.js';
import { readRefSegRsDataset } from './refsegrs-dataset.js';
import { readRrsisdDataset } from './rrsisd-dataset.js';
import { attachTokens, parseTokensFile } from './tokens-file.js';

export interface ReadDatasetOptions {
  format: DatasetFormat;
  split: string;
  /** JSON-lines only: the listing file relative to the root (default `<split>.jsonl`). */
  file?: string;
  /** A tokens file: one record per sample of the split, in order. */
  tokens?: { files: DatasetFiles; path: string };
}

export async function readDataset(files: DatasetFiles, options: ReadDatasetOptions): Promise<Dataset> {
  const { format, split } = options;
  const dataset =
    format === 'jsonl'
      ? await readJsonlDataset(files, options.file === undefined ? { split } : { split, file: options.file })
      : format === 'refsegrs'
        ? await readRefSegRsDataset(files, split)
        : await readRrsisdDataset(files, split);
  if (!options.tokens) return dataset;
  const { files: tokenFiles, path } = options.tokens;
  const label = tokenFiles.describe(path);
  return { ...dataset, samples: attachTokens(dataset.samples, parseTokensFile(await readText(tokenFiles, path), label), label) };
}
