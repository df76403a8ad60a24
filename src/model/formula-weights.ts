/**
 * The full-size fixtures' weights are not stored: every float tensor of the state dict is
 * generated from its name (test/fixtures/base480/README.md, weights_formula.py):
 *   seed = FNV-1a-32(UTF-8 name); x_n = mulberry32 draw n (uint32 state, wraps mod 2^32);
 *   u = f32(x / 2^32 * 2 - 1); value = f32(offset + scale * u), with offset/scale by name rule.
 * Two named rule sets: `base480` (the README's table) and `base480c` (three name rules tried
 * first that keep the model well conditioned; base480c/README.md, "Numerical conditioning").
 * Each rounding is done exactly where the formula says (Math.fround), so the values are
 * bit-identical to the manifests. Browser-safe: no Node imports.
 */
import { FianetError, quote } from '../errors.js';
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

export const FORMULA_RULE_SETS = ['base480', 'base480c'] as const;
export type FormulaRuleSet = (typeof FORMULA_RULE_SETS)[number];

export function parseFormulaRuleSet(value: string): FormulaRuleSet {
  if ((FORMULA_RULE_SETS as readonly string[]).includes(value)) return value as FormulaRuleSet;
  throw new FianetError('bad-input', `unknown weight formula rule set ${quote(value)}: expected ${FORMULA_RULE_SETS.join(' or ')}`);
}

/**
 * base480c's rules, tried before base480's: the BERT residual-branch output projections
 * (token vectors no longer collapse), the OPAB object-branch out-projection (a 2-token mask
 * makes its InstanceNorm amplify rounding) and the final 1x1 conv (wider argmax margins).
 */
const BASE480C_RULES: ReadonlyArray<{ matches: (name: string) => boolean; rule: FormulaRule }> = [
  { matches: (name) => name.endsWith('output.dense.weight'), rule: { offset: 0, scale: 0.01 } },
  { matches: (name) => name.includes('go_cross_attn.W.0.'), rule: { offset: 0, scale: 0.002 } },
  { matches: (name) => name.endsWith('classifier.conv1_1.weight'), rule: { offset: 0, scale: 1 } },
];

/** offset and scale of a tensor, by the rule set's rules tried in order. */
export function formulaRule(name: string, shape: readonly number[], ruleSet: FormulaRuleSet = 'base480'): FormulaRule {
  if (ruleSet === 'base480c') {
    const first = BASE480C_RULES.find((r) => r.matches(name));
    if (first) return first.rule;
  }
  if (name.endsWith('running_var')) return { offset: 1, scale: 0.25 };
  if (name.endsWith('running_mean')) return { offset: 0, scale: 0.1 };
  if (name.endsWith('relative_position_bias_table')) return { offset: 0, scale: 0.5 };
  if (shape.length === 1 && name.endsWith('.weight')) return { offset: 1, scale: 0.1 };
  if (shape.length === 1 && name.endsWith('.bias')) return { offset: 0, scale: 0.05 };
  if (shape.length >= 2) {
    const fanIn = shape.slice(1).reduce((a, b) => a * b, 1);
    return { offset: 0, scale: Math.sqrt(3 / fanIn) };
  }
  throw new FianetError('bad-weights', `weight formula: no rule for ${quote(name)} ${quote(shape)}`);
}

/**
 * u of draw `n` (0-based) of the mulberry32 stream seeded with `seed`: the state after n + 1
 * steps is seed + (n + 1) * 0x6D2B79F5 mod 2^32, so any draw is reachable directly. The
 * state stays an int32 (`| 0`): the float64 state of `a += 0x6D2B79F5` loses exactness after
 * ~4.9M draws (the word embeddings have 23.4M values).
 */
function uniformDraw(seed: number, n: number): number {
  const a = (seed + Math.imul(n + 1, 0x6d2b79f5)) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  const x = (t ^ (t >>> 14)) >>> 0;
  return Math.fround((x / 4294967296) * 2 - 1);
}

/** The tensor `name` of `shape`, row-major, as the rule set's formula defines it. */
export function formulaTensor(name: string, shape: readonly number[], ruleSet: FormulaRuleSet = 'base480'): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const { offset, scale } = formulaRule(name, shape, ruleSet);
  const seed = fnv1a32(name);
  const out = new Float32Array(n);
  // The Float32Array store rounds offset + scale * u (float64) once, as Math.fround would.
  for (let i = 0; i < n; i++) out[i] = offset + scale * uniformDraw(seed, i);
  return out;
}

/** Element `index` (row-major) of formulaTensor(name, shape, ruleSet), without generating the rest. */
export function formulaValue(name: string, shape: readonly number[], index: number, ruleSet: FormulaRuleSet = 'base480'): number {
  const { offset, scale } = formulaRule(name, shape, ruleSet);
  return Math.fround(offset + scale * uniformDraw(fnv1a32(name), index));
}

/** A WeightStore serving formula weights for the given tensors (names and shapes). */
export function formulaWeightStore(tensors: readonly TensorShape[], ruleSet: FormulaRuleSet = 'base480', label = `${ruleSet} formula weights`): WeightStore {
  const shapes = new Map(tensors.map((t) => [t.name, t.shape]));
  return {
    label,
    names: () => [...shapes.keys()],
    shape: (name) => shapes.get(name),
    load: async (name) => {
      const shape = shapes.get(name);
      if (!shape) throw new FianetError('bad-weights', `${label}: no tensor ${quote(name)}`);
      return formulaTensor(name, shape, ruleSet);
    },
  };
}

/**
 * Formula weights for every float tensor of the state dict of `config` (the published
 * RRSIS-D variant at 480 gives the base480 / base480c fixtures' weights).
 */
export function formulaWeightsFor(config: FianetConfig, ruleSet: FormulaRuleSet = 'base480', label = `${ruleSet} formula weights`): WeightStore {
  return formulaWeightStore(stateDictShapes(config), ruleSet, label);
}
