/**
 * Binding checkpoint tensors to graph weights by their reference names (DESIGN section 6).
 * Shapes are checked when the graph is built: the first mismatch fails at once, naming the
 * tensor, expected and actual shapes; missing tensors are collected and listed together.
 */
import { FianetError } from '../errors.js';
import type { SafetensorsFile } from '../io/safetensors.js';
import { isFloatDtype, type Dtype } from '../io/dtype.js';
import { fmtShape, type Graph, type Tensor, type WeightDtype } from '../runtime/graph.js';
import { BN_FOLDED_METADATA } from './batch-norm-fold.js';

/** Where weights come from: a safetensors file, a converted .pth, the base480 formula. */
export interface WeightStore {
  readonly label: string;
  names(): string[];
  shape(name: string): readonly number[] | undefined;
  load(name: string): Promise<Float32Array>;
  /** BatchNorms already folded into their convolutions (`fianet convert --fold-bn`); see batch-norm.ts. */
  readonly bnFolded?: boolean;
  /** 'f16' when every float tensor is stored as float16 (`fianet convert --fp16`): the default weightsDtype. */
  readonly storedDtype?: WeightDtype;
}

/** 'f16' when every float tensor of a checkpoint is F16, else 'f32'. */
export function storedDtypeOf(dtypes: Iterable<Dtype>): WeightDtype {
  let any = false;
  for (const d of dtypes) {
    if (!isFloatDtype(d)) continue;
    if (d !== 'F16') return 'f32';
    any = true;
  }
  return any ? 'f16' : 'f32';
}

export function safetensorsStore(file: SafetensorsFile): WeightStore {
  const folded = file.metadata[BN_FOLDED_METADATA];
  if (folded !== undefined && folded !== 'true' && folded !== 'false') {
    throw new FianetError('bad-weights', `${file.label}: metadata '${BN_FOLDED_METADATA}' is ${JSON.stringify(folded)}, expected "true" or "false"`);
  }
  return {
    label: file.label,
    bnFolded: folded === 'true',
    storedDtype: storedDtypeOf([...file.tensors.values()].map((t) => t.dtype)),
    names: () => [...file.tensors.keys()],
    shape: (name) => file.tensors.get(name)?.shape,
    load: (name) => file.readF32(name),
  };
}

export class WeightBinder {
  /** Missing tensor -> how it is listed (with its shape when known); a name read twice is listed once. */
  private readonly missing = new Map<string, string>();
  readonly used = new Set<string>();

  constructor(
    readonly g: Graph,
    readonly store: WeightStore,
  ) {}

  /** The checkpoint tensor `name`, which must have `shape`. */
  get(name: string, shape: readonly number[]): Tensor {
    return this.derived(name, shape, [name], ([data]) => data);
  }

  /**
   * A weight computed at upload time from checkpoint tensors `sources` (each checked against
   * the shape it must have: pass [name, shape] pairs through `get` first, or give names whose
   * shapes were checked), e.g. BatchNorm folded into a convolution.
   */
  derived(label: string, shape: readonly number[], sources: string[], make: (data: Float32Array[]) => Float32Array, sourceShapes?: Array<readonly number[]>): Tensor {
    sources.forEach((name, i) => {
      this.used.add(name);
      const actual = this.store.shape(name);
      const expected = sourceShapes?.[i] ?? (sources.length === 1 ? shape : undefined);
      if (!actual) {
        if (!this.missing.has(name)) this.missing.set(name, expected ? `${name} ${fmtShape(expected)}` : name);
      } else if (expected && (actual.length !== expected.length || actual.some((d, j) => d !== expected[j]))) {
        throw new FianetError('bad-weights', `${this.store.label}: tensor '${name}' is ${fmtShape(actual)}, expected ${fmtShape(expected)} for this config`);
      }
    });
    return this.g.weight(label, shape, async () => {
      const data = make(await Promise.all(sources.map((n) => this.store.load(n))));
      if (data.length !== shape.reduce((a, b) => a * b, 1)) throw new FianetError('bad-weights', `${label}: derived weight has ${data.length} values for ${fmtShape(shape)}`);
      return data;
    });
  }

  /** Throws listing every missing tensor; returns checkpoint tensors the graph did not use. */
  finish(): string[] {
    if (this.missing.size) {
      // A file converted with --fold-bn whose metadata entry was lost looks like this.
      const hint = !this.store.bnFolded && [...this.missing.keys()].some((n) => n.endsWith('.running_var'))
        ? `\n(a file converted with --fold-bn says so in its metadata: ${BN_FOLDED_METADATA}=true)`
        : '';
      throw new FianetError('bad-weights', `${this.store.label}: ${this.missing.size} tensors missing for this config:\n  ${[...this.missing.values()].join('\n  ')}${hint}`);
    }
    return this.store.names().filter((n) => !this.used.has(n));
  }
}
