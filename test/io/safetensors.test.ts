import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { DTYPE_SIZE, f16BitsToF32, f32ToF16, f32ToF16Bits, f64ToF16Bits } from '../../src/io/dtype.js';
import { bytesSource, blobSource, encodeSafetensors, openSafetensors, type TensorToWrite } from '../../src/io/safetensors.js';
import { fileSource, writeSafetensorsFile } from '../../src/node/safetensors-file.js';
import { describeSafetensors, describeSource } from '../../src/cli/info-file.js';
import { FIXTURES, dataPath } from '../helpers/test-data.js';

const fixtures = dataPath(FIXTURES, '.');
const scratch = await mkdtemp(join(tmpdir(), 'fianet-st-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const concat = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let pos = 0;
  for (const c of chunks) (out.set(c, pos), (pos += c.byteLength));
  return out;
};

/** A safetensors file byte by byte: length prefix (overridable), header text, data. */
function craft(header: string | object, data = new Uint8Array(0), lengthOverride?: bigint): Uint8Array {
  const json = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + json.byteLength + data.byteLength);
  new DataView(out.buffer).setBigUint64(0, lengthOverride ?? BigInt(json.byteLength), true);
  out.set(json, 8);
  out.set(data, 8 + json.byteLength);
  return out;
}

async function expectError(bytes: Uint8Array, ...parts: (string | RegExp)[]): Promise<FianetError> {
  const err = await openSafetensors(bytesSource(bytes, 'broken.safetensors')).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FianetError);
  const message = (err as FianetError).message;
  expect(message).toMatch(/^broken\.safetensors: /);
  for (const p of parts) expect(message).toMatch(p);
  return err as FianetError;
}

// Independent decoders, written from the IEEE 754 definitions rather than shared with the reader.
function halfToNumber(bits: number): number {
  const s = bits >> 15 ? -1 : 1;
  const e = (bits >> 10) & 31;
  const m = bits & 1023;
  if (e === 31) return m ? NaN : s * Infinity;
  return e === 0 ? s * (m / 1024) * 2 ** -14 : s * (1 + m / 1024) * 2 ** (e - 15);
}

