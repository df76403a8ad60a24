/**
 * The forward pass as a graph of kernel calls. Tensors are SSA values: each activation is
 * written by exactly one call (enforced: a second writer, or a call whose output is also one
 * of its inputs, is a bad-graph error), so lifetimes and the memory plan follow from the call order.
 * Modules build into a graph through small op functions that check shapes and name the
 * module in every message (`swin.s2.b5.attn: qkv weight is [1536, 511], expected [1536, 512]`).
 */
import { FianetError } from '../errors.js';
import type { Target } from '../lowering/target.js';
import { bindingsOf, type Constants, type Kernel, type KernelBinding, type ScalarType, type UniformValues } from './kernel.js';

/** 'f16': IEEE half floats packed two per u32 (element 2i in the low half), for weights only. */
export type DType = 'f32' | 'i32' | 'u32' | 'f16';
/** How weights that linear layers, convolutions and embeddings stream are stored on the device. */
export type WeightDtype = 'f32' | 'f16';
export const WEIGHT_DTYPES: readonly WeightDtype[] = ['f32', 'f16'];
export type TensorKind = 'input' | 'weight' | 'activation';
export type WeightArray = Float32Array | Int32Array | Uint32Array;
/**
 * A loader that writes its weight straight into `into` (the tensor's storageWords, zero on
 * entry): the executor passes the device buffer's mapped range, so a weight laid out at load
 * (hundreds of MiB for base480) is written once, with no host copy to allocate and copy again.
 */
export interface WeightWriter {
  writeTo(into: ArrayBuffer): Promise<void>;
}
/** Weight data, or a loader called once at upload time so large checkpoints are never all on the heap. */
export type WeightData = WeightArray | (() => Promise<WeightArray>) | WeightWriter;

/** The words of weight `t` from `data` as an array (a WeightWriter writes into a fresh one). */
export async function weightArray(t: Tensor, data: WeightData): Promise<WeightArray> {
  if (typeof data === 'function') return data();
  if (!('writeTo' in data)) return data;
  const words = storageWords(t);
  const out = t.dtype === 'f32' ? new Float32Array(words) : t.dtype === 'i32' ? new Int32Array(words) : new Uint32Array(words);
  await data.writeTo(out.buffer);
  return out;
}

export interface Tensor {
  readonly id: number;
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly kind: TensorKind;
  readonly label: string;
}

/** One dispatch of a call: its uniforms, and byte offsets into the tensors of window bindings (uniform or storage). */
export interface Dispatch<U extends Record<string, ScalarType> = Record<string, ScalarType>> {
  readonly uniforms: UniformValues<U>;
  readonly windows: Record<string, number>;
}

/** Constants' declared types without the literal types inference gives their defaults (false -> boolean, 16 -> number). */
type Widened<C> = { [K in keyof C]: C[K] extends boolean ? boolean : C[K] extends number ? number : C[K] };

/** What a call binds and passes, typed against its kernel: a misspelled uniform or constant does not type-check. */
export interface CallSpec<U extends Record<string, ScalarType>, C extends Constants> {
  /** Binding name -> tensor; every binding but the optional ones. */
  args: Record<string, Tensor | undefined>;
  uniforms: UniformValues<U>;
  /** Overrides of the kernel's default constants. */
  consts?: Partial<Widened<C>>;
  /** Several dispatches with their own uniforms and windows; default one with `uniforms`. */
  dispatches?: readonly Dispatch<U>[];
  /** Floating-point operations of the call (multiply-adds count 2), where the op knows them: benchmarks' FLOP rates. */
  flops?: number;
}

