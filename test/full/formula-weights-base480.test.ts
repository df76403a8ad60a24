// Every tensor of base480/weights_manifest.json (842 tensors, 256,187,250 values) from the formula, exactly.
import { describe, it } from 'vitest';
import { formulaTensor } from '../../src/model/formula-weights.js';
import { checkManifestEntry, loadManifest } from '../model/manifest.js';

describe('base480 formula weights', () => {
  it('reproduce every manifest tensor (sum, sum_sq, first, probe values)', () => {
    for (const e of loadManifest().tensors) checkManifestEntry(e, formulaTensor(e.name, e.shape));
  });
});
