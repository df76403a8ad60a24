/**
 * Quiet by default: the filter that hides Dawn's native messages, the --verbose switch, the
 * loading bar, and `fianet segment` on the README's example run as a user runs it (the
 * built bin/fianet.js in a child process, stdout and stderr captured).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadProgress } from '../../src/cli/load-progress.js';
import { nativeNoiseFilter } from '../../src/cli/native-noise.js';
import { loadLog, setVerbose, takeVerbose } from '../../src/cli/verbosity.js';
import { ignoredByReference } from '../../src/model/create-segmenter.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

// What Dawn printed on this machine: the Vulkan probe of --adapter gpu, then llvmpipe's limits.
const DAWN = [
  'Warning: vkCreateInstance: Found no drivers!\n',
  'Warning: vkCreateInstance failed with VK_ERROR_INCOMPATIBLE_DRIVER\n    at CheckVkSuccessImpl (/home/runner/work/node-webgpu/node-webgpu/third_party/dawn/src/dawn/native/vulkan/VulkanError.cpp:106)\n\n',
  'Warning: maxDynamicUniformBuffersPerPipelineLayout artificially reduced from 90 to 16 to fit dynamic offset allocation limit.\n',
];

function filtered(chunks: string[]): string {
  let out = '';
  const f = nativeNoiseFilter((t) => (out += t));
  for (const c of chunks) f.push(c);
  f.end();
  return out;
}

describe('nativeNoiseFilter', () => {
  it("drops Dawn's messages, keeps ours byte for byte, however the pipe splits them", () => {
    const ours = ['warning: image.tif: 16-bit values clipped to 8 bits\n', '\n', 'adapter: llvmpipe\n', 'fianet segment: Error: no such file\n'];
    // Each writer writes whole lines (one fprintf, one console.error); the pipe may split anywhere.
    const text = DAWN[0] + ours[0] + DAWN[1] + ours[1] + ours[2] + DAWN[2] + ours[3];
    for (const size of [1, 7, 64, text.length]) {
      const chunks = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(filtered(chunks), `chunks of ${size}`).toBe(ours.join(''));
    }
  });

  it('passes a progress bar redrawn with a carriage return at once', () => {
    const seen: string[] = [];
    const f = nativeNoiseFilter((t) => seen.push(t));
    f.push('\r\x1b[K[###---] 50%');
    expect(seen).toEqual(['\r\x1b[K[###---] 50%']);
  });
});

describe('--verbose and FIANET_LOG', () => {
  it('is taken out of the arguments wherever it stands', () => {
    expect(takeVerbose(['segment', '--verbose', '--out', 'm.png'], {})).toEqual({ argv: ['segment', '--out', 'm.png'], verbose: true });
    expect(takeVerbose(['info'], { FIANET_LOG: 'debug' })).toEqual({ argv: ['info'], verbose: true });
    expect(takeVerbose(['info'], { FIANET_LOG: 'info' })).toEqual({ argv: ['info'], verbose: false });
  });
});

describe('unused checkpoint tensors', () => {
  it('are a debug line when the reference ignores them too, a warning otherwise', () => {
    expect(['backbone.layers.3.object_position_align_blk.go_embedding.weight', 'classifier.bn.num_batches_tracked', 'text_encoder.embeddings.position_ids'].map(ignoredByReference)).toEqual([true, true, true]);
    expect(['classifier.conv1.weight', 'backbone.layers.3.fusion.go_embedding_proj.weight'].map(ignoredByReference)).toEqual([false, false]);
    const warned: string[] = [];
    const shown: string[] = [];
    const log = loadLog((line) => warned.push(line));
    const error = console.error;
    console.error = (line: string) => void shown.push(line);
    try {
      log('warning', '1 checkpoint tensors are not used by the model (x.weight)');
      log('debug', 'hidden');
      setVerbose(true);
      log('debug', 'shown');
    } finally {
      setVerbose(false);
      console.error = error;
    }
    expect(warned).toEqual(['warning: 1 checkpoint tensors are not used by the model (x.weight)']);
    expect(shown).toEqual(['debug: shown']);
  });
});

describe('loading progress', () => {
  const run = (isTTY: boolean, verbose: boolean) => {
    let out = '';
    const bar = loadProgress({ write: (t: string) => (out += t), isTTY, columns: 120 }, verbose);
    for (let i = 1; i <= 40; i++) bar.update(i, 40);
    bar.finish();
    return out;
  };

  it('on a terminal: one line redrawn in place with bar, percent and ETA, erased at the end', () => {
    const out = run(true, false);
    expect(out).not.toContain('\n');
    expect(out).toContain('[########################] 100%  ETA 0:00');
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('elsewhere: nothing, or a plain line every 10% when verbose', () => {
    expect(run(false, false)).toBe('');
    const lines = run(false, true).trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe('loading: 100% (40/40 weights and kernels)');
  });
});

describe('fianet segment on the README example, as a child process', () => {
  const bin = join(repo, 'bin/fianet.js');
  const exec = promisify(execFile);
  const segment = async (...extra: string[]) => {
    if (!existsSync(join(repo, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` before this test');
    const dir = mkdtempSync(join(tmpdir(), 'fianet-quiet-'));
    const args = ['segment', '--weights', 'weights/demo.safetensors', '--image', 'examples/example1.png', '--text', 'a green tennis court on the far right', '--out', join(dir, 'mask.png'), '--overlay', join(dir, 'overlay.png'), ...extra];
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd: repo, env: { ...process.env, FIANET_LOG: '' } });
    return { stdout, stderr, dir };
  };

  it('prints only the answer lines; --verbose brings back the debug lines and the adapter messages', async () => {
    const quiet = await segment();
    expect(quiet.stdout).toBe('');
    const lines = quiet.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['adapter', 'words', 'timings', 'mask']);
    expect(lines[1]).toBe('words: a green tennis court on the far right');
    expect(lines[3]).toBe(`mask: ${join(quiet.dir, 'mask.png')} (128 x 128, 5.7% object)`);

    const loud = await segment('--verbose');
    expect(loud.stderr).toMatch(/^debug: 4 checkpoint tensors are not used by the model .*go_embedding.*the reference ignores them too$/m);
    expect(loud.stderr).toMatch(/^loading: 100% \(\d+\/\d+ weights and kernels\)$/m);
    // Dawn's OpenGL ES backend (llvmpipe) always says this; a real GPU may say nothing.
    if (/^adapter: llvmpipe/m.test(loud.stderr)) expect(loud.stderr).toContain('Warning: maxDynamicUniformBuffersPerPipelineLayout artificially reduced');
    expect(loud.stderr.trimEnd().split('\n').slice(-4).map((l) => l.split(':')[0])).toEqual(['adapter', 'words', 'timings', 'mask']);
  });
});
