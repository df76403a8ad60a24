/**
 * Opens model weights from any byte source: safetensors (ours or anyone's) or a PyTorch
 * `.pth` checkpoint (converted in memory, tensor by tensor), and settles the model config:
 * an explicit config, else the `fianet_config` metadata entry our writers store, else the
 * published preset for `dataset` when the tensor shapes match it, else an error saying what
 * to pass. Whatever the source, the config is checked against the tensor shapes.
 */
import { FianetError } from '../errors.js';
import { toFloat32 } from '../io/dtype.js';
import { checkConfig, inferConfig } from '../io/infer-config.js';
import { openPth } from '../io/pth.js';
import { openSafetensors, type ByteSource } from '../io/safetensors.js';
import { parseConfig, publishedConfig, type FianetConfig } from './config.js';
import { safetensorsStore, storedDtypeOf, type WeightStore } from './weights.js';

export interface OpenedWeights {
  store: WeightStore;
  config: FianetConfig;
  /** Where the config came from, for messages. */
  configSource: string;
}

export interface OpenWeightsOptions {
  /** A config object (fixtures' config.json layout), e.g. from --config. */
  config?: unknown;
  configLabel?: string;
  /** Published variant to assume when nothing else says (rrsisd or refsegrs). */
  dataset?: 'rrsisd' | 'refsegrs';
}

async function storeFor(source: ByteSource): Promise<{ store: WeightStore; metadata: Record<string, string> }> {
  const magic = await source.read(0, Math.min(9, source.size));
  // A safetensors file starts with its header length (any first byte, 0x80 and 'P' included:
  // 1 in 256 valid files) and then '{'; checked first so such a file is not taken for a .pth.
  const isSafetensors = magic.length === 9 && magic[8] === 0x7b;
  const isPth = !isSafetensors && ((magic[0] === 0x50 && magic[1] === 0x4b) || magic[0] === 0x80);
  if (!isPth) {
    const file = await openSafetensors(source);
    return { store: safetensorsStore(file), metadata: file.metadata };
  }
  const ckpt = await openPth(source);
  // Integer buffers (relative_position_index, position_ids, num_batches_tracked) are derived, not loaded.
  const floats = [...ckpt.tensors.values()].filter((t) => ['F32', 'F16', 'BF16', 'F64'].includes(t.dtype));
  const shapes = new Map(floats.map((t) => [t.name, t.shape]));
  const store: WeightStore = {
    label: source.label,
    storedDtype: storedDtypeOf(floats.map((t) => t.dtype)),
    names: () => [...shapes.keys()],
    shape: (name) => shapes.get(name),
    load: async (name) => toFloat32(ckpt.tensors.get(name)!.dtype, await ckpt.read(name)),
  };
  return { store, metadata: {} };
}

export async function openWeights(source: ByteSource, options: OpenWeightsOptions = {}): Promise<OpenedWeights> {
  const { store, metadata } = await storeFor(source);
  const shapes = new Map(store.names().map((n) => [n, store.shape(n)!]));
  const inferred = inferConfig(shapes);
  let raw: unknown;
  let configSource: string;
  if (options.config !== undefined) {
    raw = options.config;
    configSource = options.configLabel ?? 'the given config';
  } else if (metadata.fianet_config) {
    try {
      raw = JSON.parse(metadata.fianet_config);
    } catch (e) {
      throw new FianetError('bad-weights', `${source.label}: metadata 'fianet_config' is not valid JSON (${(e as Error).message})`);
    }
    configSource = `${source.label} metadata`;
  } else {
    const preset = publishedConfig(options.dataset ?? 'rrsisd');
    configSource = `the published ${options.dataset ?? 'rrsisd'} preset`;
    const embed = inferred.model.embed_dim;
    if (embed !== undefined && embed !== preset.model.embed_dim) {
      throw new FianetError(
        'bad-input',
        `${source.label} has no model config in its metadata and is not the published Swin-B model (embed dim ${embed}); pass --config CONFIG.json`,
      );
    }
    checkConfig({ model: preset.model, text: preset.text }, inferred, configSource);
    return { store, config: preset, configSource };
  }
  checkConfig(raw, inferred, configSource);
  return { store, config: parseConfig(raw, configSource), configSource };
}
