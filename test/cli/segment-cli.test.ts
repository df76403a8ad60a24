/**
 * `fianet segment` as a user runs it: outputs written (mask, overlay, logits), and bad input
 * (missing image, unsupported file, empty text, missing weights tensors, wrong config) giving
 * a clear message and exit code 1 with no output file left behind.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { decodeImage } from '../../src/io/image-decode.js';
import type { RgbImage } from '../../src/io/image-types.js';
import { encodeRgbPng } from '../../src/io/png-encode.js';
import { pngChunk } from '../io/png-builder.js';
import { bytesSource, encodeSafetensors, openSafetensors } from '../../src/io/safetensors.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { FIXTURES, dataPath } from '../helpers/test-data.js';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const fixture = (p: string): string => dataPath(FIXTURES, p);

describe('fianet segment', () => {
  let dir: string;
  let errors: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fianet-segment-'));
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  const base = (out: string) => ['segment', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--out', out];

  it('writes the mask, the overlay and the logits of the demo example', async () => {
    const [out, overlay, logits] = ['m.png', 'o.png', 'l.safetensors'].map((f) => join(dir, f));
    const code = await main([...base(out), '--image', repo('examples/example1.png'), '--text', 'a green tennis court on the far right', '--overlay', overlay, '--logits', logits]);
    expect(code).toBe(0);
    const mask = decodeImage(readFileSync(out), 'mask');
    expect([mask.width, mask.height]).toEqual([128, 128]);
    const truth = decodeImage(readFileSync(repo('examples/example1_mask.png')), 'truth');
    // Ground truth is 256 x 256; compare at 128 (PIL nearest samples pixel 2i + 1).
    let inter = 0;
    let union = 0;
    for (let y = 0; y < 128; y++) {
      for (let x = 0; x < 128; x++) {
        const a = mask.rgb[(y * 128 + x) * 3] > 0;
        const b = truth.rgb[((2 * y + 1) * 256 + 2 * x + 1) * 3] > 0;
        inter += Number(a && b);
        union += Number(a || b);
      }
    }
    expect(inter / union).toBeGreaterThan(0.98); // the reference's IoU is 0.9915
    expect(decodeImage(readFileSync(overlay), 'overlay').width).toBe(256);
    const l = await openSafetensors(bytesSource(readFileSync(logits), 'logits'));
    expect(l.tensors.get('logits')?.shape).toEqual([1, 2, 128, 128]);
    expect(errors.join('\n')).toMatch(/timings: load \d+ ms, preprocess/);
  });

  it('--original-size writes the mask at the source size', async () => {
    const out = join(dir, 'm.png');
    expect(await main([...base(out), '--image', repo('examples/example3.png'), '--text', 'a white ship', '--original-size'])).toBe(0);
    expect(decodeImage(readFileSync(out), 'mask').width).toBe(256);
  });

  const fails = async (args: string[], message: RegExp | string) => {
    const out = join(dir, 'never.png');
    expect(await main([...base(out), ...args])).toBe(1);
    expect(errors.join('\n')).toMatch(message);
    expect(existsSync(out)).toBe(false);
  };

  it('rejects a missing image', () => fails(['--image', join(dir, 'nope.png'), '--text', 'a ship'], /nope\.png/));
  it('rejects a file that is not an image', () => {
    writeFileSync(join(dir, 'x.png'), 'hello');
    return fails(['--image', join(dir, 'x.png'), '--text', 'a ship'], /x\.png.*(format|PNG|JPEG|TIFF)/i);
  });
  it('rejects empty text', () => fails(['--image', repo('examples/example1.png'), '--text', '   '], /--text is empty/));
  it('lists the tensors missing from the weights', () => {
    const path = join(dir, 'partial.safetensors');
    writeFileSync(path, Buffer.concat(encodeSafetensors([{ name: 'backbone.norm0.weight', dtype: 'F32', shape: [32], data: new Float32Array(32) }], { fianet_config: JSON.stringify(JSON.parse(readFileSync(fixture('../demo/config.json'), 'utf8'))) })));
    return fails(['--weights', path, '--image', repo('examples/example1.png'), '--text', 'a ship'], /tensors missing for this config:[\s\S]*text_encoder\.embeddings\.word_embeddings\.weight/);
  });
  it('refuses an image over --max-pixels before loading the model, and a bad --max-pixels', async () => {
    await fails(['--image', repo('examples/example1.png'), '--text', 'a ship', '--max-pixels', '65535'], /example1\.png: the image is 256 x 256 pixels, over the limit of 65535 pixels \(0\.06553 megapixels\); raise it with --max-pixels/);
    await fails(['--image', repo('examples/example1.png'), '--text', 'a ship', '--max-pixels', '1e9x'], /--max-pixels must be a positive whole number of pixels, got "1e9x"/);
  });
  it('refuses /dev/zero as an image at once', () => fails(['--image', '/dev/zero', '--text', 'a ship'], /image \/dev\/zero: not a regular file/));

  it('segments a truecolor PNG that carries a suggested palette as truecolor (issue #13)', async () => {
    // The demo example re-encoded as RGB with a PLTE chunk: it must give the same mask as the original.
    const original = decodeImage(readFileSync(repo('examples/example1.png')), 'example1.png');
    const withPlte = encodePngWithPlte(original);
    const input = join(dir, 'plte.png');
    writeFileSync(input, withPlte);
    const [a, b, overlay] = ['a.png', 'b.png', 'o.png'].map((f) => join(dir, f));
    const text = 'a green tennis court on the far right';
    expect(await main([...base(a), '--image', repo('examples/example1.png'), '--text', text])).toBe(0);
    expect(await main([...base(b), '--image', input, '--text', text, '--overlay', overlay])).toBe(0);
    expect(decodeImage(readFileSync(b), 'b').rgb).toEqual(decodeImage(readFileSync(a), 'a').rgb);
    expect(decodeImage(readFileSync(overlay), 'overlay').width).toBe(original.width);
  });
  it('rejects a config that disagrees with the weights', () =>
    fails(['--config', fixture('tiny/config.json'), '--image', repo('examples/example1.png'), '--text', 'a ship'], /does not match the checkpoint/));
});

/** An RGB PNG with a suggested palette (PLTE) inserted after IHDR, as some encoders write. */
function encodePngWithPlte(image: RgbImage): Uint8Array {
  const png = encodeRgbPng(image);
  const afterIhdr = 8 + 25;
  const plte = pngChunk('PLTE', Uint8Array.from({ length: 3 * 16 }, (_, i) => (i * 37) & 255));
  return Buffer.concat([png.subarray(0, afterIhdr), plte, png.subarray(afterIhdr)]);
}
