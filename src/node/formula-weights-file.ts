/**
 * Writes the formula weights of a config under one rule set (base480/README.md,
 * base480c/README.md; the published RRSIS-D variant at 480 gives those fixtures' weights) as
 * a safetensors file, with the config in the `fianet_config` metadata entry as `fianet
 * convert` stores it, so the file loads like any converted checkpoint. Tensors are generated and written one at a time (the full model is
 * 1 GB; only one tensor, at most 94 MB, is in memory).
 */
import { safetensorsLayout } from '../io/safetensors.js';
import type { FianetConfig } from '../model/config.js';
import { formulaTensor, type FormulaRuleSet } from '../model/formula-weights.js';
import { stateDictShapes } from '../model/state-dict-shapes.js';
import { writeFileAtomic } from './atomic-write.js';

export interface FormulaFileSummary {
  tensors: number;
  params: number;
  bytes: number;
}

export async function writeFormulaWeightsFile(
  path: string,
  config: FianetConfig,
  ruleSet: FormulaRuleSet,
  onProgress: (doneParams: number, totalParams: number, tensor: string) => void = () => {},
): Promise<FormulaFileSummary> {
  const specs = stateDictShapes(config).map((t) => ({ ...t, dtype: 'F32' as const }));
  const metadata = {
    format: 'pt',
    fianet_config: JSON.stringify(config),
    source: `weight formula of fixtures/${ruleSet} (FNV-1a-32 seed per tensor name, mulberry32, float32 rounding; ${ruleSet}/README.md)`,
  };
  const { header, order } = safetensorsLayout(specs, metadata);
  const numel = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
  const total = order.reduce((n, t) => n + numel(t.shape), 0);
  async function* chunks() {
    yield header;
    let done = 0;
    for (const t of order) {
      const data = formulaTensor(t.name, t.shape, ruleSet);
      done += data.length;
      onProgress(done, total, t.name);
      yield new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    }
  }
  await writeFileAtomic(path, chunks());
  return { tensors: order.length, params: total, bytes: header.byteLength + total * 4 };
}
