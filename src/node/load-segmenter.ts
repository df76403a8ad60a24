/**
 * Node entry to the model: opens the adapter, the weights file (.safetensors or .pth), the
 * config (--config, else the weights' metadata, else the published preset) and the
 * vocabulary, and builds the Segmenter once, reporting progress while weights upload.
 */
import { FianetError } from '../errors.js';
import { createSegmenter, ignoredByReference, unusedTensorsMessage } from '../model/create-segmenter.js';
import { openWeights } from '../model/open-weights.js';
import type { Segmenter } from '../model/segmenter.js';
import type { DatasetName } from '../text/categories.js';
import type { Gpu } from '../runtime/device.js';
import type { WeightDtype } from '../runtime/graph.js';
import type { CompileProgress, LoadPhase } from '../runtime/executor.js';
import { nodeGpu, type AdapterKind } from './gpu-node.js';
import { readBoundedText } from './read-bounded.js';
import { fileSource } from './safetensors-file.js';
import { defaultVocabPath, loadVocabFile } from './vocab-file.js';

export interface LoadSegmenterOptions {
  weights: string;
  config?: string;
  adapter?: AdapterKind;
  dataset?: DatasetName;
  vocab?: string;
  /** How the device stores the weights (f16: half the memory); default: the file's (createSegmenter). */
  weightsDtype?: WeightDtype;
  /**
   * Called as weights upload and kernels compile (the two at once): `done` of `total` steps of
   * both, and the phase of the step just done ('weights': a tensor, 'pipelines': a kernel).
   */
  onProgress?: (done: number, total: number, phase: LoadPhase) => void;
  /**
   * Lines about the load; default: silent. 'warning': the user should act (checkpoint tensors
   * the model ignores but the reference uses); 'debug': expected (tensors the reference ignores too).
   */
  log?: (level: 'warning' | 'debug', line: string) => void;
  dumpWgsl?: string[];
}

async function readConfig(path: string): Promise<unknown> {
  const text = await readBoundedText(path, 'config');
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
    return await createSegmenter(gpu, opened.store, opened.config, {
      vocab,
      ...(o.dataset ? { dataset: o.dataset } : {}),
      ...(o.weightsDtype ? { weightsDtype: o.weightsDtype } : {}),
      ...(dumpWgsl?.length ? { dumpWgsl, log: (text: string) => console.error(text) } : {}),
      onUnused: (names) => {
        const expected = names.filter(ignoredByReference);
        const unexpected = names.filter((n) => !ignoredByReference(n));
        if (expected.length) log('debug', `${unusedTensorsMessage(expected)}; the reference ignores them too`);
        if (unexpected.length) log('warning', `${unusedTensorsMessage(unexpected)}; does the config match the checkpoint?`);
      },
      ...(o.onProgress ? { onProgress: overallProgress(o.onProgress) } : {}),
      release,
    });
  } catch (e) {
    release();
    throw e;
  }
}

/** One count over both phases from their separate counts. */
function overallProgress(report: (done: number, total: number, phase: LoadPhase) => void): (p: CompileProgress) => void {
  const latest: Record<LoadPhase, { done: number; total: number }> = { weights: { done: 0, total: 0 }, pipelines: { done: 0, total: 0 } };
  return (p) => {
    latest[p.phase] = { done: p.done, total: p.total };
    report(latest.weights.done + latest.pipelines.done, latest.weights.total + latest.pipelines.total, p.phase);
  };
}
