/**
 * The base480 fixture's weights are not stored: every float tensor of the state dict is
 * generated from its name (test/fixtures/base480/README.md, weights_formula.py):
 *   seed = FNV-1a-32(UTF-8 name); x_n = mulberry32 draw n (uint32 state, wraps mod 2^32);
 *   u = f32(x / 2^32 * 2 - 1); value = f32(offset + scale * u), with offset/scale by name rule.
 * Each rounding is done exactly where the formula says (Math.fround), so the values are
 * bit-identical to the manifest. Browser-safe: no Node imports.
 */
import { FianetError } from '../errors.js';
import type { FianetConfig } from './config.js';
import { stateDictShapes, type TensorShape } from './state-dict-shapes.js';
import type { WeightStore } from './weights.js';

export function fnv1a32(name: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(name)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

export interface FormulaRule {
  offset: number;
  scale: number;
}

/** offset and scale of a tensor, by the README's rules tried in order. */
export function formulaRule(name: string, shape: readonly number[]): FormulaRule {
  if (name.endsWith('running_var')) return { offset: 1, scale: 0.25 };
  if (name.endsWith('running_mean')) return { offset: 0, scale: 0.1 };
  if (name.endsWith('relative_position_bias_table')) return { offset: 0, scale: 0.5 };
  if (shape.length === 1 && name.endsWith('.weight')) return { offset: 1, scale: 0.1 };
  if (shape.length === 1 && name.endsWith('.bias')) return { offset: 0, scale: 0.05 };
  if (shape.length >= 2) {
    const fanIn = shape.slice(1).reduce((a, b) => a * b, 1);
    return { offset: 0, scale: Math.sqrt(3 / fanIn) };
  }
  throw new FianetError('bad-weights', `weight formula: no rule for '${name}' ${JSON.stringify(shape)}`);
}

/** The tensor `name` of `shape`, row-major, as the formula defines it. */
export function formulaTensor(name: string, shape: readonly number[]): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const { offset, scale } = formulaRule(name, shape);
  const out = new Float32Array(n);
  // mulberry32 with an int32 state (`| 0`): the float64 state of `a += 0x6D2B79F5` without
  // it loses exactness after ~4.9M draws (the word embeddings have 23.4M values).
  let a = fnv1a32(name) | 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const x = (t ^ (t >>> 14)) >>> 0;
    const u = Math.fround((x / 4294967296) * 2 - 1);
    // The Float32Array store rounds offset + scale * u (float64) once, as Math.fround would.
    out[i] = offset + scale * u;
  }
  return out;
}

/** A WeightStore serving formula weights for the given tensors (names and shapes). */
export function formulaWeightStore(tensors: readonly TensorShape[], label = 'formula weights'): WeightStore {
  const shapes = new Map(tensors.map((t) => [t.name, t.shape]));
  return {
    label,
    names: () => [...shapes.keys()],
    shape: (name) => shapes.get(name),
    load: async (name) => {
      const shape = shapes.get(name);
      if (!shape) throw new FianetError('bad-weights', `${label}: no tensor '${name}'`);
      return formulaTensor(name, shape);
    },
  };
}

/** Formula weights for every float tensor of the state dict of `config` (base480: the published RRSIS-D variant). */
export function formulaWeightsFor(config: FianetConfig, label = 'base480 formula weights'): WeightStore {
  return formulaWeightStore(stateDictShapes(config), label);
}