export interface Call {
  readonly kernel: Kernel<any, any>;
  readonly consts: Constants;
  /** The kernel's bindings for these constants. */
  readonly bindings: readonly KernelBinding[];
  readonly uniforms: Record<string, number>;
  /** Several dispatches with their own uniforms and windows; default one with `uniforms`. */
  readonly dispatches?: readonly Dispatch[];
  /** Tensors in the kernel's binding order; undefined for an unbound optional binding. */
  readonly args: readonly (Tensor | undefined)[];
  readonly label: string;
  /** Floating-point operations of the call (multiply-adds count 2), where the op knows them: benchmarks' FLOP rates. */
  readonly flops?: number;
}

export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
/** 32-bit words a tensor's data takes: f16 packs two elements a word. */
export const storageWords = (t: { shape: readonly number[]; dtype: DType }): number => (t.dtype === 'f16' ? Math.ceil(numel(t.shape) / 2) : numel(t.shape));
export const fmtShape = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

export class Graph {
  readonly tensors: Tensor[] = [];
  readonly calls: Call[] = [];
  readonly inputs = new Map<string, Tensor>();
  readonly outputs = new Map<string, Tensor>();
  readonly weights = new Map<number, WeightData>();
  /** Host-side checks of input data, run by the executor before each upload (token ids in range...). */
  readonly inputChecks = new Map<number, Array<(data: ArrayLike<number>) => void>>();
  private prefix: string[] = [];
  /** Label of the call that writes each activation (by tensor id). */
  private readonly writers = new Map<number, string>();

  /**
   * `target`: how ops run on the adapter the graph is built for (lowering/target.ts);
   * `weightDtype`: how the weights ops stream are stored (lowering/streamed-weight.ts).
   */
  constructor(
    readonly target: Target,
    readonly weightDtype: WeightDtype = 'f32',
  ) {}

