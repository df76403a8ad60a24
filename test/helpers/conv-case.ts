/**
 * One convolution test case and its inputs, for the tests of conv2d, conv2d-blocked and the
 * f16 weights: the random operands (seeded by the case's sizes), the graph arguments that
 * feed them and conv2d's float64 reference. Tolerance as stated in conv2d.test.ts.
 */
import { channelFirst, channelSlice, conv2dReferenceAll, tokenMajor, type Conv2dArgs, type ConvInput, type ConvTile } from '../../src/kernels/conv2d.js';
import type { Activation } from '../../src/kernels/wgsl-helpers.js';
import type { Graph, Tensor } from '../../src/runtime/graph.js';
import { randomArray } from './compare.js';

/** Where A's channels are read from: channel-first [ca, aSize] unless `view`. */
export interface ConvInputCase {
  ca: number;
  size: [number, number];
  /** A's size when it is upsampled to `size`. */
  aSize?: [number, number];
  /** Read A as channels [from, from + ca) of a larger map; token-major when `tokens`. */
  view?: { total: number; from: number; tokens: boolean };
}

export interface ConvCase extends ConvInputCase {
  name: string;
  cb: number;
  cout: number;
  ks: number;
  act?: Activation;
  bias?: boolean;
  gate?: [number, number];
  tile?: ConvTile;
}

/** A's view of the flat input `tensor` for case c. */
export function convInputView(c: ConvInputCase, tensor: Tensor): ConvInput {
  const aSize = c.aSize ?? c.size;
  if (!c.view) return channelFirst(tensor, c.ca, aSize);
  const whole = c.view.tokens ? tokenMajor(tensor, c.view.total, aSize) : channelFirst(tensor, c.view.total, aSize);
  return channelSlice(whole, c.view.from, c.ca);
}

/** The length of A's flat input for case c. */
export const convInputLength = (c: ConvInputCase): number => (c.view?.total ?? c.ca) * (c.aSize ?? c.size)[0] * (c.aSize ?? c.size)[1];

/**
 * Case c's operands in [-1, 1] (the gate's mul in [0, 1]); `args(g)` declares them in a graph
 * (inputs a, b, mul, add; weights w, bias), `feeds` are the graph inputs, `expected(weight)` the
 * float64 reference (with another weight, e.g. rounded to f16), `tolerance` conv2d's.
 */
export function convCaseInputs(c: ConvCase) {
  const [h, w] = c.size;
  const aLen = convInputLength(c);
  const cin = c.ca + c.cb;
  const gateLen = c.cout * (c.gate ? c.gate[0] * c.gate[1] : 1);
  const data = {
    a: randomArray(aLen, 1 + c.ca),
    b: randomArray(Math.max(1, c.cb * h * w), 2 + c.cb),
    weight: randomArray(c.cout * cin * c.ks * c.ks, 3 + c.cout),
    bias: randomArray(c.cout, 4),
    mul: randomArray(gateLen, 5, 0, 1),
    add: randomArray(gateLen, 6),
  };
  const feeds = { a: data.a, ...(c.cb ? { b: data.b } : {}), ...(c.gate ? { mul: data.mul, add: data.add } : {}) };
  const args = (g: Graph): Conv2dArgs => ({
    a: convInputView(c, g.input('a', [aLen])),
    b: c.cb ? g.input('b', [c.cb, h, w]) : undefined,
    size: c.size,
    weight: g.weight('w', [c.cout, cin, c.ks, c.ks], data.weight),
    bias: c.bias ? g.weight('bias', [c.cout], data.bias) : undefined,
    act: c.act,
    gate: c.gate && { mul: g.input('mul', [c.cout, ...c.gate]), add: g.input('add', [c.cout, ...c.gate]), size: c.gate },
    tile: c.tile,
  });
  const expected = (weight: Float32Array = data.weight) =>
    conv2dReferenceAll({
      aData: data.a,
      a: convInputView(c, { id: 0, shape: [aLen], dtype: 'f32', kind: 'input', label: 'a' }),
      bData: c.cb ? data.b : undefined,
      size: c.size,
      weight,
      cout: c.cout,
      ks: c.ks,
      bias: c.bias ? data.bias : undefined,
      act: c.act,
      gate: c.gate && { mul: data.mul, add: data.add, size: c.gate },
    });
  return { data, feeds, args, expected, tolerance: { atol: 1e-7 * cin * c.ks * c.ks, rtol: 1e-6 }, outShape: [c.cout, h, w] };
}
