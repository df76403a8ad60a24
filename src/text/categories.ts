/**
 * Ground-object categories of the two datasets, from the reference's dataset code
 * (data/rrsisd_refer_bert.py and data/refsegrs_refer_bert.py), and their text lengths.
 */
import { FianetError } from '../errors.js';

export type DatasetName = 'rrsisd' | 'refsegrs';

export interface DatasetText {
  /** categories searched for the object mask */
  categories: readonly string[];
  /** token length of the model input (the reference's max_tokens) */
  maxTokens: number;
}

export const DATASETS: Readonly<Record<DatasetName, DatasetText>> = {
  rrsisd: {
    categories: [
      'airplane', 'airport', 'golf field', 'expressway service area', 'baseball field', 'stadium',
      'ground track field', 'storage tank', 'basketball court', 'chimney', 'tennis court', 'overpass',
      'train station', 'ship', 'expressway toll station', 'dam', 'harbor', 'bridge', 'vehicle', 'windmill',
    ],
    maxTokens: 22,
  },
  refsegrs: {
    categories: [
      'road', 'vehicle', 'car', 'van', 'building', 'truck', 'trailer', 'bus', 'road marking', 'bikeway',
      'sidewalk', 'tree', 'low vegetation', 'impervious surface',
    ],
    maxTokens: 20,
  },
};

/** The settings of a dataset named by a user (CLI flag, config). */
export function datasetText(name: string): DatasetText {
  if (!Object.hasOwn(DATASETS, name)) {
    throw new FianetError('bad-input', `unknown dataset '${name}': expected one of ${Object.keys(DATASETS).join(', ')}`);
  }
  return DATASETS[name as DatasetName];
}
