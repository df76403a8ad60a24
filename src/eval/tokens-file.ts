/**
 * Token records: a dataset's own preprocessing output (ids and l / t / p masks), used instead
 * of our expression parser to reproduce the reference run exactly. They come inline
 * (a JSON-lines sample's "tokens") or as a separate JSON-lines file (`--tokens FILE`, like
 * test/demo/dataset/tokens.jsonl) with one record per sample, in the samples' order.
 */
import { FianetError, quote } from '../errors.js';
import type { ExpressionTokens } from '../model/segmenter.js';

const KEYS = ['input_ids', 'l_mask', 't_mask', 'p_mask'] as const;

export interface TokenRecord {
  tokens: ExpressionTokens;
  /** Present in tokens.jsonl; checked against the sample so a shifted file cannot go unnoticed. */
  expression?: string;
  image?: string;
}

/** Validates one record; `where` names it in messages ("tokens.jsonl:3"). */
export function parseTokens(value: unknown, where: string): ExpressionTokens {
  if (!value || typeof value !== 'object') throw new FianetError('bad-input', `${where}: tokens must be an object with ${KEYS.join(', ')}`);
  const o = value as Record<string, unknown>;
  let length = -1;
  for (const k of KEYS) {
    const v = o[k];
    if (!Array.isArray(v) || !v.every((x) => Number.isInteger(x) && x >= 0)) {
      throw new FianetError('bad-input', `${where}: '${k}' must be a list of whole numbers >= 0, got ${quote(v)}`);
    }
    if (length >= 0 && v.length !== length) {
      throw new FianetError('bad-input', `${where}: '${k}' has ${v.length} entries, 'input_ids' has ${length}; the four lists must have the same length`);
    }
    length = v.length;
  }
  return { input_ids: o.input_ids as number[], l_mask: o.l_mask as number[], t_mask: o.t_mask as number[], p_mask: o.p_mask as number[] };
}

/** Parses a tokens file: one JSON object per non-empty line. */
export function parseTokensFile(text: string, label: string): TokenRecord[] {
  const records: TokenRecord[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const where = `${label}:${i + 1}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new FianetError('bad-input', `${where}: not valid JSON (${(e as Error).message})`);
    }
    const record: TokenRecord = { tokens: parseTokens(o, where) };
    if (typeof o.expression === 'string') record.expression = o.expression;
    if (typeof o.image === 'string') record.image = o.image;
    records.push(record);
  }
  return records;
}

/**
 * Gives each sample its token record, by position. The counts must match and a record that
 * names its expression or image must name the sample's: anything else means the file
 * belongs to another listing or split, and its masks would silently pair with wrong samples.
 */
export function attachTokens<T extends { expression: string; image: string; source: string; tokens?: ExpressionTokens }>(
  samples: readonly T[],
  records: readonly TokenRecord[],
  label: string,
): T[] {
  if (records.length !== samples.length) {
    throw new FianetError('bad-input', `${label}: ${records.length} token records for ${samples.length} samples; the file must have one line per sample, in order`);
  }
  return samples.map((s, i) => {
    const r = records[i]!;
    if (r.expression !== undefined && r.expression !== s.expression) {
      throw new FianetError('bad-input', `${label}: record ${i + 1} is for ${quote(r.expression)}, but sample ${i + 1} (${s.source}) says ${quote(s.expression)}`);
    }
    // A record may name the image relative to another folder (RRSIS-D's bare file names).
    if (r.image !== undefined && r.image !== s.image && !s.image.endsWith(`/${r.image}`)) {
      throw new FianetError('bad-input', `${label}: record ${i + 1} is for image ${quote(r.image)}, but sample ${i + 1} (${s.source}) is ${s.image}`);
    }
    return { ...s, tokens: r.tokens };
  });
}
