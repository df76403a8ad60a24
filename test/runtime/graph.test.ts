/**
 * Graph.call's contract: calls are typed against their kernel (a misspelled uniform or constant
 * does not type-check, and fails when built if forced past the types), every activation has
 * one writer, and no call writes a tensor it also reads.
 */
import { describe, expect, it } from 'vitest';
import { unary } from '../../src/kernels/unary.js';
import { tiledTarget } from '../../src/lowering/target.js';
import { Graph } from '../../src/runtime/graph.js';

function graph(): { g: Graph; x: ReturnType<Graph['input']>; out: ReturnType<Graph['activation']> } {
  const g = new Graph(tiledTarget());
  return { g, x: g.input('x', [4]), out: g.activation('y', [4]) };
}

describe('Graph.call', () => {
  it('rejects a misspelled uniform at compile time and when forced', () => {
    const { g, x, out } = graph();
    // @ts-expect-error 'N' is not a uniform of unary (it has n)
    expect(() => g.call(unary, 'u', { args: { x, out }, uniforms: { n: 4, scale: 1, shift: 0, N: 4 } })).toThrow("u: unary has no uniform 'N'");
    // A missing one does not type-check either.
    // @ts-expect-error uniform 'shift' is missing
    expect(() => g.call(unary, 'u', { args: { x, out }, uniforms: { n: 4, scale: 1 } })).toThrow("u: unary uniform 'shift' is undefined");
  });

  it('rejects a misspelled constant at compile time and when forced', () => {
    const { g, x, out } = graph();
    // @ts-expect-error 'activation' is not a constant of unary (it has act)
    expect(() => g.call(unary, 'u', { args: { x, out }, uniforms: { n: 4, scale: 1, shift: 0 }, consts: { activation: 'relu' } })).toThrow("u: unary has no constant 'activation'");
    // @ts-expect-error a constant's type is checked too
    g.call(unary, 'v', { args: { x, out: g.activation('z', [4]) }, uniforms: { n: 4, scale: 1, shift: 0 }, consts: { act: 'swish' } });
  });

  it('rejects an unknown uniform in one of several dispatches', () => {
    const { g, x, out } = graph();
    const uniforms = { n: 4, scale: 1, shift: 0 };
    const forced = { ...uniforms, scael: 2 } as typeof uniforms;
    expect(() => g.call(unary, 'u', { args: { x, out }, uniforms, dispatches: [{ uniforms, windows: {} }, { uniforms: forced, windows: {} }] })).toThrow("has no uniform 'scael'");
  });

  it('rejects an unknown binding', () => {
    const { g, x, out } = graph();
    expect(() => g.call(unary, 'u', { args: { x, out, y: x }, uniforms: { n: 4, scale: 1, shift: 0 } })).toThrow("u: unary has no binding 'y'");
  });

  it('gives each activation one writer', () => {
    const { g, x, out } = graph();
    g.call(unary, 'first', { args: { x, out }, uniforms: { n: 4, scale: 1, shift: 0 } });
    expect(() => g.call(unary, 'second', { args: { x, out }, uniforms: { n: 4, scale: 2, shift: 0 } })).toThrow("second: 'y' is already written by first; each activation has one writer");
  });

  it('refuses an output that is also an input of the call', () => {
    const { g, out } = graph();
    expect(() => g.call(unary, 'inplace', { args: { x: out, out }, uniforms: { n: 4, scale: 1, shift: 0 } })).toThrow("inplace: unary would write 'y' while reading it as 'x'");
  });
});
