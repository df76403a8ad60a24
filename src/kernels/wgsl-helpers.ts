/**
 * The only WGSL shared between kernels. Each helper is a named string that a kernel
 * interpolates explicitly where it needs it, so every function a shader calls can be
 * found by grepping its name (no hidden prelude).
 */

/**
 * erf for float32 (WGSL has none): the rational approximation Eigen and XLA use,
 * erf(x) = x P(x^2) / Q(x^2) on [-4, 4]; measured abs error < 1e-6 (test/kernels/elementwise).
 */
export const ERF = /* wgsl */ `
fn erf_f32(v: f32) -> f32 {
  let x = clamp(v, -4.0, 4.0);
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

/** Activation functions selectable by name at compile time (`act` constant of a kernel). */
export const ACTIVATIONS = ['none', 'relu', 'gelu', 'tanh', 'sigmoid', 'hsigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/**
 * `fn activate(x: f32) -> f32` for one activation. GELU is the exact (erf) form BERT and
 * Swin use; tanh is clamped because some drivers return NaN for tanh of large arguments;
 * hsigmoid is MobileNetV3's ReLU6(x + 3) / 6.
 */
export function activationFn(act: Activation): string {
  const body: Record<Activation, string> = {
    none: 'return x;',
    relu: 'return max(x, 0.0);',
    gelu: 'return 0.5 * x * (1.0 + erf_f32(x * 0.7071067811865476));',
    tanh: 'return tanh(clamp(x, -15.0, 15.0));',
    sigmoid: 'return 1.0 / (1.0 + exp(-x));',
    hsigmoid: 'return min(max(x + 3.0, 0.0), 6.0) / 6.0;',
  };
  return `${act === 'gelu' ? ERF : ''}
fn activate(x: f32) -> f32 { ${body[act]} }
`;
}

/** Linear workgroup index for dispatches folded over x and y by grid1d. */
export const LINEAR_WORKGROUP = /* wgsl */ `
fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }
`;

/**
 * WGSL statements that sum `v` over a 1-D workgroup of `size` threads (a power of two) into `v`
 * of every thread, through `var<workgroup> partial: array<f32, size>` and the invocation index
 * `li`. Statements, not a function: Mesa llvmpipe (22.3, GLES) miscompiles barriers inside
 * called WGSL functions, so the reduction must be interpolated inline into main.
 */
export const workgroupTreeSum = (v: string, size: number): string => `
  partial[li] = ${v};
  workgroupBarrier();
  for (var stride = ${size / 2}u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] += partial[li + stride]; }
    workgroupBarrier();
  }
  ${v} = partial[0];
  workgroupBarrier();`;
