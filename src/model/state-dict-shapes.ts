/**
 * Every float tensor of the reference state dict for a config, with its shape, in
 * state-dict order (the order of base480/weights_manifest.json; integer buffers such as
 * relative_position_index and num_batches_tracked are not listed). Used to generate formula
 * weights without the fixtures and to say what a checkpoint for a config must contain.
 */
import { FianetError } from '../errors.js';
import { BATCH_NORM_PARAMS, batchNormFolds } from './batch-norm-fold.js';
import type { BertConfig, FianetConfig } from './config.js';

export interface TensorShape {
  name: string;
  shape: number[];
}

/** A list of tensor shapes and the helpers both builders below append with. */
function shapeList() {
  const out: TensorShape[] = [];
  const add = (name: string, ...shape: number[]) => out.push({ name, shape });
  /** weight [out, ...in] and bias [out] (Linear: in = [n]; Conv1d 1x1: [n, 1]; Conv2d: [n, kh, kw]). */
  const affine = (name: string, outDim: number, ...inShape: number[]) => {
    add(`${name}.weight`, outDim, ...inShape);
    add(`${name}.bias`, outDim);
  };
  const norm = (name: string, dim: number) => affine(name, dim);
  return { out, add, affine, norm };
}

export interface StateDictOptions {
  /** The tensors of a BatchNorm-folded file (`fianet convert --fold-bn`) instead: see foldedShapes. */
  bnFolded?: boolean;
}

export function stateDictShapes(config: FianetConfig, options: StateDictOptions = {}): TensorShape[] {
  const { out, add, affine, norm } = shapeList();
  const batchNorm = (name: string, dim: number) => {
    norm(name, dim);
    add(`${name}.running_mean`, dim);
    add(`${name}.running_var`, dim);
  };
  /** SpatialImageLanguageAttention: Conv1d 1x1 key/query/value (each + bias) and output W. */
  const imageLanguageAttention = (name: string, visDim: number, textDim: number, dim: number) => {
    affine(`${name}.f_key.0`, dim, textDim, 1);
    affine(`${name}.f_query.0`, dim, visDim, 1);
    affine(`${name}.f_value.0`, dim, textDim, 1);
    affine(`${name}.W.0`, dim, dim, 1);
  };

  const m = config.model;
  const t = config.text;
  const stages = m.depths.length;
  if (stages !== 4) throw new FianetError('bad-input', `config: the reference decoder needs 4 stages, the config has ${stages}`);
  const features = m.num_features;
  const textDim = m.fusion_text_dim;
  const tmemDim = features.reduce((a, b) => a + b, 0);
  if (m.tmem_dim !== tmemDim) {
    throw new FianetError('bad-input', `config: tmem_dim is ${m.tmem_dim}, but TMEM concatenates the stage outputs (${features.join(' + ')} = ${tmemDim})`);
  }

  const bb = 'backbone';
  affine(`${bb}.patch_embed.proj`, m.embed_dim, m.in_chans, m.patch_size, m.patch_size);
  norm(`${bb}.patch_embed.norm`, m.embed_dim);
  const table = (2 * m.window_size - 1) ** 2;
  for (let s = 0; s < stages; s++) {
    const c = features[s];
    const layer = `${bb}.layers.${s}`;
    for (let b = 0; b < m.depths[s]; b++) {
      const block = `${layer}.blocks.${b}`;
      norm(`${block}.norm1`, c);
      add(`${block}.attn.relative_position_bias_table`, table, m.num_heads[s]);
      affine(`${block}.attn.qkv`, 3 * c, c);
      affine(`${block}.attn.proj`, c, c);
      norm(`${block}.norm2`, c);
      affine(`${block}.mlp.fc1`, c * m.mlp_ratio, c);
      affine(`${block}.mlp.fc2`, c, c * m.mlp_ratio);
    }
    // Channel modulation, PWAM (context), its tanh gate, OPAB.
    affine(`${layer}.fc1`, m.channel_modulation_reduced_dim[s], c);
    affine(`${layer}.fc2`, c, m.channel_modulation_reduced_dim[s]);
    affine(`${layer}.context_pixel_attn.vis_project.0`, c, c, 1);
    imageLanguageAttention(`${layer}.context_pixel_attn.image_lang_att`, c, textDim, c);
    affine(`${layer}.context_pixel_attn.project_mm.0`, c, c, 1);
    add(`${layer}.context_tanh_gate.0.weight`, c, c);
    add(`${layer}.context_tanh_gate.2.weight`, c, c);
    const opab = `${layer}.object_position_align_blk`;
    imageLanguageAttention(`${opab}.go_cross_attn`, c, textDim, c);
    add(`${opab}.go_tanh_gating.0.weight`, c, c);
    add(`${opab}.go_tanh_gating.2.weight`, c, c);
    add(`${opab}.go_embedding.weight`, c, c);
    imageLanguageAttention(`${opab}.sp_cross_attn`, c, textDim, c);
    add(`${opab}.conv1.weight`, 1, 2, 3, 3);
    if (s < stages - 1) {
      add(`${layer}.downsample.reduction.weight`, 2 * c, 4 * c);
      norm(`${layer}.downsample.norm`, 4 * c);
    }
  }
  for (let s = 0; s < stages; s++) norm(`${bb}.norm${s}`, features[s]);

  const tmem = `${bb}.tmem`;
  const hidden = m.tmem_hidden_dim;
  affine(`${tmem}.down_channel`, hidden, tmemDim, 1, 1);
  affine(`${tmem}.up_channel`, tmemDim, hidden, 1, 1);
  for (let b = 0; b < m.num_tmem; b++) {
    const block = `${tmem}.block.${b}`;
    norm(`${block}.norm1`, hidden);
    imageLanguageAttention(`${block}.tma`, hidden, t.hidden, hidden);
    norm(`${block}.norm2`, hidden);
    affine(`${block}.ff.net.0`, m.tmem_ffn_hidden, hidden);
    affine(`${block}.ff.net.3`, hidden, m.tmem_ffn_hidden);
  }
  batchNorm(`${tmem}.bn`, hidden);
  for (let s = 0; s < stages; s++) {
    const gate = `${tmem}.fusion.${s}`;
    const c = features[s];
    affine(`${gate}.local_embedding`, c, c, 1, 1);
    batchNorm(`${gate}.bn1`, c);
    affine(`${gate}.global_embedding`, c, c, 1, 1);
    batchNorm(`${gate}.bn2`, c);
    affine(`${gate}.global_act`, c, c, 1, 1);
    batchNorm(`${gate}.bn3`, c);
  }

  // SimpleDecoding: conv1_4 takes cat(c4 upsampled, c3), conv1_3 cat(x, c2), conv1_2 cat(x, c1).
  const dec = 'classifier';
  const h = m.decoder_hidden;
  const inputs = [features[3] + features[2], h + features[1], h + features[0]];
  [4, 3, 2].forEach((k, i) => {
    add(`${dec}.conv1_${k}.weight`, h, inputs[i], 3, 3);
    batchNorm(`${dec}.bn1_${k}`, h);
    add(`${dec}.conv2_${k}.weight`, h, h, 3, 3);
    batchNorm(`${dec}.bn2_${k}`, h);
  });
  affine(`${dec}.conv1_1`, m.num_classes, h, 1, 1);

  out.push(...textEncoderShapes(t));
  return options.bnFolded ? foldedShapes(out) : out;
}

