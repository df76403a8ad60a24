// Node file I/O around the decoder: clear errors for files that cannot be read, and atomic
// writes that never leave a partial or temporary file behind.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    expect((await rejection(readImageFile(path))).message).toBe(`image ${path}: no such file; check the path`);
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
