/**
 * The only WGSL shared between kernels. Each helper is a named string that a kernel
 * interpolates explicitly where it needs it, so every function a shader calls can be
 * found by grepping its name (no hidden prelude).
 */
import type { WeightDtype } from '../runtime/graph.js';

/**
 * erf for float32 (WGSL has none): the rational approximation Eigen and XLA use,
 * erf(x) = x P(x^2) / Q(x^2) on [-4, 4]; measured abs error < 1e-6 (test/kernels/elementwise).
 * `erf_f32`, or `erf_vec4` applying it to each component (the same operations, so the same bits).
 */
function erfFn(type: ActivationType): string {
  const [name, lo, hi] = type === 'f32' ? ['erf_f32', '-4.0', '4.0'] : ['erf_vec4', 'vec4(-4.0)', 'vec4(4.0)'];
  return /* wgsl */ `
fn ${name}(v: ${type}) -> ${type} {
  let x = clamp(v, ${lo}, ${hi});
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}
`;
}

/** What an activation applies to: one value, or four at once (a vec4 of outputs). */
export type ActivationType = 'f32' | 'vec4<f32>';

/** Activation functions selectable by name at compile time (`act` constant of a kernel). */
export const ACTIVATIONS = ['none', 'relu', 'gelu', 'tanh', 'sigmoid', 'hsigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** The body of `fn activate(x: type) -> type`; constants are splatted for a vec4. */
function activationBody(act: Activation, type: ActivationType): string {
  const c = (v: string) => (type === 'f32' ? v : `vec4(${v})`);
  return {
    none: 'return x;',
    relu: `return max(x, ${c('0.0')});`,
    gelu: `return 0.5 * x * (1.0 + ${type === 'f32' ? 'erf_f32' : 'erf_vec4'}(x * 0.7071067811865476));`,
    tanh: `return tanh(clamp(x, ${c('-15.0')}, ${c('15.0')}));`,
    sigmoid: 'return 1.0 / (1.0 + exp(-x));',
    hsigmoid: `return min(max(x + 3.0, ${c('0.0')}), ${c('6.0')}) / 6.0;`,
  }[act];
}

/**
 * `fn activate(x: f32) -> f32` for one activation. GELU is the exact (erf) form BERT and
 * Swin use; tanh is clamped because some drivers return NaN for tanh of large arguments;
 * hsigmoid is MobileNetV3's ReLU6(x + 3) / 6.
 */
export function activationFn(act: Activation): string {
  return `${act === 'gelu' ? erfFn('f32') : ''}
fn activate(x: f32) -> f32 { ${activationBody(act, 'f32')} }
`;
}

/**
 * `fn activate(x: type) -> type` choosing the activation at run time by the u32 `selector`
 * (an index into ACTIVATIONS, e.g. `params.act`): one pipeline for every activation, where a
 * kernel's activation runs once per output (or per vec4 of outputs), not in its hot loop.
 */
export function activationSwitchFn(selector: string, type: ActivationType = 'f32'): string {
  const cases = ACTIVATIONS.map((act, i) => (i === 0 ? '' : `    case ${i}u: { ${activationBody(act, type)} }`)).filter(Boolean);
  return `${erfFn(type)}
fn activate(x: ${type}) -> ${type} {
  switch ${selector} {
${cases.join('\n')}
    default: { ${activationBody('none', type)} }
  }
}
`;
}

/** The index of `act` in ACTIVATIONS, the value activationSwitchFn's selector takes. */
export const activationIndex = (act: Activation): number => ACTIVATIONS.indexOf(act);

/** The lowest finite float32 (-FLT_MAX), a max reduction's start: -inf is not a WGSL literal. */
export const LOWEST_F32 = '-3.4028234663852886e38f';

/** Linear workgroup index for dispatches folded over x and y by grid1d. */
export const LINEAR_WORKGROUP = /* wgsl */ `
fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }
`;

/**
 * The entry point of a kernel with one thread per element, dispatched by grid1d over
 * workgroups of `workgroupSize`: `main` gives the element's global index the name `index`,
 * then runs `body` (which guards the bounds itself).
 */
export const elementwiseMain = (workgroupSize: number, body: string, index = 'i'): string => /* wgsl */ `${LINEAR_WORKGROUP}
@compute @workgroup_size(${workgroupSize})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let ${index} = linear_workgroup(wg, nwg) * ${workgroupSize}u + li;${body}}`;

/** How a workgroup reduction pairs its threads (defaults: a 1-D workgroup, thread `li`). */
export interface TreeReduction {
  /** Combines two partials: sum (default), max, or a WGSL expression of a and b. */
  op?: 'sum' | 'max' | ((a: string, b: string) => string);
  /** This thread's slot in `partial`, its lane in the reduction, the slot distance between lanes. */
  slot?: string;
  lane?: string;
  step?: number;
  /** The slot every thread reads the result from. */
  result?: string;
}

/**
 * WGSL statements that reduce `v` over `size` lanes (a power of two) into `v` of every thread,
 * through `var<workgroup> partial`, pairing lane l with l + stride for stride = size / 2 .. 1.
 * Statements, not a function: Mesa llvmpipe (22.3, GLES) miscompiles barriers inside called
 * WGSL functions, so the reduction must be interpolated inline into main.
 */
export function workgroupTreeReduce(v: string, size: number, r: TreeReduction = {}): string {
  const { op = 'sum', slot = 'li', lane = 'li', step = 1, result = '0' } = r;
  const combine = op === 'sum' ? (a: string, b: string) => `${a} + ${b}` : op === 'max' ? (a: string, b: string) => `max(${a}, ${b})` : op;
  const other = `partial[${slot} + stride${step > 1 ? ` * ${step}u` : ''}]`;
  return `
  partial[${slot}] = ${v};
  workgroupBarrier();
  for (var stride = ${size / 2}u; stride > 0u; stride >>= 1u) {
    if (${lane} < stride) { partial[${slot}] = ${combine(`partial[${slot}]`, other)}; }
    workgroupBarrier();
  }
  ${v} = partial[${result}];
  workgroupBarrier();`;
}

/** `linear_tap(dst, in, out, align_corners)`: the two source indices and the second weight. */
export const LINEAR_TAP = /* wgsl */ `
struct LinearTap { i0: u32, i1: u32, w1: f32 }
fn linear_tap(dst: u32, in_size: u32, out_size: u32, align_corners: bool) -> LinearTap {
  var src: f32;
  if (align_corners) {
    var scale = 0.0;
    if (out_size > 1u) { scale = f32(in_size - 1u) / f32(out_size - 1u); }
    src = scale * f32(dst);
  } else {
    let scale = f32(in_size) / f32(out_size);
    src = max(scale * (f32(dst) + 0.5) - 0.5, 0.0);
  }
  let i0 = min(u32(src), in_size - 1u);
  let i1 = select(i0, i0 + 1u, i0 + 1u < in_size);
  return LinearTap(i0, i1, src - f32(i0));
}
`;

/**
 * WGSL expression: the bilinear blend of the four taps around rows r0, r1 (indices of the two
 * source rows) and the LinearTaps `ty`, `tx` (LINEAR_TAP), reading element i as `at(i)`:
 *   (x[r0 + x0] wx0 + x[r0 + x1] wx1) wy0 + (x[r1 + x0] wx0 + x[r1 + x1] wx1) wy1
 * in exactly this order (every bilinear read of the engine rounds the same way).
 */
export function bilinearBlend(at: (index: string) => string, ty = 'ty', tx = 'tx'): string {
  const row = (r: string) => `(${at(`${r} + ${tx}.i0`)} * (1.0 - ${tx}.w1) + ${at(`${r} + ${tx}.i1`)} * ${tx}.w1)`;
  return `${row('r0')} * (1.0 - ${ty}.w1) + ${row('r1')} * ${ty}.w1`;
}

/**
 * WGSL of the scale-aware gate epilogue: gate(v, m, gate_taps(p)) = v * up(mul) + up(add) at
 * output channel m and pixel p = y * w + x, both maps bilinear with align_corners=false from
 * gh x gw (needs LINEAR_TAP and uniforms h, w, gh, gw). gate_mul_at / gate_add_at sample one
 * map: `row` is a WGSL expression in m for where channel m's map starts, `at(map, i)` reads
 * element i (of type `type`). conv2d reads the [cout, gh, gw] maps from storage, one channel
 * at a time; matmul-blocked reads 4 channels at once (a vec4) from uniform windows.
 */
export function gateEpilogue(type: 'f32' | 'vec4<f32>', row: string, at: (map: string, index: string) => string): string {
  const sample = (map: string) => /* wgsl */ `
fn ${map}_at(m: u32, ty: LinearTap, tx: LinearTap) -> ${type} {
  let base = ${row};
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return ${bilinearBlend((i) => at(map, i))};
}`;
  return /* wgsl */ `${sample('gate_mul')}${sample('gate_add')}
struct GateTaps { y: LinearTap, x: LinearTap }
fn gate_taps(p: u32) -> GateTaps {
  return GateTaps(linear_tap(p / params.w, params.gh, params.h, false), linear_tap(p % params.w, params.gw, params.w, false));
}
fn gate(v: ${type}, m: u32, t: GateTaps) -> ${type} {
  return v * gate_mul_at(m, t.y, t.x) + gate_add_at(m, t.y, t.x);
}`;
}

/**
 * WGSL that sets \`v\` to input channel \`ci\` at output pixel (sy, sx) of the concatenation
 * [up(A), B] (needs \`hw\` = h * w and, when \`upA\`, LINEAR_TAP). Shared by conv2d, im2col-blocks and
 * conv-input-rows, which gather exactly what conv2d reads.
 */
export function readConvInput(upA: boolean, inB: boolean): string {
  const readA = upA
    ? `let ta = linear_tap(sy, params.ha, params.h, true);
            let tb = linear_tap(sx, params.wa, params.w, true);
            let base = params.a_off + ci * params.a_cs;
            let r0 = ta.i0 * params.wa;
            let r1 = ta.i1 * params.wa;
            v = ${bilinearBlend((i) => `xa[base + (${i}) * params.a_ps]`, 'ta', 'tb')};`
    : 'v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];';
  const readB = inB ? ` else { v = xb[(ci - params.ca) * hw + sy * params.w + sx]; }` : '';
  return `if (ci < params.ca) {
            ${readA}
          }${readB}`;
}

/**
 * Swin's shifted-window mask regions: on the padded grid of `size` positions, coordinate v is in
 * region 0, 1 or 2 of the reference's img_mask slices (0, -window), (-window, -shift), (-shift, None).
 * `fn region(v: u32, size: u32) -> u32` for shifted blocks; swinRegion is the same in TypeScript.
 * `shift`: a constant or a u32 WGSL expression (a uniform). With shift 0 every window's tokens
 * lie in one region, so the mask it drives never fires.
 */
export const swinRegionFn = (window: number, shift: number | string): string => /* wgsl */ `
fn region(v: u32, size: u32) -> u32 {
  if (v < size - ${window}u) { return 0u; }
  if (v < size - ${typeof shift === 'number' ? `${shift}u` : shift}) { return 1u; }
  return 2u;
}`;

export const swinRegion = (v: number, size: number, window: number, shift: number): number => (v < size - window ? 0 : v < size - shift ? 1 : 2);

/** The binding type of a weight stored in `dtype` (KernelBinding.type; f16: packed pairs). */
export const weightBindingType = (dtype: WeightDtype): 'f16' | undefined => (dtype === 'f16' ? 'f16' : undefined);

/**
 * `fn <name>_at(i: u32) -> f32`: element i of the storage weight binding `name`, stored in
 * `dtype` (f16: two halves a u32, unpack2x16float, core WGSL on every adapter). The one place
 * a storage-buffer kernel's weight loads depend on how weights are stored.
 */
export function weightAtFn(name: string, dtype: WeightDtype): string {
  const body = dtype === 'f16' ? `return unpack2x16float(${name}[i >> 1u])[i & 1u];` : `return ${name}[i];`;
  return `fn ${name}_at(i: u32) -> f32 { ${body} }`;
}
