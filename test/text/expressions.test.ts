import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/text/categories.js';
import { encodeExpression } from '../../src/text/encode-expression.js';
import { TABLE } from './expressions-table.js';
import { fixtureVocab } from '../helpers/test-data.js';

function maskFrom(positions: readonly number[], length: number): number[] {
  const mask = new Array<number>(length).fill(0);
  for (const p of positions) mask[p] = 1;
  return mask;
}

describe('referring expressions: words, tags and masks a careful annotator expects', () => {
  it('has at least 60 expressions of both datasets', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(TABLE.filter((r) => r.dataset === 'refsegrs').length).toBeGreaterThanOrEqual(15);
  });

  it.each(TABLE.map((r) => [r.dataset, r.text, r] as const))('%s %j', (dataset, text, row) => {
    const e = encodeExpression(text, { vocab: fixtureVocab(), dataset });
    const pairs = row.tagged.split(' ').map((wt) => wt.split(/\/(?=[^/]+$)/));
    expect(e.words).toEqual(pairs.map(([w]) => w));
    expect(e.tags).toEqual(pairs.map(([, t]) => t));
    const length = DATASETS[dataset].maxTokens;
    expect(e.t_mask).toEqual(maskFrom(row.t, length));
    expect(e.p_mask).toEqual(row.p === 'l' ? e.l_mask : maskFrom(row.p, length));
    // truncated exactly when [SEP] was cut
    expect(e.warnings).toHaveLength(e.wordpieces.at(-1) === '[SEP]' ? 0 : 1);
  });
});
