/**
 * `fianet convert IN.pth OUT.safetensors`: a PyTorch checkpoint (as the authors' train.py
 * saves it) to the safetensors file the engine loads. Tensors are read, converted and written
 * one at a time, so a 1 GB checkpoint needs about one tensor of memory, not two models.
 */
import { basename } from 'node:path';
import { FianetError, quote } from '../errors.js';
import { DTYPE_SIZE, f32ToF16, f64ToF16Bits, isFloatDtype, numel, toFloat32, type Dtype } from '../io/dtype.js';
import { checkConfig, inferConfig } from '../io/infer-config.js';
import { nameLabel } from '../io/name-label.js';
import { MAX_VIEW_EXPANSION, openPth, type PthTensorInfo } from '../io/pth.js';
import { safetensorsLayout } from '../io/safetensors.js';
import { BN_FOLDED_METADATA } from '../model/batch-norm-fold.js';
import { DEFAULT_BATCHNORM_EPS } from '../model/config.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { checkOutputPaths } from '../node/output-paths.js';
import { readBoundedText } from '../node/read-bounded.js';
import { fileSource } from '../node/safetensors-file.js';
import { planBatchNormFolds, type FoldedTensor } from './convert-fold-bn.js';
import { parseCommand } from './options.js';

const HELP = `usage: fianet convert IN.pth OUT.safetensors [--key NAME] [--fp16] [--fold-bn] [--config C.json] [--expand-views]

Converts a PyTorch checkpoint (zip format, or the legacy format of torch < 1.6) to
safetensors. Nothing in the checkpoint is executed; only its model tensors are read.

  --key NAME       top-level entry holding the state dict (default: 'model', or the top
                   level itself when it holds tensors)
  --fp16           store float tensors as float16 (half the size; values beyond +-65504
                   become infinity and are reported)
  --fold-bn        fold every BatchNorm (TMEM, scale-aware gates, decoder) into its
                   convolution, in float64 rounded once to the stored dtype: the file holds
                   the folded conv weights and biases, no BatchNorm tensors, and the metadata
                   entry ${BN_FOLDED_METADATA}=true. eps: the config's batchnorm_eps, else ${DEFAULT_BATCHNORM_EPS}.
  --config C.json  model config to store in the metadata (key fianet_config); it must agree
                   with the tensor shapes. Without it, the config is inferred from the shapes.
  --expand-views   write tensors that repeat their storage (stride 0, torch's expand) even
                   when they grow past ${MAX_VIEW_EXPANSION}x its bytes (refused by default: a few bytes of
                   a hostile file could otherwise become gigabytes)

Integer buffers (relative_position_index, position_ids, num_batches_tracked) are dropped:
the engine derives them.`;

// Files above this size get progress lines on stderr.
const PROGRESS_BYTES = 64 << 20;

