// A stand-in for the model: returns masks chosen by the test, with the Segmenter interface.
import { FianetError } from '../../src/errors.js';
import type { FianetConfig } from '../../src/model/config.js';
import type { Segmenter, SegmentInput } from '../../src/model/segmenter.js';
import type { AdapterDescription } from '../../src/runtime/device.js';

export const FAKE_ADAPTER: AdapterDescription = {
  kind: 'fake',
  backend: 'none',
  vendor: 'test',
  architecture: '',
  device: 'fake device',
  description: 'fake segmenter',
  featureLevel: 'core',
  features: [],
  limits: {},
};

export interface FakeSegmenter extends Segmenter {
  inputs: SegmentInput[];
  destroyed: boolean;
}

/** `predict` gets the input and the call index and returns an S x S 0/1 mask, or throws. */
export function fakeSegmenter(size: number, predict: (input: SegmentInput, call: number) => Uint8Array): FakeSegmenter {
  const fake: FakeSegmenter = {
    config: { input_size: size } as FianetConfig,
    adapter: FAKE_ADAPTER,
    weights: { dtype: 'f32', bytes: 0 },
    inputs: [],
    destroyed: false,
    async segment(input) {
      const call = fake.inputs.push(input) - 1;
      await new Promise((r) => setTimeout(r, 1)); // the GPU's turn: lets the prefetch run
      const mask = predict(input, call);
      if (mask.length !== size * size) throw new FianetError('bad-graph', 'fake: wrong mask size');
      return {
        mask,
        size,
        tokens: input.tokens ?? { input_ids: [], l_mask: [], t_mask: [], p_mask: [] },
        timings: { preprocess: 1, text: 2, vision: 3, decode: 4, total: 10 },
        warnings: [],
      };
    },
    async encodeText() {
      throw new Error('fake: eval segments image by image, it never encodes text apart');
    },
    async destroy() {
      fake.destroyed = true;
    },
  };
  return fake;
}
