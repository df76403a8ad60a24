/**
 * conv2d at the base480 decoder's shapes (sampled outputs; see test/kernels/conv2d-sampled.ts):
 * conv1_4, the widest (1024 channels upsampled 15 -> 30, + 512 -> 512), and conv1_2, the
 * largest (512 channels upsampled 60 -> 120, + 128 -> 512 at 120 x 120, 85 GFLOP).
 * Tolerance atol 1e-7 * K (K = cin * 9), as in test/kernels/conv2d.test.ts.
 */
import { describe, it } from 'vitest';
import { DECODER_CONV_CASES } from '../../src/kernels/conv2d.js';
import { checkSampledConv } from '../kernels/conv2d-sampled.js';

describe('conv2d at base480 decoder shapes', () => {
  it('conv1_4: (1024 @ 15 upsampled + 512) -> 512 @ 30', async () => {
    await checkSampledConv(DECODER_CONV_CASES.base480[2]);
  });

  it('conv1_2: (512 @ 60 upsampled + 128) -> 512 @ 120', async () => {
    await checkSampledConv(DECODER_CONV_CASES.base480[0]);
  });
});
