// The reference's demo run: dataset, per-sample results, predictions.
import { readFileSync } from 'node:fs';
import { DEMO } from '../helpers/test-data.js';

export { DEMO };

export interface DemoSample {
  index: number;
  image: string;
  category: string;
  expression: string;
  I: number;
  U: number;
  iou: number;
  discriminator: string;
}

export function demoPerSample(): DemoSample[] {
  const text = readFileSync(new URL('per_sample_iou.jsonl', DEMO), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DemoSample);
}
