/**
 * Node entry to the model: opens the adapter, the weights file (.safetensors or .pth), the
 * config (--config, else the weights' metadata, else the published preset) and the
 * vocabulary, and builds the Segmenter once. Progress goes to `log` while weights upload.
 */
import { readFile } from 'node:fs/promises';
import { FianetError } from '../errors.js';
import { createSegmenter, unusedTensorsMessage } from '../model/create-segmenter.js';
import { openWeights } from '../model/open-weights.js';
import type { Segmenter } from '../model/segmenter.js';
import type { DatasetName } from '../text/categories.js';
import type { Gpu } from '../runtime/device.js';
import { nodeGpu, type AdapterKind } from './gpu-node.js';
import { fileSource } from './safetensors-file.js';
import { defaultVocabPath, loadVocabFile } from './vocab-file.js';

export interface LoadSegmenterOptions {
  weights: string;
  config?: string;
  adapter?: AdapterKind;
  dataset?: DatasetName;
  vocab?: string;
  /** Progress and debug lines (weights upload, unused tensors); default: silent. */
  log?: (line: string) => void;
  dumpWgsl?: string[];
}

async function readConfig(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FianetError('bad-input', `cannot read the config ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FianetError('bad-input', `${path} is not valid JSON: ${(e as Error).message}`);
  }
}

export async function loadSegmenter(o: LoadSegmenterOptions): Promise<Segmenter> {
  const log = o.log ?? (() => {});
  const config = o.config === undefined ? undefined : await readConfig(o.config);
  const source = await fileSource(o.weights);
  let gpu: Gpu | undefined;
  const release = () => {
    gpu?.destroy();
    void source.close?.();
  };
  try {
    const opened = await openWeights(source, { ...(config !== undefined ? { config, configLabel: o.config } : {}), ...(o.dataset ? { dataset: o.dataset } : {}) });
    const vocab = await loadVocabFile(o.vocab ?? defaultVocabPath());
    gpu = await nodeGpu(o.adapter);
    // FIANET_DUMP_WGSL=name1,name2 (or *) prints the final WGSL of those kernels when compiled.
    const dumpWgsl = o.dumpWgsl ?? process.env.FIANET_DUMP_WGSL?.split(',').map((s) => s.trim()).filter(Boolean);
    let last = 0;
    return await createSegmenter(gpu, opened.store, opened.config, {
      vocab,
      ...(o.dataset ? { dataset: o.dataset } : {}),
      ...(dumpWgsl?.length ? { dumpWgsl, log: (text: string) => console.error(text) } : {}),
      onUnused: (names) => names.length && log(`debug: ${unusedTensorsMessage(names)}`),
      onProgress: (done, total) => {
        const pct = Math.floor((100 * done) / total);
        if (pct >= last + 10 || done === total) {
          last = pct;
          log(`loading: ${pct}% (${done}/${total} weights and kernels)`);
        }
      },
      release,
    });
  } catch (e) {
    release();
    throw e;
  }
}