describe('safetensors round trip', () => {
  const tensors: TensorToWrite[] = [
    { name: 'f64', dtype: 'F64', shape: [3], data: new Float64Array([1.5, -2.25, 1e300]) },
    { name: 'f32', dtype: 'F32', shape: [2, 2], data: new Float32Array([1, -2, 3.5, 1e-30]) },
    { name: 'f16', dtype: 'F16', shape: [3], data: f32ToF16(new Float32Array([1, -0.5, 65504])) },
    { name: 'bf16', dtype: 'BF16', shape: [2], data: new Uint16Array([0x3f80, 0xc040]) }, // 1, -3
    { name: 'i64', dtype: 'I64', shape: [2], data: new BigInt64Array([-5n, 2147483647n]) },
    { name: 'i32', dtype: 'I32', shape: [1, 2], data: new Int32Array([-7, 9]) },
    { name: 'i16', dtype: 'I16', shape: [1], data: new Int16Array([-300]) },
    { name: 'i8', dtype: 'I8', shape: [2], data: new Int8Array([-128, 127]) },
    { name: 'u16', dtype: 'U16', shape: [1], data: new Uint16Array([65535]) },
    { name: 'u8', dtype: 'U8', shape: [3], data: new Uint8Array([0, 7, 255]) },
    { name: 'bool', dtype: 'BOOL', shape: [3], data: new Uint8Array([1, 0, 1]) },
    { name: 'scalar', dtype: 'F32', shape: [], data: new Float32Array([42]) },
    { name: 'empty', dtype: 'F32', shape: [0, 4], data: new Float32Array(0) },
    { name: '10', dtype: 'F32', shape: [1], data: new Float32Array([10]) }, // integer-like key stays sorted
  ];
  const expectedF32: Record<string, number[]> = {
    f64: [1.5, -2.25, Infinity],
    f32: [1, -2, 3.5, Math.fround(1e-30)],
    f16: [1, -0.5, 65504],
    bf16: [1, -3],
    i64: [-5, 2147483648],
    i32: [-7, 9],
    i16: [-300],
    i8: [-128, 127],
    u16: [65535],
    u8: [0, 7, 255],
    bool: [1, 0, 1],
    scalar: [42],
    empty: [],
    10: [10],
  };

  it('writes a header with sorted keys, space padding, aligned data and reads every dtype back', async () => {
    const bytes = concat(encodeSafetensors(tensors, { b: '2', a: '1' }));
    const headerLen = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLen % 8).toBe(0);
    const headerText = new TextDecoder().decode(bytes.subarray(8, 8 + headerLen));
    expect(headerText.trimEnd()).toBe(headerText.slice(0, headerText.lastIndexOf('}') + 1));
    const keys = [...headerText.matchAll(/"([^"]+)":\{"dtype"/g)].map((m) => m[1]);
    expect(keys).toEqual([...keys].sort());
    expect(headerText.startsWith('{"__metadata__":{"a":"1","b":"2"}')).toBe(true);

    const file = await openSafetensors(bytesSource(bytes, 'rt.safetensors'));
    expect(file.metadata).toEqual({ a: '1', b: '2' });
    for (const t of tensors) {
      const info = file.tensors.get(t.name)!;
      expect(info.dtype).toBe(t.dtype);
      expect(info.shape).toEqual(t.shape);
      // Every tensor starts aligned to its element size.
      expect((file.dataStart + info.dataOffsets[0]) % DTYPE_SIZE[t.dtype]).toBe(0);
      const raw = await file.readRaw(t.name);
      expect([...raw]).toEqual([...new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength)]);
      expect([...(await file.readF32(t.name))]).toEqual(expectedF32[t.name]);
    }
    expect([...(await file.readInt32('i64'))]).toEqual([-5, 2147483647]);
    expect([...(await file.readInt32('bool'))]).toEqual([1, 0, 1]);
    await expect(file.readInt32('f32')).rejects.toThrow(/tensor 'f32': is F32, expected an integer dtype/);
  });

  it('refuses int64 values outside int32 in readInt32', async () => {
    const bytes = concat(encodeSafetensors([{ name: 'big', dtype: 'I64', shape: [1], data: new BigInt64Array([1n << 40n]) }]));
    const file = await openSafetensors(bytesSource(bytes, 'big.safetensors'));
    await expect(file.readInt32('big')).rejects.toThrow(
      /big\.safetensors: tensor 'big': element 0 is 1099511627776, outside the int32 range/,
    );
  });

  it('names close tensors when a name is unknown', async () => {
    const file = await openSafetensors(bytesSource(concat(encodeSafetensors(tensors)), 'rt.safetensors'));
    await expect(file.readF32('f33')).rejects.toThrow(/rt\.safetensors: no tensor 'f33'; close names: 'f32', 'f16', 'f64'/);
  });

  it('reads through a Blob and through a file written atomically', async () => {
    const path = join(scratch, 'out.safetensors');
    await writeSafetensorsFile(path, tensors, { k: 'v' });
    expect((await readdir(scratch)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const onDisk = new Uint8Array(await readFile(path));
    expect(onDisk).toEqual(concat(encodeSafetensors(tensors, { k: 'v' })));
    const blobFile = await openSafetensors(blobSource(new Blob([onDisk]), 'blob'));
    expect([...(await blobFile.readF32('f16'))]).toEqual([1, -0.5, 65504]);
    const source = await fileSource(path);
    const file = await openSafetensors(source);
    expect([...(await file.readF32('bf16'))]).toEqual([1, -3]);
    await source.close?.();
  });

  it('gives every readF32 an array of its own: a file read is viewed, bytes in memory are copied', async () => {
    const path = join(scratch, 'fresh.safetensors');
    await writeSafetensorsFile(path, tensors);
    const source = await fileSource(path);
    const fromFile = await openSafetensors(source);
    const [a, b] = [await fromFile.readF32('f32'), await fromFile.readF32('f32')];
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteLength).toBe(a.buffer.byteLength); // the read's own buffer, not a copy of a larger one
    expect([...a]).toEqual(expectedF32.f32);
    await source.close?.();
    const bytes = concat(encodeSafetensors(tensors));
    const inMemory = await (await openSafetensors(bytesSource(bytes, 'mem'))).readF32('f32');
    expect(inMemory.buffer).not.toBe(bytes.buffer);
    inMemory.fill(0);
    expect([...(await (await openSafetensors(bytesSource(bytes, 'mem'))).readF32('f32'))]).toEqual(expectedF32.f32);
  });

  it('removes the temporary file when writing fails', async () => {
    const path = join(scratch, 'no-such-dir', 'x.safetensors');
    await expect(writeSafetensorsFile(path, tensors)).rejects.toThrow(FianetError);
    const bad = [{ name: 'x', dtype: 'F32' as const, shape: [3], data: new Float32Array(2) }];
    await expect(writeSafetensorsFile(join(scratch, 'bad.safetensors'), bad)).rejects.toThrow(
      /tensor 'x': shape \[3\] x F32 needs 12 bytes, data has 8/,
    );
    expect(await readdir(scratch)).not.toContain('bad.safetensors');
    expect((await readdir(scratch)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('float16 conversion', () => {
  it('round-trips every finite and infinite half exactly', () => {
    for (let h = 0; h < 0x10000; h++) {
      const v = halfToNumber(h);
      if (Number.isNaN(v)) continue;
      expect(f16BitsToF32(h)).toBe(v);
      if (f32ToF16Bits(v) !== h) expect.fail(`half 0x${h.toString(16)} (${v}) came back as 0x${f32ToF16Bits(v).toString(16)}`);
    }
  });

  it('rounds to nearest even, overflows to infinity, keeps NaN', () => {
    expect(f32ToF16Bits(1 + 2 ** -11)).toBe(0x3c00); // halfway, even stays
    expect(f32ToF16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // halfway, odd rounds up
    expect(f32ToF16Bits(65519)).toBe(0x7bff);
    expect(f32ToF16Bits(65520)).toBe(0x7c00);
    expect(f32ToF16Bits(-1e10)).toBe(0xfc00);
    expect(f32ToF16Bits(2 ** -25)).toBe(0); // halfway to the smallest subnormal: even (0)
    expect(f32ToF16Bits(2 ** -25 * 1.5)).toBe(1);
    expect(f32ToF16Bits(2 ** -14 - 2 ** -26)).toBe(0x400); // rounds up into the normals
    expect(Number.isNaN(f16BitsToF32(f32ToF16Bits(NaN)))).toBe(true);
  });

  it('float64 -> float16 rounds once, where going through float32 would round twice', () => {
    // Just off a halfway point by less than float32 resolves: float32 lands on the tie.
    expect(f64ToF16Bits(1 + 2 ** -11 + 2 ** -40)).toBe(0x3c01);
    expect(f64ToF16Bits(1 + 2 ** -11 - 2 ** -40)).toBe(0x3c00);
    expect(f64ToF16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(f64ToF16Bits(-(1 + 3 * 2 ** -11 - 2 ** -40))).toBe(0xbc01);
    expect(f64ToF16Bits(2 ** -25 + 2 ** -60)).toBe(1);
    expect(f64ToF16Bits(65520 - 2 ** -30)).toBe(0x7bff);
    expect(f64ToF16Bits(65520)).toBe(0x7c00);
    expect(f64ToF16Bits(-1e300)).toBe(0xfc00);
    expect(f64ToF16Bits(1e-300)).toBe(0);
    expect(f64ToF16Bits(-1e-300)).toBe(0x8000);
    // Random doubles of every half magnitude against the nearest half found by search.
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 20000; n++) {
      const x = (random() < 0.5 ? -1 : 1) * 2 ** (-26 + 40 * random()) * (1 + random());
      const h0 = f32ToF16Bits(x) & 0x7fff;
      let best = -1;
      for (const h of [h0 - 1, h0, h0 + 1]) {
        if (h < 0 || h > 0x7bff) continue;
        const d = Math.abs(Math.abs(x) - f16BitsToF32(h));
        const db = best < 0 ? Infinity : Math.abs(Math.abs(x) - f16BitsToF32(best));
        if (d < db || (d === db && h % 2 === 0)) best = h;
      }
      const want = (x < 0 ? 0x8000 : 0) | best;
      if (f64ToF16Bits(x) !== want) expect.fail(`${x}: got 0x${f64ToF16Bits(x).toString(16)}, nearest half is 0x${want.toString(16)}`);
    }
  });
});

describe('fixtures', () => {
  it('reads every tensor of tiny/weights.safetensors', async () => {
    const source = await fileSource(join(fixtures, 'tiny/weights.safetensors'));
    const file = await openSafetensors(source);
    expect(file.tensors.size).toBe(458);
    expect(file.metadata.fixture).toBe('tiny');
    const whole = new Uint8Array(await readFile(join(fixtures, 'tiny/weights.safetensors')));
    const view = new DataView(whole.buffer, whole.byteOffset);
    let params = 0;
    for (const [name, info] of file.tensors) {
      const values = await file.readF32(name);
      params += values.length;
      const at = file.dataStart + info.dataOffsets[0];
      const i = values.length - 1; // the last element checks the end of each range
      expect(values[i]).toBe(view.getFloat32(at + 4 * i, true));
    }
    expect(params).toBe(2383278);
    await source.close?.();
  });

  it('reads base480/tensors.safetensors: F16 features widened, I32 and U8 intact', async () => {
    const path = join(fixtures, 'base480/tensors.safetensors');
    const source = await fileSource(path);
    const file = await openSafetensors(source);
    const whole = new Uint8Array(await readFile(path));
    const view = new DataView(whole.buffer, whole.byteOffset);
    for (const [name, info] of file.tensors) {
      const values = await file.readF32(name);
      const at = file.dataStart + info.dataOffsets[0];
      const n = values.length;
      for (const i of [0, 1, n >> 1, n - 1]) {
        const expected =
          info.dtype === 'F16'
            ? halfToNumber(view.getUint16(at + 2 * i, true))
            : info.dtype === 'F32'
              ? view.getFloat32(at + 4 * i, true)
              : info.dtype === 'I32'
                ? view.getInt32(at + 4 * i, true)
                : view.getUint8(at + i);
        expect(values[i], `${name}[${i}]`).toBe(expected);
      }
    }
    // Values printed by numpy from the same file.
    const out3 = await file.readF32('s0.stage3.out');
    expect([out3[0], out3[1], out3[2], out3[out3.length - 1]]).toEqual([-1.287109375, -1.208984375, -1.2197265625, 0.0011911392211914062]);
    expect([...(await file.readInt32('s0.input_ids')).subarray(0, 3)]).toEqual([101, 1996, 10806]);
    await source.close?.();
  });

  it('describes a file as a table with totals and metadata', async () => {
    const text = await describeSafetensors(join(fixtures, 'tiny/weights.safetensors'));
    expect(text).toMatch(/backbone\.patch_embed\.proj\.weight\s+F32\s+\[16, 3, 4, 4\]\s+3,072/);
    expect(text).toMatch(/458 tensors, 2,383,278 parameters, 9,533,112 bytes/);
    expect(text).toMatch(/fixture\s+tiny/);
  });
});

describe('broken files', () => {
  const f32 = (n: number) => new Uint8Array(4 * n);
  const entry = (shape: unknown, offsets: unknown, dtype: unknown = 'F32') => ({ dtype, shape, data_offsets: offsets });

  it('truncated before the length', () => expectError(new Uint8Array(5), /5 bytes, too short/));
  it('header length past the end', () => expectError(craft({}, new Uint8Array(0), 1000n), /header length 1000 runs past the end/));
  it('absurd header length', () => expectError(craft({}, new Uint8Array(0), 1n << 60n), /over the 100000000-byte limit/));
  it('header not JSON', () => expectError(craft('{"a": [1, 2'), /header is not valid JSON/));
  // 'ÿ' is c3 bf in UTF-8; turning c3 into ff leaves an invalid sequence.
  it('header not UTF-8', () =>
    expectError(
      craft('{"\xff":1}').map((b) => (b === 0xc3 ? 0xff : b)),
      /header is not valid UTF-8/,
    ));
  it('JSON not an object', () => expectError(craft('[1, 2, 3]'), /header must be a JSON object, got an array/));
  it('unknown dtype', () => expectError(craft({ w: entry([2], [0, 8], 'F8') }, f32(2)), /tensor 'w': unknown dtype "F8"/));
  it('shape and byte range disagree', () =>
    expectError(
      craft({ 'backbone.norm0.weight': entry([128], [0, 508]) }, f32(128)),
      "tensor 'backbone.norm0.weight': shape [128] x F32 needs 512 bytes, data_offsets give 508",
    ));
  it('range past the end of the data', () =>
    expectError(
      craft({ w: entry([4], [8, 24]) }, f32(4)),
      /tensor 'w': data_offsets \[8, 24\] run past the end of the data area \(16 bytes\)/,
    ));
  it('truncated data', () => expectError(craft({ w: entry([4], [0, 16]) }, f32(3)), /tensor 'w'.*past the end.*truncated/));
  it('overlapping ranges', () =>
    expectError(
      craft({ a: entry([4], [0, 16]), b: entry([2], [8, 16]) }, f32(4)),
      /tensor 'b': data_offsets \[8, 16\] overlap tensor 'a' \[0, 16\]/,
    ));
  it('metadata not strings', () =>
    expectError(craft({ __metadata__: { epoch: 3 } }), /__metadata__ value of 'epoch' must be a string, got 3/));
  it('metadata not an object', () => expectError(craft({ __metadata__: 'x' }), /__metadata__ must be an object/));
  it('negative shape entry', () =>
    expectError(craft({ w: entry([-1], [0, 0]) }), /tensor 'w': shape must be an array of non-negative integers, got \[-1\]/));
  it('float shape entry', () => expectError(craft({ w: entry([1.5], [0, 4]) }, f32(1)), /tensor 'w': shape .* got \[1\.5\]/));
  it('bad data_offsets', () => expectError(craft({ w: entry([1], [4, 0]) }, f32(1)), /tensor 'w': data_offsets must be \[begin, end\]/));
  it('entry not an object', () => expectError(craft({ w: 3 }), /tensor 'w': header entry must be an object/));

  // Hostile headers: each message is one short line, whatever the header nests or claims.
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const short = async (bytes: Uint8Array, message: string | RegExp) => {
    const err = await expectError(bytes, message);
    expect(err.message.length).toBeLessThan(300);
  };
  it('missing dtype says so', () => short(craft({ w: { shape: [1], data_offsets: [0, 4] } }, f32(1)), /tensor 'w': no dtype \(known: F64/));
  it('a shape or data_offsets nested 100k deep', async () => {
    await short(craft(`{"w": {"dtype": "F32", "shape": ${deep(100_000)}, "data_offsets": [0, 4]}}`, f32(1)), "tensor 'w': shape must be an array of non-negative integers, got [[[[...]]]]");
    await short(craft(`{"w": {"dtype": "F32", "shape": [1], "data_offsets": ${deep(100_000)}}}`, f32(1)), /data_offsets must be .*got \[\[\[\[\.\.\.\]\]\]\]$/);
    await short(craft(`{"__metadata__": {"k": ${deep(100_000)}}}`), "__metadata__ value of 'k' must be a string, got [[[[...]]]]");
  });
  it('a shape whose element count is beyond 2^53, and 100k dimensions', async () => {
    await short(craft({ w: entry([2 ** 40, 2 ** 40], [0, 4]) }, f32(1)), /needs more than 2\^53 bytes, data_offsets give 4$/);
    await short(craft({ w: entry(new Array(100_000).fill(1), [0, 8]) }, f32(2)), /shape \[1, 1, 1, 1, 1, 1, 1, 1, \.\.\.\] \(100000 dimensions\) x F32 needs 4 bytes/);
  });
  it('a tensor name with control characters is escaped and cut', () =>
    short(craft({ [`\u001b[2J${'x'.repeat(5000)}`]: 3 }), /tensor '\\u001b\[2Jx{76}\.\.\.': header entry must be an object$/));
});

describe('info and file opening', () => {
  it('info on a file of 140k tensors (no spread of the rows)', async () => {
    const header: Record<string, unknown> = {};
    for (let i = 0; i < 140_000; i++) header[`t${i}`] = { dtype: 'U8', shape: [0], data_offsets: [0, 0] };
    const path = join(scratch, 'many.safetensors');
    await writeFile(path, craft(header));
    const text = await describeSafetensors(path);
    expect(text).toContain('140,000 tensors, 0 parameters, 0 bytes');
  });
  it('info escapes control characters and cuts long names and shapes', async () => {
    const header = {
      [`\u001b[2J${'n'.repeat(1_000_000)}`]: { dtype: 'U8', shape: new Array(1000).fill(1), data_offsets: [0, 1] },
      __metadata__: { ['k\u0007']: `v\r${'x'.repeat(300)}` },
    };
    const text = await describeSource(bytesSource(craft(header, new Uint8Array(1)), 'evil.safetensors'));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text.length).toBeLessThan(2000);
    expect(text).toContain(`\\u001b[2J${'n'.repeat(116)}...  U8     [1, 1, 1,`);
    expect(text).toContain(`  k\\u0007  v\\u000d${'x'.repeat(198)}... (302 chars)`);
  });
  it('a directory or a FIFO-like path is a clear bad-input error', async () => {
    for (const f of [() => fileSource(scratch), () => describeSafetensors(scratch)]) {
      const err = await f().then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(FianetError);
      expect((err as FianetError).message).toBe(`${scratch}: it is a directory, not a file`);
    }
    const dev = await fileSource('/dev/null').then(() => undefined, (e: unknown) => e);
    expect((dev as FianetError).message).toBe('/dev/null: not a regular file (a device or a pipe)');
    const missing = await fileSource(join(scratch, 'nope')).then(() => undefined, (e: unknown) => e);
    expect((missing as FianetError).message).toBe(`${join(scratch, 'nope')}: no such file`);
  });
});
