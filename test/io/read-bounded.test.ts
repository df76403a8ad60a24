// The bounded reader behind every whole-file read of a user-named file (--config, --tokens,
// tokenize's --file/--categories, vocabularies, dataset files, images): a device, a FIFO, a
// directory, a missing file and a file over the cap each end at once with one bad-input line
// naming the file, instead of reading /dev/zero until memory runs out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { nodeDatasetFiles } from '../../src/node/dataset-files.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { MAX_TEXT_FILE_BYTES, readBoundedFile, readBoundedText } from '../../src/node/read-bounded.js';

const dir = mkdtempSync(join(tmpdir(), 'fianet-bounded-'));

async function message(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(FianetError);
  expect((e as FianetError).code).toBe('bad-input');
  return (e as FianetError).message;
}

describe('readBoundedFile', () => {
  it('reads a regular file whole', async () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, '{"a": 1}');
    expect(await readBoundedText(path, 'config')).toBe('{"a": 1}');
  });

  it('refuses /dev/zero, a FIFO, a directory and a missing file, naming each', async () => {
    expect(await message(readBoundedText('/dev/zero', 'config'))).toBe('config /dev/zero: not a regular file (a device, pipe or socket)');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await message(readBoundedText(fifo, '--tokens file'))).toBe(`--tokens file ${fifo}: not a regular file (a device, pipe or socket)`);
    expect(await message(readBoundedText(dir, 'config'))).toBe(`config ${dir}: it is a directory, not a file`);
    expect(await message(readBoundedText(join(dir, 'none.json'), 'config'))).toBe(`config ${join(dir, 'none.json')}: no such file`);
  });

  it(`refuses a text file over ${MAX_TEXT_FILE_BYTES / 2 ** 20} MiB and any file over its cap, before reading it`, async () => {
    const big = join(dir, 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_TEXT_FILE_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    expect(await message(readBoundedText(big, 'config'))).toBe(`config ${big}: the file is larger than 64 MiB, more than a valid config needs`);
    expect(await message(readBoundedFile(join(dir, 'ok.json'), 4, { what: 'listing', raise: 'split it' }))).toMatch(/^listing .*ok\.json: the file is larger than 0 MiB, more than a valid listing needs; split it$/);
  });

  it('is what --config (loadSegmenter) and dataset files go through', async () => {
    expect(await message(loadSegmenter({ weights: '/nonexistent.safetensors', config: '/dev/zero' }))).toBe('config /dev/zero: not a regular file (a device, pipe or socket)');
    expect(await message(nodeDatasetFiles(dir).readBytes('/dev/zero'))).toBe('/dev/zero: not a regular file (a device, pipe or socket)');
  });
});
