/** `--weights-dtype f32|f16`: how the device stores the weights (lowering/streamed-weight.ts). */
import { FianetError, quote } from '../errors.js';
import { WEIGHT_DTYPES, type WeightDtype } from '../runtime/graph.js';

/** The help lines, descriptions starting at column `at` (each command aligns its own). */
export function weightsDtypeHelp(at: number): string {
  const pad = ' '.repeat(at);
  return `${'  --weights-dtype T'.padEnd(at)}f32 or f16: how the device stores the weights (f16: half the
${pad}memory; default: the file's, f16 for a --fp16 file)`;
}

export function parseWeightsDtype(value: string | undefined): WeightDtype | undefined {
  if (value === undefined) return undefined;
  if (!(WEIGHT_DTYPES as readonly string[]).includes(value)) throw new FianetError('bad-input', `--weights-dtype is ${quote(value)}, expected ${WEIGHT_DTYPES.join(' or ')}`);
  return value as WeightDtype;
}
