/**
 * The arguments of pickle's text opcodes (protocol 0, what Python 2 wrote by default), decoded
 * as Python 3's `pickle.load` decodes them: INT/LONG/FLOAT/PUT/GET lines, STRING's quoted
 * `codecs.escape_decode` literal, UNICODE's raw-unicode-escape line, and Python 2 `str`
 * (STRING, BINSTRING, SHORT_BINSTRING) decoded with `pickle.load`'s default encoding, ASCII,
 * strictly, and Python 3 `bytes` as protocols 0-2 write them (a call to `_codecs.encode`).
 * The decoders return a value or a reason; none throws.
 */
import { quote } from '../errors.js';
import type { Reducer } from './pickle.js';

/** Python ints wider than this many bytes (or decimal digits) are refused: no data needs them, and big-integer decoding is superlinear. */
export const MAX_INT_BYTES = 128;
export const MAX_INT_DIGITS = 310;
const MAX_FLOAT_CHARS = 400;

export type Decoded<T> = { value: T } | { error: string };

/** int(text, 0) as Python reads an INT or LONG line: sign, decimal or 0x/0o/0b digits, underscores between digits. */
export function parseIntLine(text: string): Decoded<number | bigint> {
  const t = text.trim();
  if (t.length > MAX_INT_DIGITS + 3) return { error: `integer of ${t.length} characters is over the ${MAX_INT_DIGITS}-digit limit` };
  const m = /^([+-]?)(?:0([xob])(_?[0-9a-f]+(?:_[0-9a-f]+)*)|(0+(?:_0+)*|[1-9](?:_?[0-9])*))$/i.exec(t);
  if (!m) return { error: `${quote(t)} is not an integer` };
  const base = m[2] ? { x: 16, o: 8, b: 2 }[m[2].toLowerCase() as 'x' | 'o' | 'b'] : 10;
  const digits = (m[3] ?? m[4]!).replace(/_/g, '');
  if (digits.split('').some((c) => parseInt(c, 16) >= base)) return { error: `${quote(t)} is not an integer` };
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const v = BigInt(prefix + digits) * (m[1] === '-' ? -1n : 1n);
  return { value: v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v };
}

/** float(text) for a FLOAT line: Python's repr of a float, inf and nan included. */
export function parseFloatLine(text: string): Decoded<number> {
  const t = text.trim();
  // repr() of a float is at most ~25 characters; a long line would make the pattern below backtrack.
  if (t.length > MAX_FLOAT_CHARS) return { error: `float of ${t.length} characters is over the ${MAX_FLOAT_CHARS}-character limit` };
  if (/^[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)$/i.test(t)) return { value: Number(t) };
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (special) return { value: special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity };
  return { error: `${quote(t)} is not a float` };
}

/** Little-endian two's complement (LONG1 / LONG4), at most MAX_INT_BYTES bytes. */
export function signedLE(b: Uint8Array): Decoded<number | bigint> {
  if (b.length > MAX_INT_BYTES) return { error: `integer of ${b.length} bytes is over the ${MAX_INT_BYTES}-byte limit` };
  let hex = '';
  for (let i = b.length - 1; i >= 0; i--) hex += b[i]!.toString(16).padStart(2, '0');
  let v = b.length ? BigInt(`0x${hex}`) : 0n;
  if (b.length > 0 && b[b.length - 1]! & 0x80) v -= 1n << BigInt(8 * b.length);
  return { value: v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v };
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { '\\': 0x5c, "'": 0x27, '"': 0x22, a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** STRING's argument: a quoted Python 2 str literal, unquoted with codecs.escape_decode. */
export function stringLiteral(line: Uint8Array): Decoded<Uint8Array> {
  const q = line[0];
  if (line.length < 2 || (q !== 0x27 && q !== 0x22) || line[line.length - 1] !== q) return { error: 'the STRING argument is not quoted' };
  const out = new Uint8Array(line.length);
  let n = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i]!;
    if (c !== 0x5c) {
      out[n++] = c;
      continue;
    }
    if (++i >= line.length - 1) return { error: 'the STRING argument ends with a lone backslash' };
    const e = String.fromCharCode(line[i]!);
    if (e === '\n') continue;
    if (SIMPLE_ESCAPES[e] !== undefined) {
      out[n++] = SIMPLE_ESCAPES[e]!;
    } else if (e >= '0' && e <= '7') {
      let v = 0;
      for (let k = 0; k < 3 && i < line.length - 1 && line[i]! >= 0x30 && line[i]! <= 0x37; k++) v = v * 8 + line[i++]! - 0x30;
      i--;
      out[n++] = v & 0xff;
    } else if (e === 'x') {
      const hex = String.fromCharCode(line[i + 1] ?? 0, line[i + 2] ?? 0);
      if (i + 2 >= line.length - 1 || !/^[0-9a-f]{2}$/i.test(hex)) return { error: 'the STRING argument has a bad \\x escape' };
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      out[n++] = 0x5c;
      out[n++] = line[i]!;
    }
  }
  return { value: out.subarray(0, n) };
}

