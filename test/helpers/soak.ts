/**
 * Consecutive segmentations on one model (the tiny fixture at 96 x 96, a different image and
 * expression each time), recording RSS and the JS heap after each: a leak of GPU staging
 * buffers, of typed arrays or of closures per call shows as a steady climb.
 */
import type { RgbImage } from '../../src/io/image-types.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { TEST_ADAPTER } from './gpu.js';
import { FIXTURES, dataPath } from './test-data.js';

export interface SoakSample {
  rss: number;
  heap: number;
}

const TEXTS = ['the white car on the left', 'a building in the middle', 'the green field at the top right', 'the road next to the river', 'two ships'];

export async function soak(runs: number): Promise<{ warm: SoakSample[]; msPerRun: number }> {
  const path = (p: string) => dataPath(FIXTURES, p);
  const model = await loadSegmenter({ weights: path('tiny/weights.safetensors'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt') });
  try {
    const warm: SoakSample[] = [];
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      // A fresh image each call (sizes vary so the resize path allocates differently).
      const size = 90 + (i % 13);
      const image: RgbImage = { width: size, height: size, rgb: Uint8Array.from({ length: size * size * 3 }, (_, k) => (k * 31 + i * 7) & 0xff) };
      const result = await model.segment({ image, text: TEXTS[i % TEXTS.length]! }, { logits: i % 2 === 0 });
      if (result.mask.length !== 96 * 96) throw new Error(`soak run ${i}: mask of ${result.mask.length} values`);
      const m = process.memoryUsage();
      warm.push({ rss: m.rss, heap: m.heapUsed });
    }
    return { warm, msPerRun: (performance.now() - t0) / runs };
  } finally {
    await model.destroy();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Growth in MiB from the first to the last fifth of the runs after `skip` warm-up runs (medians, so one GC pause does not count). */
export function growth(samples: SoakSample[], skip: number): { rss: number; heap: number } {
  const s = samples.slice(skip);
  const fifth = Math.max(1, Math.floor(s.length / 5));
  const mib = (k: keyof SoakSample) => (median(s.slice(-fifth).map((x) => x[k])) - median(s.slice(0, fifth).map((x) => x[k]))) / 2 ** 20;
  return { rss: mib('rss'), heap: mib('heap') };
}
