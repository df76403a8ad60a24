/**
 * FIANet hyper-parameters in the layout of the fixtures' config.json (`model`, `text`,
 * `image` sections, snake_case as the reference names them). One parser validates a config
 * from any source (a config.json, a safetensors `fianet_config` metadata entry, a preset).
 */
import { FianetError, quote } from '../errors.js';

export interface BertConfig {
  vocab_size: number;
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  max_position: number;
  type_vocab_size: number;
  layer_norm_eps: number;
  max_tokens: number;
}

export interface ModelConfig {
  patch_size: number;
  in_chans: number;
  embed_dim: number;
  depths: number[];
  num_heads: number[];
  window_size: number;
  mlp_ratio: number;
  swin_layer_norm_eps: number;
  num_features: number[];
  fusion_num_heads: number[];
  /** Width of the language features the fusion modules consume (BERT hidden). */
  fusion_text_dim: number;
  channel_modulation_reduced_dim: number[];
  num_tmem: number;
  /** Channels of the concatenated stage outputs the TMEM pools (sum of num_features). */
  tmem_dim: number;
  /** Width of the TMEM blocks (down_channel output). */
  tmem_hidden_dim: number;
  tmem_ffn_hidden: number;
  decoder_hidden: number;
  num_classes: number;
  batchnorm_eps: number;
  instancenorm_eps: number;
}

export interface FianetConfig {
  model: ModelConfig;
  text: BertConfig;
  /** Square model input size S (the image is resized to S x S). */
  input_size: number;
  /** Object category names for the expression parser (config `masks.object_classes`); default: the dataset's list. */
  categories?: string[];
}

function need(where: string, obj: Record<string, unknown>, key: string, kind: 'number' | 'number[]'): void {
  const v = obj[key];
  const ok = kind === 'number' ? typeof v === 'number' && Number.isFinite(v) : Array.isArray(v) && v.every((x) => typeof x === 'number');
  if (!ok) throw new FianetError('bad-input', `${where}: '${key}' must be a ${kind === 'number' ? 'number' : 'list of numbers'}, got ${quote(v)}`);
}

/** Keys with defaults: absent is fine, anything but a number is not. */
const OPTIONAL_MODEL_NUMBERS = ['swin_layer_norm_eps', 'fusion_text_dim', 'batchnorm_eps', 'tmem_hidden_dim', 'instancenorm_eps'];

/** nn.BatchNorm2d's default eps, which the reference keeps; used when a config does not say. */
export const DEFAULT_BATCHNORM_EPS = 1e-5;

const MODEL_NUMBERS = ['patch_size', 'in_chans', 'embed_dim', 'window_size', 'mlp_ratio', 'num_tmem', 'tmem_dim', 'tmem_ffn_hidden', 'decoder_hidden', 'num_classes'];
const MODEL_LISTS = ['depths', 'num_heads', 'num_features', 'fusion_num_heads', 'channel_modulation_reduced_dim'];
const TEXT_NUMBERS = ['vocab_size', 'hidden', 'layers', 'heads', 'intermediate', 'max_position', 'type_vocab_size', 'max_tokens'];

/** Parses and validates a config object (fixtures' config.json layout); `label` names its source. */
export function parseConfig(json: unknown, label: string): FianetConfig {
  if (!json || typeof json !== 'object') throw new FianetError('bad-input', `${label}: config must be a JSON object`);
  const root = json as Record<string, unknown>;
  const model = root.model as Record<string, unknown> | undefined;
  const text = root.text as Record<string, unknown> | undefined;
  if (!model || typeof model !== 'object') throw new FianetError('bad-input', `${label}: missing the 'model' section`);
  if (!text || typeof text !== 'object') throw new FianetError('bad-input', `${label}: missing the 'text' section`);
  for (const k of MODEL_NUMBERS) need(`${label} model`, model, k, 'number');
  for (const k of MODEL_LISTS) need(`${label} model`, model, k, 'number[]');
  for (const k of TEXT_NUMBERS) need(`${label} text`, text, k, 'number');
  for (const k of OPTIONAL_MODEL_NUMBERS) if (model[k] !== undefined) need(`${label} model`, model, k, 'number');
  if (text.layer_norm_eps !== undefined) need(`${label} text`, text, 'layer_norm_eps', 'number');
  const image = (root.image ?? {}) as Record<string, unknown>;
  const firstStage = (model.stage_sizes_hw as number[][] | undefined)?.[0]?.[0];
  const inputSize = (root.input_size ?? image.input_height ?? (firstStage && firstStage * (model.patch_size as number))) as number;
  if (!Number.isInteger(inputSize) || inputSize < 1) throw new FianetError('bad-input', `${label}: no input size (image.input_height or input_size)`);
  const m = model as unknown as ModelConfig;
  const stages = m.depths.length;
  for (const k of ['num_heads', 'num_features', 'fusion_num_heads', 'channel_modulation_reduced_dim'] as const) {
    if (m[k].length !== stages) throw new FianetError('bad-input', `${label} model: '${k}' has ${m[k].length} entries for ${stages} stages`);
  }
  return {
    model: {
      ...m,
      swin_layer_norm_eps: (model.swin_layer_norm_eps as number) ?? 1e-5,
      fusion_text_dim: (model.fusion_text_dim as number) ?? (text.hidden as number),
      batchnorm_eps: (model.batchnorm_eps as number) ?? DEFAULT_BATCHNORM_EPS,
      // The reference builds TMEM(dim) with down_channel dim -> dim / 4.
      tmem_hidden_dim: (model.tmem_hidden_dim as number) ?? (model.tmem_dim as number) / 4,
      instancenorm_eps: (model.instancenorm_eps as number) ?? 1e-5,
    },
    text: { ...(text as unknown as BertConfig), layer_norm_eps: (text.layer_norm_eps as number) ?? 1e-12 },
    input_size: inputSize,
    categories: parseCategories(root.masks, label),
  };
}

function parseCategories(masks: unknown, label: string): string[] | undefined {
  const list = (masks as { object_classes?: unknown } | undefined)?.object_classes;
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || !list.every((c) => typeof c === 'string' && c.trim())) {
    throw new FianetError('bad-input', `${label}: masks.object_classes must be a list of category names`);
  }
  return list;
}

/** The published variants: Swin-B + BERT-base at 480, RefSegRS (1 TMEM block, 20 tokens) and RRSIS-D (3, 22). */
export function publishedConfig(dataset: 'rrsisd' | 'refsegrs', inputSize = 480): FianetConfig {
  const embed = 128;
  const features = [128, 256, 512, 1024];
  return {
    model: {
      patch_size: 4, in_chans: 3, embed_dim: embed, depths: [2, 2, 18, 2], num_heads: [4, 8, 16, 32], window_size: 12, mlp_ratio: 4,
      swin_layer_norm_eps: 1e-5, num_features: features, fusion_num_heads: [1, 1, 1, 1], fusion_text_dim: 768,
      channel_modulation_reduced_dim: features.map((c) => c / 8), num_tmem: dataset === 'rrsisd' ? 3 : 1, tmem_dim: 1920,
      tmem_hidden_dim: 480, tmem_ffn_hidden: 960, decoder_hidden: 512, num_classes: 2, batchnorm_eps: 1e-5, instancenorm_eps: 1e-5,
    },
    text: { vocab_size: 30522, hidden: 768, layers: 12, heads: 12, intermediate: 3072, max_position: 512, type_vocab_size: 2, layer_norm_eps: 1e-12, max_tokens: dataset === 'rrsisd' ? 22 : 20 },
    input_size: inputSize,
  };
}
