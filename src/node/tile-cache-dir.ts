/**
 * The scene tile cache as a folder: `manifest.json` (what the tiles were computed from) and
 * one file per finished tile, `rR-cC.f32` (the logits [2, S, S], little-endian float32; an
 * empty file for a tile with no valid pixel). Tiles are written atomically, so a killed run
 * leaves only whole tiles, and a run with a different input, expression, weights or
 * parameters is refused instead of mixing results.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FianetError } from '../errors.js';
import type { ByteSource } from '../io/safetensors.js';
import type { TileCache } from '../scene/segment-scene.js';
import { writeFileAtomic } from './atomic-write.js';
import { fileSource } from './safetensors-file.js';

/** Hash of the size and the first and last MiB: cheap on a 10 GB scene, changes with any re-export. */
export async function fingerprint(source: ByteSource): Promise<string> {
  const part = Math.min(source.size, 1 << 20);
  const h = createHash('sha256');
  h.update(String(source.size));
  h.update(await source.read(0, part));
  h.update(await source.read(source.size - part, part));
  return h.digest('hex');
}

export interface SceneRunParameters {
  text: string;
  weightsPath: string;
  tile: number;
  overlap: number;
  bands?: number[];
  scaleRange?: string;
  window?: unknown;
  inputSize: number;
  /** How the device held the weights (f16 logits differ slightly from f32 ones: shards must not mix them). */
  weightsDtype?: string;
}

/** What a cache's tiles depend on: the input, the expression, the weights and the tiling parameters. */
export async function sceneCacheManifest(source: ByteSource, p: SceneRunParameters): Promise<Record<string, unknown>> {
  const weights = await fileSource(p.weightsPath);
  return {
    input: await fingerprint(source),
    expression: p.text,
    weights: await fingerprint(weights).finally(() => weights.close?.()),
    parameters: { tile: p.tile, overlap: p.overlap, bands: p.bands ?? 'default', scaleRange: p.scaleRange ?? 'percentile', window: p.window ?? 'whole scene', inputSize: p.inputSize, weightsDtype: p.weightsDtype ?? 'f32' },
  };
}

export async function tileCacheDir(dir: string, manifest: Record<string, unknown>, tileFloats: number): Promise<TileCache> {
  await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw new FianetError('bad-input', `--cache ${dir}: cannot create (${e.code ?? e.message})`);
  });
  const manifestPath = join(dir, 'manifest.json');
  const text = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (text === undefined) {
    await writeFileAtomic(manifestPath, new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
  } else {
    let old: Record<string, unknown>;
    try {
      old = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new FianetError('bad-input', `--cache ${dir}: manifest.json is not valid JSON; use another folder`);
    }
    const differs = Object.keys({ ...manifest, ...old }).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(manifest[k]));
    if (differs.length) {
      throw new FianetError('bad-input', `--cache ${dir} holds tiles of another run (different ${differs.join(', ')}); use another folder or delete it`);
    }
  }
  const path = (r: number, c: number) => join(dir, `r${r}-c${c}.f32`);
  return {
    async get(r, c) {
      const p = path(r, c);
      const info = await stat(p).catch(() => undefined);
      if (!info) return undefined;
      if (info.size === 0) return 'empty';
      if (info.size !== tileFloats * 4) throw new FianetError('bad-input', `${p}: ${info.size} bytes, expected ${tileFloats * 4}; delete it to recompute the tile`);
      const bytes = await readFile(p);
      const out = new Float32Array(tileFloats);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    },
    put: (r, c, logits) => writeFileAtomic(path(r, c), logits === 'empty' ? new Uint8Array(0) : new Uint8Array(logits.buffer, logits.byteOffset, logits.byteLength)),
  };
}
