// A strict TypeScript app using the installed package's Node entry. The three wrong uses at
// the end must fail to type-check: were the API `any`, TypeScript would report their
// expect-error directives as unused, and the check would fail.
import { FianetError, loadSegmenter, readImageFile, type AdapterKind, type LoadSegmenterOptions, type SegmentResult } from 'fianet-webgpu';

export async function maskArea(weights: string, image: string, text: string, adapter: AdapterKind = 'auto'): Promise<number> {
  const model = await loadSegmenter({ weights, adapter });
  try {
    const result: SegmentResult = await model.segment({ image: await readImageFile(image), text }, { logits: true });
    const logits: Float32Array | undefined = result.logits;
    return result.mask.reduce((s, v) => s + v, 0) + (logits ? 0 : 1) + model.adapter.kind.length * 0;
  } finally {
    model.destroy();
  }
}

export const isBadInput = (e: unknown): boolean => e instanceof FianetError && e.code === 'bad-input';

// @ts-expect-error 'cuda' is not an adapter kind
export const wrongAdapter: LoadSegmenterOptions = { weights: 'w.safetensors', adapter: 'cuda' };

// @ts-expect-error the option is `weights`
export const misspelled: LoadSegmenterOptions = { weight: 'w.safetensors' };

// @ts-expect-error segment() takes an image, not a path
export const wrongInput = async (o: LoadSegmenterOptions) => (await loadSegmenter(o)).segment({ image: 'scene.png', text: 'the ship' });
