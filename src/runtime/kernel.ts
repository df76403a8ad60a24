/**
 * A kernel is one plain object: name, bindings, uniform fields, compile-time constants,
 * the WGSL body and the dispatch size. Declared once: the binding list generates the WGSL
 * binding declarations and the bind group layout, the uniform list generates `struct Params`
 * and packs its bytes, and the pipeline cache key is derived from the constants.
 */

export type ScalarType = 'u32' | 'i32' | 'f32';
export type Constants = Record<string, number | boolean | string>;
export type UniformValues<U extends Record<string, ScalarType>> = { [K in keyof U]: number };

export interface KernelBinding {
  name: string;
  /**
   * WGSL element type of the storage array. 'f16': an f16 weight, declared as packed u32 words
   * (array<u32>, or array<vec4<u32>> as a uniform window) and read with unpack2x16float.
   */
  type?: 'f32' | 'u32' | 'i32' | 'vec4<f32>' | 'f16';
  /** Outputs are written; inputs only read (the WGSL still declares them read_write, see below). */
  output?: boolean;
  /** May be left unbound when the constants make the shader ignore it (bias, residual). */
  optional?: boolean;
  /**
   * Read through a uniform buffer instead: a window of this many vec4s of the bound tensor,
   * at a per-dispatch offset (see Call.dispatches). On llvmpipe uniform loads are ~10x
   * cheaper than storage loads inside loops (bench/RESULTS.md).
   */
  uniform?: number;
  /**
   * A storage binding bound one window at a time: at most this many bytes of the tensor, at a
   * per-dispatch byte offset (Call.dispatches; the last window may be shorter). Lets one call
   * write a tensor larger than maxStorageBufferBindingSize (128 MiB on llvmpipe).
   */
  window?: number;
}

export interface Kernel<U extends Record<string, ScalarType> = Record<string, ScalarType>, C extends Constants = Constants> {
  name: string;
  /** The bindings in order, or a function of the constants when they shape the list. */
  bindings: readonly KernelBinding[] | ((c: C) => readonly KernelBinding[]);
  uniforms: U;
  /** Default constants; calls may override some of them. */
  constants: C;
  /** The kernel's WGSL after the generated Params struct and bindings. */
  wgsl(c: C): string;
  /**
   * WGSL extensions these constants use ('subgroups'), enabled at the top of the header; the
   * device must have the matching feature (the Target only picks such constants where it does).
   */
  enables?(c: C): readonly string[];
  /** Workgroup counts for one dispatch. */
  workgroups(u: UniformValues<U>, c: C): [number, number?, number?];
}

export function defineKernel<U extends Record<string, ScalarType>, C extends Constants>(k: Kernel<U, C>): Kernel<U, C> {
  return k;
}

export function bindingsOf(k: Kernel<any, any>, consts: Constants): readonly KernelBinding[] {
  return typeof k.bindings === 'function' ? k.bindings(consts) : k.bindings;
}

/**
 * The declarations every kernel's WGSL starts with. Every storage buffer is declared
 * read_write: activations live in one arena buffer, and WebGPU forbids binding one buffer
 * as read-only and writable storage in the same dispatch, even at disjoint ranges.
 */
export function wgslHeader(k: Kernel<any, any>, consts: Constants): string {
  const fields = Object.entries(k.uniforms).map(([name, type]) => `  ${name}: ${type},`);
  // Enable directives must precede every declaration.
  const lines = [...(k.enables?.(consts) ?? []).map((e) => `enable ${e};`), '// generated from the kernel\'s uniform and binding lists'];
  // An empty struct is not valid WGSL; kernels without uniforms get a padding field.
  lines.push(`struct Params {\n${fields.length ? fields.join('\n') : '  _unused: u32,'}\n}`);
  lines.push('@group(0) @binding(0) var<uniform> params: Params;');
  bindingsOf(k, consts).forEach((b, i) => {
    lines.push(
      b.uniform
        ? `@group(0) @binding(${i + 1}) var<uniform> ${b.name}: array<vec4<${b.type === 'f16' ? 'u32' : 'f32'}>, ${b.uniform}>;`
        : `@group(0) @binding(${i + 1}) var<storage, read_write> ${b.name}: array<${b.type === 'f16' ? 'u32' : (b.type ?? 'f32')}>;`,
    );
  });
  return lines.join('\n') + '\n';
}

export function kernelSource(k: Kernel<any, any>, consts: Constants): string {
  return wgslHeader(k, consts) + k.wgsl(consts);
}

/** Uniform bytes in declaration order; every field is 4 bytes, the struct padded to 16. */
export function packUniforms(k: Kernel<any, any>, values: Record<string, number>): ArrayBuffer {
  const names = Object.keys(k.uniforms);
  const bytes = new ArrayBuffer(Math.max(16, Math.ceil((names.length * 4) / 16) * 16));
  const view = new DataView(bytes);
  names.forEach((name, i) => {
    const v = values[name];
    if (v === undefined || Number.isNaN(v)) throw new Error(`${k.name}: uniform '${name}' is missing`);
    const type = k.uniforms[name];
    if (type === 'f32') view.setFloat32(i * 4, v, true);
    else if (type === 'i32') view.setInt32(i * 4, v, true);
    else view.setUint32(i * 4, v, true);
  });
  return bytes;
}

export function constantsKey(k: Kernel<any, any>, consts: Constants): string {
  const keys = Object.keys(consts).sort();
  return `${k.name}(${keys.map((key) => `${key}=${consts[key]}`).join(',')})`;
}

/** maxComputeWorkgroupsPerDimension: the WebGPU default, which every adapter offers. */
export const MAX_WORKGROUPS_PER_DIM = 65535;

/** Splits a 1-D workgroup count over x and y to respect the per-dimension limit. */
export function grid1d(count: number, maxPerDim = MAX_WORKGROUPS_PER_DIM): [number, number] {
  if (count <= maxPerDim) return [Math.max(1, count), 1];
  const y = Math.ceil(count / maxPerDim);
  return [Math.ceil(count / y), y];
}