/** A tensor as it will be written (`dtype` is the output dtype) and where it comes from: the checkpoint or a fold. */
interface Planned {
  readonly name: string;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  readonly from: PthTensorInfo | FoldedTensor;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    'convert',
    HELP,
    argv,
    {
      key: { type: 'string' },
      fp16: { type: 'boolean', default: false },
      config: { type: 'string' },
      'fold-bn': { type: 'boolean', default: false },
      'expand-views': { type: 'boolean', default: false },
    },
    { positionals: true },
  );
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    throw new FianetError('bad-input', `expected IN.pth and OUT.safetensors, got ${positionals.length} paths (see fianet convert --help)`);
  }
  const [input, output] = positionals as [string, string];
  await checkOutputPaths({ 'OUT.safetensors': output }, { 'IN.pth': input, '--config': values.config });

  const source = await fileSource(input);
  try {
    const ckpt = await openPth(source, { key: values.key, expandViews: values['expand-views'] });
    const skipped = ckpt.skipped.map((s) => ({ ...s }));
    let planned: Planned[] = [];
    for (const t of ckpt.tensors.values()) {
      if (!isFloatDtype(t.dtype)) {
        skipped.push({ name: t.name, reason: `integer buffer (${t.dtype})` });
        continue;
      }
      // The engine computes in float32; float64 is narrowed, half types kept unless --fp16.
      const dtype: Dtype = values.fp16 ? 'F16' : t.dtype === 'F64' ? 'F32' : t.dtype;
      planned.push({ name: t.name, dtype, shape: t.shape, from: t });
    }
    if (planned.length === 0) {
      const where = ckpt.stateDictKey === null ? 'the top level' : `'${ckpt.stateDictKey}'`;
      const entries = [...ckpt.tensors.keys(), ...ckpt.skipped.map((s) => s.name)].slice(0, 8).map((n) => nameLabel(n)).join(', ');
      throw new FianetError(
        'bad-weights',
        `${ckpt.label}: ${where} holds no float tensors (entries: ${entries || 'none'}); choose another --key`,
      );
    }

    const inferred = inferConfig(new Map(planned.map((t) => [t.name, t.shape])));
    let config: unknown = { ...inferred, note: 'inferred from tensor shapes by fianet convert; head counts are not in the shapes' };
    if (values.config) {
      const text = await readBoundedText(values.config, 'config');
      try {
        config = JSON.parse(text);
      } catch (e) {
        throw new FianetError('bad-input', `${values.config}: not valid JSON (${(e as Error).message})`);
      }
      checkConfig(config, inferred, values.config);
    }
    const metadata: Record<string, string> = {
      format: 'pt',
      fianet_config: JSON.stringify(config),
      source: `${basename(input)}${ckpt.stateDictKey === null ? '' : `['${ckpt.stateDictKey}']`}`,
    };
    const folds = values['fold-bn'] ? planBatchNormFolds(ckpt, batchNormEps(config, values.config)) : undefined;
    if (folds) {
      // Folded tensors are float32 whatever the sources were: rounded once from float64.
      const dtype: Dtype = values.fp16 ? 'F16' : 'F32';
      planned = [...planned.filter((t) => !folds.replaced.has(t.name)), ...folds.tensors.map((t) => ({ name: t.name, dtype, shape: t.shape, from: t }))];
      metadata[BN_FOLDED_METADATA] = 'true';
    }

    const { header, order } = safetensorsLayout(planned, metadata);
    const total = order.reduce((n, t) => n + numel(t.shape) * DTYPE_SIZE[t.dtype], 0);
    const progress = progressReporter(total, source.size >= PROGRESS_BYTES);
    let overflows = 0;
    const toHalf = (values: Float32Array | Float64Array): Uint8Array => {
      const half = values instanceof Float64Array ? Uint16Array.from(values, (v) => f64ToF16Bits(v)) : f32ToF16(values);
      for (let i = 0; i < half.length; i++) if ((half[i]! & 0x7fff) === 0x7c00 && Number.isFinite(values[i]!)) overflows++;
      return new Uint8Array(half.buffer);
    };
    async function* chunks() {
      yield header;
      for (const t of order) {
        let out: Uint8Array;
        if ('values' in t.from) {
          const folded = await t.from.values();
          out = t.dtype === 'F16' ? toHalf(folded) : new Uint8Array(Float32Array.from(folded).buffer);
        } else {
          out = await ckpt.read(t.name);
          if (t.dtype !== t.from.dtype) {
            const f32 = toFloat32(t.from.dtype, out);
            out = t.dtype === 'F16' ? toHalf(f32) : new Uint8Array(f32.buffer);
          }
        }
        progress(out.byteLength);
        yield out;
      }
    }
    await writeFileAtomic(output, chunks());
    progress.done();

    const params = order.reduce((n, t) => n + numel(t.shape), 0);
    const dtypes = [...new Set(order.map((t) => t.dtype))].join('/');
    console.log(
      `${output}: ${order.length} tensors, ${params.toLocaleString('en-US')} parameters, ${(header.byteLength + total).toLocaleString('en-US')} bytes (${dtypes})`,
    );
    console.log(
      `state dict: ${ckpt.stateDictKey === null ? 'top level' : `'${ckpt.stateDictKey}'`} of ${ckpt.label} (${ckpt.format} format)`,
    );
    console.log(`config: ${values.config ? `${values.config} (checked against the shapes)` : 'inferred from the shapes'}`);
    if (folds) {
      console.log(
        `folded ${folds.count} BatchNorms into their convolutions (eps ${folds.eps}${values.config && hasBatchNormEps(config) ? ` from ${values.config}` : ", PyTorch's default"}); no BatchNorm tensors stored`,
      );
    }
    if (skipped.length > 0) console.log(`skipped ${skipped.length} entries: ${summarizeSkipped(skipped)}`);
    if (overflows > 0) console.error(`warning: ${overflows} values exceed the float16 range and became infinity; convert without --fp16`);
    return 0;
  } finally {
    await source.close?.();
  }
}

const hasBatchNormEps = (config: unknown): boolean => (config as { model?: { batchnorm_eps?: unknown } }).model?.batchnorm_eps !== undefined;

/** The BatchNorm eps to fold with: the config's model.batchnorm_eps, else the default the loader assumes. */
function batchNormEps(config: unknown, label: string | undefined): number {
  if (!hasBatchNormEps(config)) return DEFAULT_BATCHNORM_EPS;
  const eps = (config as { model: { batchnorm_eps: unknown } }).model.batchnorm_eps;
  if (typeof eps !== 'number' || !(eps > 0) || !Number.isFinite(eps)) {
    throw new FianetError('bad-input', `${label ?? 'config'}: model.batchnorm_eps is ${quote(eps)}, expected a positive number`);
  }
  return eps;
}

/** "16 x relative_position_index (integer buffer (I64)), ..." grouped by the last name part. */
function summarizeSkipped(skipped: readonly { name: string; reason: string }[]): string {
  const groups = new Map<string, number>();
  for (const s of skipped) {
    // Names come from the file: escaped and cut, at most 12 groups listed.
    const key = `${nameLabel(s.name.slice(s.name.lastIndexOf('.') + 1), 60).slice(1, -1)} (${s.reason})`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const shown = [...groups].slice(0, 12).map(([k, n]) => `${n} x ${k}`);
  return shown.join(', ') + (groups.size > 12 ? `, and ${groups.size - 12} more kinds` : '');
}

function progressReporter(total: number, enabled: boolean) {
  let written = 0;
  let lastShown = -1;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  const report = (bytes: number) => {
    written += bytes;
    if (!enabled) return;
    const percent = Math.floor((100 * written) / total);
    // A terminal gets one updating line; a log gets a line every 10%.
    const step = process.stderr.isTTY ? 1 : 10;
    if (percent >= lastShown + step) {
      lastShown = percent - (percent % step);
      const line = `converting: ${percent}% (${mb(written)} of ${mb(total)})`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    }
  };
  return Object.assign(report, {
    done: () => {
      if (enabled && process.stderr.isTTY) process.stderr.write('\n');
    },
  });
}