/**
 * A shape list with every BatchNorm of batchNormFolds() folded: the BatchNorm tensors
 * dropped, and a bias [out] after each convolution weight that had none.
 */
function foldedShapes(shapes: readonly TensorShape[]): TensorShape[] {
  const byName = new Map(shapes.map((t) => [t.name, t]));
  const dropped = new Set<string>();
  const biasAfter = new Map<string, TensorShape>();
  for (const fold of batchNormFolds()) {
    const convWeight = byName.get(`${fold.conv}.weight`);
    if (!convWeight || !byName.has(`${fold.bn}.weight`)) throw new FianetError('bad-graph', `state dict shapes: no '${fold.conv}' or '${fold.bn}' to fold`);
    for (const p of BATCH_NORM_PARAMS) dropped.add(`${fold.bn}.${p}`);
    if (!fold.convBias) biasAfter.set(convWeight.name, { name: `${fold.conv}.bias`, shape: [convWeight.shape[0]] });
  }
  return shapes.flatMap((t) => (dropped.has(t.name) ? [] : biasAfter.has(t.name) ? [t, biasAfter.get(t.name)!] : [t]));
}

/** The BERT text encoder's tensors (`text_encoder.*`, no pooler), in state-dict order. */
export function textEncoderShapes(t: BertConfig): TensorShape[] {
  const { out, add, affine, norm } = shapeList();
  const emb = 'text_encoder.embeddings';
  add(`${emb}.word_embeddings.weight`, t.vocab_size, t.hidden);
  add(`${emb}.position_embeddings.weight`, t.max_position, t.hidden);
  add(`${emb}.token_type_embeddings.weight`, t.type_vocab_size, t.hidden);
  norm(`${emb}.LayerNorm`, t.hidden);
  for (let l = 0; l < t.layers; l++) {
    const layer = `text_encoder.encoder.layer.${l}`;
    for (const p of ['query', 'key', 'value']) affine(`${layer}.attention.self.${p}`, t.hidden, t.hidden);
    affine(`${layer}.attention.output.dense`, t.hidden, t.hidden);
    norm(`${layer}.attention.output.LayerNorm`, t.hidden);
    affine(`${layer}.intermediate.dense`, t.intermediate, t.hidden);
    affine(`${layer}.output.dense`, t.hidden, t.intermediate);
    norm(`${layer}.output.LayerNorm`, t.hidden);
  }
  return out;
}