/** UNICODE's argument: latin-1 bytes with \uXXXX and \UXXXXXXXX escapes (after an odd run of backslashes). */
export function rawUnicodeEscape(line: Uint8Array): Decoded<string> {
  const parts: string[] = [];
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const width = c === 0x75 ? 4 : c === 0x55 ? 8 : 0;
    if (width && run % 2 === 1) {
      const hex = new TextDecoder('latin1').decode(line.subarray(i + 1, i + 1 + width));
      const cp = /^[0-9a-f]+$/i.test(hex) && hex.length === width ? parseInt(hex, 16) : -1;
      if (cp < 0 || cp > 0x10ffff) return { error: `the UNICODE argument has a bad \\${String.fromCharCode(c)} escape` };
      parts.pop(); // the backslash that opened the escape
      parts.push(String.fromCodePoint(cp));
      i += width;
      run = 0;
      continue;
    }
    run = c === 0x5c ? run + 1 : 0;
    parts.push(String.fromCharCode(c));
  }
  return { value: parts.join('') };
}

/**
 * Python 3 `bytes` pickled at protocols 0-2: `_codecs.encode(latin1_text, 'latin1')`, or `bytes()`
 * when empty. One set per unpickling: equal texts share one result (bytes are immutable), so
 * a pickle that calls encode a million times on one memoized text allocates it once.
 */
export function bytesReducers(): Record<string, Reducer> {
  const made = new Map<string, Uint8Array>();
  const empty: Reducer = (args, fail) => (args.length === 0 ? new Uint8Array(0) : fail('bytes() with arguments'));
  return {
    '_codecs.encode': (args, fail) => {
      if (args.length !== 2) return fail(`_codecs.encode takes (str, 'latin1'), got ${args.length} arguments`);
      const [text, encoding] = args;
      if (typeof text !== 'string' || (encoding !== 'latin1' && encoding !== 'latin-1')) return fail(`_codecs.encode of ${quote([text, encoding])}, expected (str, 'latin1')`);
      const known = made.get(text);
      if (known) return known;
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c > 0xff) return fail('_codecs.encode of a str that is not latin-1');
        out[i] = c;
      }
      made.set(text, out);
      return out;
    },
    '__builtin__.bytes': empty,
    'builtins.bytes': empty,
  };
}

export type StrEncoding = 'ascii' | 'utf-8' | 'latin1';

/** A Python 2 str as Python 3's Unpickler(encoding=...) decodes it, errors='strict'. */
export function py2Str(bytes: Uint8Array, encoding: StrEncoding): Decoded<string> {
  if (encoding === 'ascii') {
    const bad = bytes.findIndex((b) => b > 0x7f);
    if (bad >= 0) {
      return { error: `a Python 2 str holds byte 0x${bytes[bad]!.toString(16)} at ${bad}: not ASCII, which Python 3's pickle.load (encoding='ASCII') refuses too` };
    }
  }
  try {
    return { value: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { error: `a Python 2 str is not valid ${encoding}` };
  }
}
