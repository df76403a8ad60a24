/**
 * The FIANet hyper-parameters that can be read off a state dict's tensor shapes, in the
 * layout of the fixtures' config.json (`model` and `text` sections). What shapes cannot tell
 * (BERT and fusion head counts, shift size, epsilons) is left out rather than guessed.
 */
import { FianetError, quote } from '../errors.js';

export interface InferredConfig {
  model: Record<string, number | number[]>;
  text: Record<string, number>;
}

export function inferConfig(shapes: ReadonlyMap<string, readonly number[]>): InferredConfig {
  const dim = (name: string, axis: number): number | undefined => shapes.get(name)?.[axis];
  // With two groups: the distinct values of the second per value of the first (blocks per
  // stage). With one group: its distinct values, under key 0.
  const indices = (pattern: RegExp): Map<number, Set<number>> => {
    const found = new Map<number, Set<number>>();
    for (const name of shapes.keys()) {
      const m = pattern.exec(name);
      if (!m) continue;
      const outer = m[2] === undefined ? 0 : Number(m[1]);
      const inner = Number(m[2] ?? m[1]);
      if (!found.has(outer)) found.set(outer, new Set());
      found.get(outer)!.add(inner);
    }
    return found;
  };
  const model: InferredConfig['model'] = {};
  const text: InferredConfig['text'] = {};
  const put = <T>(target: Record<string, T>, key: string, value: T | undefined) => {
    if (value !== undefined) target[key] = value;
  };

  const pe = 'backbone.patch_embed.proj.weight';
  put(model, 'patch_size', dim(pe, 2));
  put(model, 'in_chans', dim(pe, 1));
  put(model, 'embed_dim', dim(pe, 0));
  const blocks = indices(/^backbone\.layers\.(\d+)\.blocks\.(\d+)\./);
  const stages = [...blocks.keys()].sort((a, b) => a - b);
  if (stages.length > 0 && stages.every((s, i) => s === i)) {
    model.depths = stages.map((s) => blocks.get(s)!.size);
    const tables = stages.map((s) => shapes.get(`backbone.layers.${s}.blocks.0.attn.relative_position_bias_table`));
    if (tables.every((t) => t?.length === 2)) {
      model.num_heads = tables.map((t) => t![1]!);
      // The table has (2w - 1)^2 rows for a w x w window.
      const windows = tables.map((t) => (Math.sqrt(t![0]!) + 1) / 2);
      if (windows.every((w) => w === windows[0] && Number.isInteger(w))) model.window_size = windows[0]!;
    }
    const hidden = dim('backbone.layers.0.blocks.0.mlp.fc1.weight', 0);
    const embed = model.embed_dim as number | undefined;
    if (hidden !== undefined && embed) put(model, 'mlp_ratio', hidden / embed);
    const perStage = (name: (s: number) => string) => {
      const values = stages.map((s) => dim(name(s), 0));
      return values.every((v) => v !== undefined) ? (values as number[]) : undefined;
    };
    put(
      model,
      'num_features',
      perStage((s) => `backbone.norm${s}.weight`),
    );
    put(
      model,
      'channel_modulation_reduced_dim',
      perStage((s) => `backbone.layers.${s}.fc1.weight`),
    );
  }
  put(model, 'fusion_text_dim', dim('backbone.layers.0.context_pixel_attn.image_lang_att.f_key.0.weight', 1));
  const tmemBlocks = indices(/^backbone\.tmem\.block\.(\d+)\./).get(0);
  if (tmemBlocks) model.num_tmem = tmemBlocks.size;
  put(model, 'tmem_dim', dim('backbone.tmem.up_channel.weight', 0));
  put(model, 'tmem_hidden_dim', dim('backbone.tmem.down_channel.weight', 0));
  put(model, 'tmem_ffn_hidden', dim('backbone.tmem.block.0.ff.net.0.weight', 0));
  put(model, 'decoder_hidden', dim('classifier.conv1_4.weight', 0));
  put(model, 'num_classes', dim('classifier.conv1_1.weight', 0));

  const emb = 'text_encoder.embeddings';
  put(text, 'vocab_size', dim(`${emb}.word_embeddings.weight`, 0));
  put(text, 'hidden', dim(`${emb}.word_embeddings.weight`, 1));
  const layers = indices(/^text_encoder\.encoder\.layer\.(\d+)\./).get(0);
  if (layers) text.layers = layers.size;
  put(text, 'intermediate', dim('text_encoder.encoder.layer.0.intermediate.dense.weight', 0));
  put(text, 'max_position', dim(`${emb}.position_embeddings.weight`, 0));
  put(text, 'type_vocab_size', dim(`${emb}.token_type_embeddings.weight`, 0));
  return { model, text };
}

/**
 * A user-given config must agree with the weights wherever the shapes tell: a wrong
 * `--config` would otherwise surface later as a confusing shape error in the graph builder.
 */
export function checkConfig(given: unknown, inferred: InferredConfig, label: string): void {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new FianetError('bad-input', `${label}: the config must be a JSON object`);
  }
  const mismatches: string[] = [];
  for (const section of ['model', 'text'] as const) {
    const g = (given as Record<string, unknown>)[section];
    if (typeof g !== 'object' || g === null) continue;
    for (const [key, value] of Object.entries(inferred[section])) {
      const stated = (g as Record<string, unknown>)[key];
      if (stated !== undefined && !sameValue(stated, value)) {
        mismatches.push(`${section}.${key} is ${quote(stated)}, the weights say ${quote(value)}`);
      }
    }
  }
  if (mismatches.length > 0) {
    throw new FianetError('bad-input', `${label} does not match the checkpoint: ${mismatches.join('; ')}`);
  }
}

/** A stated config value (any JSON, possibly hostile) against an inferred number or list. */
function sameValue(stated: unknown, value: number | readonly number[]): boolean {
  if (typeof value === 'number') return stated === value;
  return Array.isArray(stated) && stated.length === value.length && stated.every((x, i) => x === value[i]);
}
