import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run as convert } from '../../src/cli/convert.js';
import { FianetError } from '../../src/errors.js';
import { f32ToF16 } from '../../src/io/dtype.js';
import { PyGlobal, PyObject, unpickle } from '../../src/io/pickle.js';
import { openPth, readPth } from '../../src/io/pth.js';
import { bytesSource, openSafetensors } from '../../src/io/safetensors.js';
import { crc32 } from '../../src/io/zip.js';
import { fileSource } from '../../src/node/safetensors-file.js';
import { FIXTURES, dataPath } from '../helpers/test-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = dataPath(FIXTURES, '.');
const data = resolve(here, '../data/pth');
const scratch = await mkdtemp(join(tmpdir(), 'fianet-pth-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const load = async (name: string) => new Uint8Array(await readFile(join(data, name)));
const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const expected = JSON.parse(await readFile(join(data, 'expected.json'), 'utf8')) as Record<
  string,
  { dtype: string; shape: number[]; hex: string }
>;

async function failure(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FianetError);
  return (err as FianetError).message;
}

describe('PyTorch checkpoints written by make.py (views, dtypes, shared storages)', () => {
  for (const [file, format, key] of [
    ['views.pth', 'zip', 'model'],
    ['views-proto4.pth', 'zip', 'model'],
    ['views-zip64.pth', 'zip', 'model'],
    ['views-deflated.pth', 'zip', null],
    ['views-legacy.pth', 'legacy', 'model'],
  ] as const) {
    it(`${file}: every tensor matches numpy's contiguous copy`, async () => {
      const { tensors, checkpoint } = await readPth(bytesSource(await load(file), file));
      expect(checkpoint.format).toBe(format);
      expect(checkpoint.stateDictKey).toBe(key);
      expect([...tensors.keys()].sort()).toEqual(Object.keys(expected).sort());
      for (const [name, e] of Object.entries(expected)) {
        const t = tensors.get(name)!;
        expect({ name, dtype: t.dtype, shape: t.shape, hex: hex(t.data) }).toEqual({ name, ...e });
      }
      expect(checkpoint.skipped).toEqual([{ name: 'args', reason: 'not a dense tensor (argparse.Namespace)' }]);
      const info = checkpoint.tensors.get('transposed')!;
      expect(info).toMatchObject({ stride: [1, 6], storageKey: '0', storageOffset: 0 });
    });
  }

  it('picks the state dict by --key and lists the top-level keys when it is missing', async () => {
    const source = bytesSource(await load('views.pth'), 'views.pth');
    expect((await openPth(source, { key: 'optimizer' })).tensors.size).toBe(0);
    expect(await failure(openPth(source, { key: 'state_dict' }))).toBe(
      "views.pth: no state dict under key 'state_dict'; top-level keys: model, epoch, args, optimizer",
    );
  });

  it('never executes anything: os.system stays an inert placeholder', async () => {
    const { tensors, checkpoint } = await readPth(bytesSource(await load('evil.pth'), 'evil.pth'));
    expect([...tensors.keys()]).toEqual(['w']);
    expect(checkpoint.skipped).toEqual([{ name: 'evil', reason: 'not a dense tensor (posix.system)' }]);
    expect(existsSync('/tmp/fianet-pwned')).toBe(false);
  });
});

describe('the tiny fixture checkpoint', () => {
  const pth = join(fixtures, 'tiny/checkpoint_full.pth');

  it('holds exactly the tensors of weights.safetensors plus integer buffers', async () => {
    const source = await fileSource(pth);
    const ckpt = await openPth(source);
    const weightsSource = await fileSource(join(fixtures, 'tiny/weights.safetensors'));
    const weights = await openSafetensors(weightsSource);
    const floats = [...ckpt.tensors.values()].filter((t) => t.dtype === 'F32');
    expect(floats.map((t) => t.name).sort()).toEqual([...weights.tensors.keys()].sort());
    const ints = [...ckpt.tensors.values()].filter((t) => t.dtype !== 'F32').map((t) => t.name.split('.').pop());
    expect(new Set(ints)).toEqual(new Set(['relative_position_index', 'num_batches_tracked']));
    expect(ckpt.topLevelKeys).toEqual(['model', 'optimizer', 'epoch', 'args', 'lr_scheduler', 'best_oIoU']);
    await source.close?.();
    await weightsSource.close?.();
  });

  it('converts to the tensors of weights.safetensors, bit for bit, with the config inferred', async () => {
    const out = join(scratch, 'tiny.safetensors');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await convert([pth, out])).toBe(0);
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    expect(printed).toMatch(/458 tensors, 2,383,278 parameters/);
    expect(printed).toMatch(/skipped 27 entries: 8 x relative_position_index \(integer buffer \(I64\)\), 19 x num_batches_tracked/);

    const got = await openSafetensors(bytesSource(new Uint8Array(await readFile(out)), 'tiny.safetensors'));
    const want = await openSafetensors(bytesSource(new Uint8Array(await readFile(join(fixtures, 'tiny/weights.safetensors'))), 'weights'));
    expect([...got.tensors.keys()]).toEqual([...want.tensors.keys()]);
    for (const [name, info] of want.tensors) {
      expect(got.tensors.get(name)!.shape).toEqual(info.shape);
      expect(got.tensors.get(name)!.dtype).toBe('F32');
      if (hex(await got.readRaw(name)) !== hex(await want.readRaw(name))) expect.fail(`${name} differs`);
    }
    expect(got.metadata.format).toBe('pt');
    const config = JSON.parse(got.metadata.fianet_config!) as { model: Record<string, unknown>; text: Record<string, unknown> };
    const reference = JSON.parse(await readFile(join(fixtures, 'tiny/config.json'), 'utf8')) as typeof config;
    for (const [k, v] of Object.entries(config.model)) expect(v, `model.${k}`).toEqual(reference.model[k]);
    for (const [k, v] of Object.entries(config.text)) expect(v, `text.${k}`).toEqual(reference.text[k]);
    expect(Object.keys(config.model)).toEqual(expect.arrayContaining(['embed_dim', 'depths', 'num_heads', 'window_size', 'num_tmem']));
    expect(Object.keys(config.text)).toEqual(expect.arrayContaining(['hidden', 'layers', 'intermediate', 'vocab_size']));
  });

  it('--fp16 stores rounded halves; --config must agree with the shapes', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = join(scratch, 'tiny16.safetensors');
    expect(await convert([pth, out, '--fp16', '--config', join(fixtures, 'tiny/config.json')])).toBe(0);
    const got = await openSafetensors(bytesSource(new Uint8Array(await readFile(out)), 'tiny16'));
    const name = 'backbone.patch_embed.proj.weight';
    expect(got.tensors.get(name)!.dtype).toBe('F16');
    const want = await openSafetensors(bytesSource(new Uint8Array(await readFile(join(fixtures, 'tiny/weights.safetensors'))), 'weights'));
    expect(hex(await got.readRaw(name))).toBe(hex(new Uint8Array(f32ToF16(await want.readF32(name)).buffer)));
    expect(JSON.parse(got.metadata.fianet_config!).fixture).toBe('tiny');

    const message = await failure(convert([pth, join(scratch, 'x.safetensors'), '--config', join(fixtures, 'small/config.json')]));
    expect(message).toMatch(/small\/config\.json does not match the checkpoint: model\.embed_dim is 32, the weights say 16/);
    expect((await readdir(scratch)).filter((f) => f.startsWith('x.safetensors'))).toEqual([]);
  });
});

