/**
 * Tokens given by the caller instead of text (`fianet segment --tokens`, a library call):
 * parsed and checked here, before anything runs, with every quoted value bounded
 * (a 100k-deep JSON array must give one clear line, not a stack overflow).
 */
import { FianetError, quote } from '../errors.js';
import type { ExpressionTokens } from './segmenter.js';

const KEYS = ['input_ids', 'l_mask', 't_mask', 'p_mask'] as const;

/** JSON text -> an object with the four token lists (lengths are checked against the model by checkTokens). */
export function parseTokensJson(text: string, label: string): ExpressionTokens {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new FianetError('bad-input', `${label} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FianetError('bad-input', `${label} must be a JSON object {"input_ids", "l_mask", "t_mask", "p_mask"}, got ${quote(value)}`);
  }
  return value as ExpressionTokens;
}

/** Same length as the model's max_tokens, integers only. */
export function checkTokens(t: ExpressionTokens, n: number): ExpressionTokens {
  if (typeof t !== 'object' || t === null) throw new FianetError('bad-input', `tokens: expected an object {${KEYS.join(', ')}}, got ${quote(t)}`);
  for (const key of KEYS) {
    const v = t[key];
    if (!Array.isArray(v) || v.length !== n || !v.every((x) => Number.isInteger(x))) {
      const got = !Array.isArray(v) ? quote(v) : v.length !== n ? `${v.length} values` : `a non-integer ${quote(v.find((x) => !Number.isInteger(x)))}`;
      throw new FianetError('bad-input', `tokens: '${key}' must be a list of ${n} integers (the model's max_tokens), got ${got}`);
    }
  }
  return t;
}
