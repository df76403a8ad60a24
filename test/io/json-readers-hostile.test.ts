// Config and tokens JSON from users: deep, huge or mistyped values give one short line.
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { parseTokensFile } from '../../src/eval/tokens-file.js';
import { checkConfig } from '../../src/io/infer-config.js';
import { parseConfig, publishedConfig } from '../../src/model/config.js';

const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;

function message(f: () => unknown): string {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(FianetError);
  const m = (err as FianetError).message;
  expect(m.length).toBeLessThan(300);
  return m;
}

describe('JSON readers on hostile values', () => {
  it('a config value nested 100k deep, or a string where a number belongs', () => {
    const config = JSON.parse(JSON.stringify(publishedConfig('rrsisd'))) as { model: Record<string, unknown> };
    config.model.depths = deep;
    expect(message(() => parseConfig(config, 'c.json'))).toBe("c.json model: 'depths' must be a list of numbers, got [[[[...]]]]");
    config.model.depths = [2, 2, 18, 2];
    config.model.batchnorm_eps = 'small';
    expect(message(() => parseConfig(config, 'c.json'))).toBe(`c.json model: 'batchnorm_eps' must be a number, got "small"`);
  });

  it('--config compared with the weights: deep stated values do not overflow', () => {
    const inferred = { model: { depths: [2, 2], embed_dim: 16 }, text: {} };
    expect(message(() => checkConfig({ model: { depths: deep, embed_dim: 16 }, text: {} }, inferred, 'c.json'))).toBe(
      'c.json does not match the checkpoint: model.depths is [[[[...]]]], the weights say [2, 2]',
    );
  });

  it('a tokens line with a deep or huge list', () => {
    const line = `{"input_ids": ${'['.repeat(50_000)}${']'.repeat(50_000)}, "l_mask": [], "t_mask": [], "p_mask": []}`;
    expect(message(() => parseTokensFile(line, 'tokens.jsonl'))).toBe("tokens.jsonl:1: 'input_ids' must be a list of whole numbers >= 0, got [[[[...]]]]");
    const huge = `{"input_ids": [${new Array(200_000).fill('-1').join(',')}], "l_mask": [], "t_mask": [], "p_mask": []}`;
    expect(message(() => parseTokensFile(huge, 'tokens.jsonl'))).toBe("tokens.jsonl:1: 'input_ids' must be a list of whole numbers >= 0, got [-1, -1, -1, -1, -1, -1, -1, -1, ...]");
  });
});