describe('malformed checkpoints', () => {
  const open = async (bytes: Uint8Array, label = 'bad.pth') => failure(readPth(bytesSource(bytes, label)));

  it('truncated zip', async () => {
    const bytes = await load('views.pth');
    expect(await open(bytes.subarray(0, bytes.length >> 1))).toMatch(
      /^bad\.pth: not a zip archive \(no end-of-central-directory record\): truncated/,
    );
  });

  it('truncated zip whose directory still points into the missing part', async () => {
    const bytes = await load('views.pth');
    // Keep the directory and end record but drop the data before them.
    const cut = bytes.length - 400;
    const joined = new Uint8Array([...bytes.subarray(0, 100), ...bytes.subarray(cut)]);
    expect(await open(joined)).toMatch(/^bad\.pth: (central directory|entry ').*(past the end|missing or corrupt)/);
  });

  it('wrong magic and empty file', async () => {
    expect(await open(new TextEncoder().encode('hello world'))).toBe(
      "bad.pth: not a PyTorch checkpoint: starts with bytes 68 65 6c 6c, expected a zip ('PK') or a pickle (80)",
    );
    expect(await open(new Uint8Array(0))).toMatch(/starts with bytes \(empty file\)/);
  });

  it('corrupt storage data fails the CRC check', async () => {
    const bytes = (await load('views.pth')).slice();
    const at = Buffer.from(bytes).indexOf('archive/data/0') + 'archive/data/0'.length + 5;
    bytes[at] = bytes[at]! ^ 0xff;
    expect(await open(bytes)).toBe("bad.pth: entry 'archive/data/0': CRC-32 mismatch, the file is corrupt");
  });

  it('an object built by a text opcode (INST) stays an inert placeholder, never a state dict', async () => {
    expect(await open(await load('bad-opcode.pth'))).toBe(
      `bad.pth: 'model' holds a argparse.Namespace, not a state dict (choose another top-level key with --key: model)`,
    );
  });

  it('a storage offset past the end of the storage', async () => {
    expect(await open(await load('bad-offset.pth'))).toBe(
      "bad.pth: tensor 'w': offset 8, size [4], stride [1] reach element 11, past the end of storage '0' (10 elements)",
    );
  });

  it('truncated legacy file', async () => {
    const bytes = await load('views-legacy.pth');
    expect(await open(bytes.subarray(0, bytes.length - 2))).toMatch(
      /^bad\.pth: storage '5': data runs past the end of the file: truncated/,
    );
    expect(await open(bytes.subarray(0, bytes.length - 5))).toMatch(/^bad\.pth: storage '5': truncated before its element count/);
    expect(await open(bytes.subarray(0, 300))).toMatch(/^bad\.pth: pickle at offset \d+: truncated/);
  });
});

describe('unpickler', () => {
  const p = (...parts: (number | string)[]) =>
    new Uint8Array(parts.flatMap((x) => (typeof x === 'number' ? [x] : [...new TextEncoder().encode(x)])));
  const value = (bytes: Uint8Array, options = {}) => unpickle(bytes, { label: 't', ...options }).value;

  it('reads numbers, strings and containers', () => {
    // [LONG1 -2, LONG1 2^64, BINFLOAT 1.5, SHORT_BINUNICODE 'é', NONE, NEWTRUE]
    const bytes = p(
      0x80,
      2,
      ']',
      '(',
      0x8a,
      1,
      0xfe,
      0x8a,
      9,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      'G',
      0x3f,
      0xf8,
      0,
      0,
      0,
      0,
      0,
      0,
      0x8c,
      2,
      0xc3,
      0xa9,
      'N',
      0x88,
      'e',
      '.',
    );
    expect(value(bytes)).toEqual([-2, 1n << 64n, 1.5, 'é', null, true]);
  });

  it('turns unknown classes into placeholders with args and state', () => {
    const bytes = p(0x80, 2, 'c', 'argparse\nNamespace\n', ')', 0x81, '}', 'X', 2, 0, 0, 0, 'lr', 'K', 3, 's', 'b', '.');
    const obj = value(bytes) as PyObject;
    expect(obj).toBeInstanceOf(PyObject);
    expect(obj.$class).toBe('argparse.Namespace');
    expect(obj.state).toEqual(new Map([['lr', 3]]));
    expect(value(p(0x80, 2, 'c', 'torch\nFloatStorage\n', '.'))).toEqual(new PyGlobal('torch', 'FloatStorage'));
  });

  it('reports corrupt pickles with the offset', () => {
    expect(() => value(p(0x80, 2, 'h', 7, '.'))).toThrow('t: pickle at offset 2: memo entry 7 was never stored');
    expect(() => value(p(0x80, 2, 's', '.'))).toThrow('t: pickle at offset 2: stack underflow');
    expect(() => value(p(0x80, 2, 'X', 100, 0, 0, 0, 'ab'))).toThrow('t: pickle at offset 2: truncated (needs 100 more bytes, 2 left)');
    expect(() => value(p(0x80, 2, 'K', 1, 'Q', '.'))).toThrow('t: pickle at offset 4: persistent id outside a PyTorch archive');
    expect(() => value(p(0x80, 2, 'K', 1, ')', 'R', '.'))).toThrow(/offset 5: REDUCE of a number, expected a class or function/);
  });
});

it('crc32 matches the standard check value', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
});