  private newTensor(shape: readonly number[], dtype: DType, kind: TensorKind, label: string): Tensor {
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 1) throw new FianetError('bad-graph', `${label}: invalid shape ${fmtShape(shape)}`);
    }
    const t: Tensor = { id: this.tensors.length, shape: [...shape], dtype, kind, label };
    this.tensors.push(t);
    return t;
  }

  /** Label of the current module scope joined with `name`. */
  name(name: string): string {
    return [...this.prefix, name].filter(Boolean).join('.');
  }

  /** Runs `build` with `name` appended to the label prefix of everything it creates. */
  scope<T>(name: string, build: () => T): T {
    this.prefix.push(name);
    try {
      return build();
    } finally {
      this.prefix.pop();
    }
  }

  input(name: string, shape: readonly number[], dtype: DType = 'f32'): Tensor {
    if (this.inputs.has(name)) throw new FianetError('bad-graph', `input '${name}' declared twice`);
    const t = this.newTensor(shape, dtype, 'input', name);
    this.inputs.set(name, t);
    return t;
  }

  /** A weight; an f16 weight's data is its packed words (storageWords). */
  weight(name: string, shape: readonly number[], data: WeightData, dtype: DType = 'f32'): Tensor {
    if (typeof data !== 'function' && !('writeTo' in data) && data.length !== storageWords({ shape, dtype })) {
      throw new FianetError('bad-weights', `${name}: ${data.length} words for ${dtype} shape ${fmtShape(shape)}`);
    }
    const t = this.newTensor(shape, dtype, 'weight', name);
    this.weights.set(t.id, data);
    return t;
  }

  activation(name: string, shape: readonly number[], dtype: DType = 'f32'): Tensor {
    if (dtype === 'f16') throw new FianetError('bad-graph', `${this.name(name)}: f16 is for weights only`);
    return this.newTensor(shape, dtype, 'activation', this.name(name));
  }

  /**
   * Adds one kernel call. Names the kernel does not declare (bindings, uniforms, constants) are
   * bad-graph errors here too, for callers that get past the types.
   */
  call<U extends Record<string, ScalarType>, C extends Constants>(kernel: Kernel<U, C>, name: string, spec: CallSpec<U, C>): void {
    const label = this.name(name);
    const { args, uniforms, dispatches, flops } = spec;
    const unknown = (what: string, names: Iterable<string>, declared: object) => {
      for (const key of names) {
        if (!Object.hasOwn(declared, key)) throw new FianetError('bad-graph', `${label}: ${kernel.name} has no ${what} '${key}'`);
      }
    };
    unknown('constant', Object.keys(spec.consts ?? {}), kernel.constants);
    for (const u of [uniforms, ...(dispatches ?? []).map((d) => d.uniforms)]) {
      unknown('uniform', Object.keys(u), kernel.uniforms);
      for (const key of Object.keys(kernel.uniforms)) {
        if (!Number.isFinite((u as Record<string, number>)[key])) throw new FianetError('bad-graph', `${label}: ${kernel.name} uniform '${key}' is ${(u as Record<string, number>)[key]}`);
      }
    }
    const consts: Constants = { ...kernel.constants, ...spec.consts };
    const bindings = bindingsOf(kernel, consts as C);
    unknown('binding', Object.keys(args), Object.fromEntries(bindings.map((b) => [b.name, true])));
    const bound = bindings.map((b) => {
      const t = args[b.name];
      if (!t && b.optional) return undefined;
      if (!t) throw new FianetError('bad-graph', `${label}: ${kernel.name} needs binding '${b.name}'`);
      if (b.output && t.kind !== 'activation') throw new FianetError('bad-graph', `${label}: ${kernel.name} would write ${t.kind} '${t.label}'`);
      // Packed halves read as floats (or floats as halves) would be a silent wrong answer.
      if ((t.dtype === 'f16') !== (b.type === 'f16')) throw new FianetError('bad-graph', `${label}: ${kernel.name} binding '${b.name}' reads ${b.type === 'f16' ? 'f16' : 'not f16'}, '${t.label}' is ${t.dtype}`);
      return t;
    });
    bindings.forEach((b, i) => {
      const t = bound[i];
      if (!b.output || !t) return;
      const writer = this.writers.get(t.id);
      if (writer !== undefined) throw new FianetError('bad-graph', `${label}: '${t.label}' is already written by ${writer}; each activation has one writer`);
      const alias = bindings.findIndex((o, j) => !o.output && bound[j] === t);
      if (alias >= 0) throw new FianetError('bad-graph', `${label}: ${kernel.name} would write '${t.label}' while reading it as '${bindings[alias].name}'`);
      this.writers.set(t.id, label);
    });
    this.calls.push({ kernel: kernel as unknown as Kernel, consts, bindings, uniforms, args: bound, label, ...(dispatches ? { dispatches } : {}), ...(flops ? { flops } : {}) });
  }

  /** Registers a check that input `t`'s data must pass before it is uploaded; it throws a FianetError. */
  checkInput(t: Tensor, check: (data: ArrayLike<number>) => void): void {
    if (t.kind !== 'input') throw new FianetError('bad-graph', `checkInput: '${t.label}' is not a graph input`);
    const checks = this.inputChecks.get(t.id) ?? [];
    checks.push(check);
    this.inputChecks.set(t.id, checks);
  }

  output(name: string, t: Tensor): void {
    this.outputs.set(name, t);
  }
}

/** Throws a bad-graph error unless `t` has exactly `shape` (-1 matches any size). */
export function expectShape(where: string, what: string, t: Tensor, shape: readonly number[]): void {
  const ok = t.shape.length === shape.length && shape.every((d, i) => d === -1 || d === t.shape[i]);
  if (!ok) {
    const code = t.kind === 'weight' ? 'bad-weights' : 'bad-graph';
    throw new FianetError(code, `${where}: ${what} is ${fmtShape(t.shape)}, expected ${fmtShape(shape.map((d) => (d === -1 ? '*' : d)) as never)}`);
  }
}

/** How weight `t` is stored, for a kernel's `wdt` constant (anything not f16 reads as f32). */
export const weightDtypeOf = (t: Tensor): WeightDtype => (t.dtype === 'f16' ? 'f16' : 'f32');
