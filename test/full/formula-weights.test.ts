// Every tensor of the full-size fixtures' weights_manifest.json (842 tensors, 256,187,250 values each) from the formula, exactly.
import { describe, it } from 'vitest';
import { FORMULA_RULE_SETS, formulaTensor } from '../../src/model/formula-weights.js';
import { checkManifestEntry, loadManifest } from '../model/manifest.js';

describe.each(FORMULA_RULE_SETS)('%s formula weights', (ruleSet) => {
  it('reproduce every manifest tensor (sum, sum_sq, first, probe values)', () => {
    for (const e of loadManifest(ruleSet).tensors) checkManifestEntry(e, formulaTensor(e.name, e.shape, ruleSet));
  }, 600_000);
});
