// Node file I/O around the decoder: clear errors for files that cannot be read, and atomic
// writes that never leave a partial or temporary file behind.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { encodeMaskPng } from '../../src/io/png-encode.js';
import { writeFileAtomic } from '../../src/node/atomic-write.js';
import { readImageFile } from '../../src/node/image-file.js';

const dir = mkdtempSync(join(tmpdir(), 'fianet-image-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(p: Promise<unknown>): Promise<FianetError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FianetError);
  expect((e as FianetError).code).toBe('bad-input');
  return e as FianetError;
}

describe('readImageFile', () => {
  it('decodes a PNG, whatever its extension', async () => {
    const path = join(dir, 'mask.tif');
    writeFileSync(path, encodeMaskPng(Uint8Array.of(0, 1), 2, 1));
    const img = await readImageFile(path);
    expect([img.width, img.height, Array.from(img.rgb)]).toEqual([2, 1, [0, 0, 0, 255, 255, 255]]);
  });

  it('names a missing file', async () => {
    const path = join(dir, 'nope.png');
    expect((await rejection(readImageFile(path))).message).toBe(`image ${path}: no such file`);
  });

  it('refuses a directory', async () => {
    expect((await rejection(readImageFile(dir))).message).toMatch(/is a directory/);
  });

  it('names the file when the format is unsupported', async () => {
    const path = join(dir, 'photo.bmp');
    writeFileSync(path, Uint8Array.of(0x42, 0x4d, 1, 2, 3, 4, 5, 6, 7));
    expect((await rejection(readImageFile(path))).message).toMatch(/photo\.bmp: BMP images are not supported/);
  });
});

describe('writeFileAtomic', () => {
  it('writes one buffer or several chunks, replacing an existing file', async () => {
    const path = join(dir, 'out.bin');
    writeFileSync(path, 'old content that is longer');
    await writeFileAtomic(path, Uint8Array.of(1, 2, 3));
    expect(Array.from(readFileSync(path))).toEqual([1, 2, 3]);
    await writeFileAtomic(path, [Uint8Array.of(4), Uint8Array.of(5, 6)]);
    expect(Array.from(readFileSync(path))).toEqual([4, 5, 6]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with the path and removes its temporary file', async () => {
    // The rename onto an existing directory fails after the temporary file was written.
    const target = join(dir, 'taken');
    mkdirSync(target);
    expect((await rejection(writeFileAtomic(target, Uint8Array.of(1)))).message).toMatch(/taken: cannot write/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await rejection(writeFileAtomic(join(dir, 'no-such-dir', 'x.png'), Uint8Array.of(1)))).message).toMatch(/ENOENT/);
  });
});

describe('readImageFile refuses what is not a bounded regular file', () => {
  it('a character device such as /dev/zero, at once', async () => {
    const start = performance.now();
    expect((await rejection(readImageFile('/dev/zero'))).message).toBe(
      'image /dev/zero: not a regular file (a device, pipe or socket)',
    );
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('a FIFO with no writer, without hanging', async () => {
    const fifo = join(dir, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    expect((await rejection(readImageFile(fifo))).message).toMatch(/pipe\.png: not a regular file/);
  });

  it('a 10 GB file (sparse), from its size, without reading it', async () => {
    const big = join(dir, 'huge.tif');
    writeFileSync(big, '');
    truncateSync(big, 10e9);
    const start = performance.now();
    expect((await rejection(readImageFile(big))).message).toBe(
      `image ${big}: the file is larger than 779 MiB, more than a valid image needs; raise --max-pixels if it is genuine`,
    );
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('the size cap follows the pixel limit, and the limit reaches the decoder', async () => {
    const path = join(dir, 'five.png');
    writeFileSync(path, encodeMaskPng(new Uint8Array(5), 5, 1));
    expect((await readImageFile(path, { maxPixels: 5 })).width).toBe(5);
    expect((await rejection(readImageFile(path, { maxPixels: 4 }))).message).toMatch(/five\.png: the image is 5 x 1 pixels, over the limit/);
    // 8 bytes per pixel + 16 MiB: a file just over that is refused unread.
    writeFileSync(path, '');
    truncateSync(path, 8 * 1000 + 16 * 2 ** 20 + 1);
    expect((await rejection(readImageFile(path, { maxPixels: 1000 }))).message).toMatch(/larger than 16 MiB/);
  });
});
