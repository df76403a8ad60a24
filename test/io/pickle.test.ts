import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { PyObject, unpickle } from '../../src/io/pickle.js';
import { MAX_NUMPY_ELEMENTS, numpyReducers, plainNumpy } from '../../src/io/pickle-numpy.js';

// numpy values pickled by Python at each protocol, with their values (test/eval/rrsisd-refs.py).
const fixture = JSON.parse(readFileSync(new URL('../eval/rrsisd-refs.json', import.meta.url), 'utf8')) as {
  numpy_values: Record<string, string> & { expected: unknown[] };
};

const enc = (s: string) => [...Buffer.from(s, 'latin1')];
const load = (bytes: number[] | Uint8Array, strEncoding?: 'ascii' | 'utf-8') =>
  unpickle(Uint8Array.from(bytes), { label: 'x.p', reducers: numpyReducers(), strEncoding }).value;
const fails = (bytes: number[] | Uint8Array, message: RegExp) => {
  let error: unknown;
  try {
    load(bytes);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FianetError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message.length).toBeLessThan(400);
};
/** Arrays rebuilt by _reconstruct stay placeholders until asked; JSON-like all the way down. */
const plain = (v: unknown): unknown => {
  const p = plainNumpy(v, (w) => {
    throw new Error(w);
  });
  if (p !== undefined) return plain(p);
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v).replace('Infinity', 'inf');
  return v;
};

describe('safe unpickler: protocols and numpy values', () => {
  it.each([0, 1, 2, 3, 4, 5])('numpy scalars and arrays of every numeric dtype, protocol %i', (p) => {
    const value = load(Buffer.from(fixture.numpy_values[`protocol_${p}`]!, 'base64'));
    expect(plain(value)).toEqual(fixture.numpy_values.expected);
  });

  it('protocol 0 text opcodes as Python 3 reads them', () => {
    const text = "(I00\nI01\nI-17\nI0x1F\nL123456789012345678901L\nF-1.5e-3\nFinf\nS'a\\'b\\x41\\101\\n\\q'\nS\"x'y\"\nVx\\u00e9\\U0001F600\\u005c\np0\ng0\nt.";
    expect(load(enc(text))).toEqual([false, true, -17, 31, 123456789012345678901n, -0.0015, Infinity, "a'bAA\n\\q", "x'y", 'x\u00e9\u{1F600}\\', 'x\u00e9\u{1F600}\\']);
  });

  it('Python 2 str is decoded as ASCII, as pickle.load does; torch-style utf-8 on request', () => {
    fails(enc("S'caf\\xc3\\xa9'\n."), /x\.p: pickle at offset 0: a Python 2 str holds byte 0xc3 at 3: not ASCII/);
    fails([0x55, 2, 0xc3, 0xa9, 0x2e], /holds byte 0xc3/);
    expect(load([0x55, 2, 0xc3, 0xa9, 0x2e], 'utf-8')).toBe('\u00e9');
  });

  it('objects that are not allowlisted stay inert placeholders', () => {
    const v = load(enc("cos\nsystem\n(S'ls'\ntR."));
    expect(v).toBeInstanceOf(PyObject);
    expect((v as PyObject).$class).toBe('os.system');
    const inst = load(enc("(S'x'\nicopy_reg\n_reconstructor\n."));
    expect((inst as PyObject).$class).toBe('copy_reg._reconstructor');
  });
});

