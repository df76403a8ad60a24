// quote() formats hostile values for error messages without throwing, recursing without bound or
// allocating without bound.
import { describe, expect, it } from 'vitest';
import { quote } from '../../src/errors.js';

describe('quote', () => {
  it('formats plain values as JSON would', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote(3.5)).toBe('3.5');
    expect(quote([1, 2, [3]])).toBe('[1, 2, [3]]');
    expect(quote({ dtype: 'F32', shape: [2] })).toBe('{"dtype": "F32", "shape": [2]}');
    expect(quote(null)).toBe('null');
    expect(quote(undefined)).toBe('undefined');
  });
  it('survives a 100k-deep value, cycles, BigInts, Maps and throwing getters', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(quote(deep)).toBe('[[[[...]]]]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(quote(cyclic)).toBe('{"self": <cycle>}');
    expect(quote(10n ** 100n)).toBe('<101 digits>');
    expect(quote(new Map([[1, 'a']]))).toBe('Map{1: "a"}');
    const hostile = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(quote(hostile)).toBe('<unprintable>');
  });
  it('bounds the length of what it returns', () => {
    expect(quote('x'.repeat(1_000_000)).length).toBe(80);
    expect(quote(new Array(1_000_000).fill(7), 1000)).toBe('[7, 7, 7, 7, 7, 7, 7, 7, ...]');
    expect(quote(new Float32Array(4))).toBe('<Float32Array of 16 bytes>');
  });
});