describe('safe unpickler: hostile input', () => {
  /** Concatenated input: latin-1 text, byte lists and byte arrays (no spread of big arrays). */
  const bytesOf = (...parts: (string | number[] | Uint8Array)[]) => {
    const chunks = parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Uint8Array.from(p)));
    return new Uint8Array(Buffer.concat(chunks));
  };
  /** Wall time of the parse alone; bounds are loose (a loaded 2-core machine), the old decoder took minutes. */
  const timed = (f: () => void) => {
    const start = performance.now();
    f();
    return performance.now() - start;
  };
  it('a LONG4 of 1 MB and a LONG line of 1 MB digits are refused at once', () => {
    const n = 1 << 20;
    const long4 = bytesOf([0x8b, 0, 0, 0x10, 0], new Uint8Array(n).fill(0x7f), [0x2e]);
    const long = bytesOf(`L${'9'.repeat(n)}L\n.`);
    const float = bytesOf(`F${'1'.repeat(n)}x\n.`);
    const unicode = bytesOf(`V${'\\'.repeat(n + 1)}u\n.`);
    const ms = timed(() => {
      fails(long4, /integer of 1048576 bytes is over the 128-byte limit/);
      fails(long, /integer of 1048576 characters is over the 310-digit limit/);
      fails(float, /float of 1048577 characters is over the 400-character limit/);
      fails(unicode, /bad \\u escape/);
    });
    expect(ms).toBeLessThan(10_000); // 200 KB of LONG4 digits took 19-74 s before
  });

  it('APPENDS of 200k items and deep nesting do not overflow the stack', () => {
    const n = 200_000;
    const bytes = [0x5d, 0x28, ...Array<number>(n).fill(0x4e), 0x65, 0x2e];
    expect((load(bytes) as unknown[]).length).toBe(n);
    const deep = [...Array<number>(100_000).fill(0x28), ...Array<number>(100_000).fill(0x74), 0x2e];
    expect(Array.isArray(load(deep))).toBe(true);
  });

  it('memoized arguments called again and again allocate once, or hit the stated budget', () => {
    const n = 20_000; // 20k x 500 KB = 10 GB if each call allocated
    const len = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24];
    const call = [0x68, 0, 0x68, 1, 0x52]; // BINGET 0 (the callable), BINGET 1 (its arguments), REDUCE
    const calls = (count: number) => new Uint8Array(5 * count).map((_, i) => call[i % 5]!);
    const encode = bytesOf([0x80, 2], 'c_codecs\nencode\n', [0x71, 0, 0x58, ...len(500_000)], new Uint8Array(500_000).fill(0x61));
    const encodeCalls = bytesOf(encode, [0x8c, 6], 'latin1', [0x86, 0x71, 1, 0x28], calls(n), [0x6c, 0x2e]);
    // numpy: one memoized 1M-element array rebuilt five times is over the 4M-element budget
    const m = MAX_NUMPY_ELEMENTS;
    const dtype = `cnumpy\ndtype\n(Vu1\nI00\nI01\ntR(I3\nV|\nNNNI-1\nI-1\nI0\ntb(I${m}\ntVC\nt`;
    const array = bytesOf([0x80, 2], 'cnumpy.core.numeric\n_frombuffer\n', [0x71, 0, 0x28, 0x42, ...len(m)], new Uint8Array(m), dtype, [0x71, 1, 0x52], calls(4), [0x2e]);
    let list: Uint8Array[] = [];
    const ms = timed(() => {
      list = load(encodeCalls) as Uint8Array[];
      fails(array, /numpy arrays hold more than 4194304 elements in all/);
    });
    expect(list).toHaveLength(n);
    expect(list[0]!.length).toBe(500_000);
    expect(list.every((b) => b === list[0])).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });

  it('bad text arguments, refused opcodes and numpy objects outside the allowlist', () => {
    fails(enc('Iabc\n.'), /"abc" is not an integer/);
    fails(enc('I010\n.'), /"010" is not an integer/);
    fails(enc('F1.2.3\n.'), /"1.2.3" is not a float/);
    fails(enc('S"abc\n.'), /the STRING argument is not quoted/);
    fails(enc("S'ab\\x4'\n."), /bad \\x escape/);
    fails(enc('V\\u12\n.'), /bad \\u escape/);
    fails(enc('I1\np-1\n.'), /a PUT index -1 is not a memo index/);
    fails(enc('g7\n.'), /memo entry 7 was never stored/);
    fails(enc('I1'), /truncated \(an INT has no newline\)/);
    fails([0x82, 1, 0x2e], /extension-registry object/);
    fails([0x97, 0x2e], /out-of-band buffer/);
    fails([0xff], /unknown opcode 0xff: not a pickle, or corrupt/);
    fails(enc('Pid\n.'), /persistent id outside a PyTorch archive/);
    // numpy: structured, object, 3-D, oversized arrays and other dtypes are refused
    const dtype = (t: string) => `cnumpy\ndtype\n(V${t}\nI00\nI01\ntR`;
    fails(enc(`${dtype('U8')}.`), /numpy dtype "U8": only bool, int, uint and float dtypes are read/);
    fails(enc(`${dtype('i4')}(I3\nV<\nN(tNI-1\nI-1\nI0\ntb.`), /structured numpy dtypes/);
    const frombuffer = (shape: string, data = "C'\\x00\\x00'") =>
      enc(`\x80\x03cnumpy.core.numeric\n_frombuffer\n(${data.startsWith('C') ? `C\x02\x00\x00` : data}${dtype('u1')}(I3\nV|\nNNNI-1\nI-1\nI0\ntb${shape}VC\ntR.`);
    fails(frombuffer('(I1\nI1\nI2\nt'), /only 1-D and 2-D arrays are read/);
    fails(frombuffer(`(I${MAX_NUMPY_ELEMENTS + 1}\nt`), /over the 1048576-element limit/);
    fails(frombuffer('(I3\nt'), /needs 3 bytes, the pickle has 2/);
    expect(load(frombuffer('(I2\nt'))).toEqual([0, 0]);
    fails(enc(`cnumpy.core.multiarray\n_reconstruct\n(cnumpy\nmatrix\n(I0\ntC\x01btR.`), /only numpy\.ndarray is read/);
    fails(enc(`cnumpy.core.multiarray\n_reconstruct\n(cnumpy\nndarray\n(I0\ntC\x01btR(I1\n(I1\nt${dtype('i1')}(I3\nV|\nNNNI-1\nI-1\nI0\ntbI00\n(I1\nltb.`), /numpy data must be bytes, got \[1\] \(object arrays are not read\)/);
    fails(enc('c_codecs\nencode\n(V\\u0100\nVlatin1\ntR.'), /_codecs\.encode of a str that is not latin-1/);
    fails(enc('c_codecs\nencode\n(Vx\ntR.'), /_codecs\.encode takes \(str, 'latin1'\), got 1 arguments/);
    fails(enc('cnumpy._core.numeric\n_frombuffer\n(tR.'), /numpy _frombuffer takes 4 arguments, the pickle passes 0/);
  });
});
