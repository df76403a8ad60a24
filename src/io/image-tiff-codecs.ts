/**
 * TIFF strip and tile decompression: none, LZW (TIFF 6.0 section 13), Deflate (Adobe, zlib)
 * and PackBits (section 9). The size each strip or tile must decompress to follows from the
 * directory (rows x row bytes), so every codec writes into a buffer that grows with the real
 * output but never past that size: a 1 MB strip that would expand to gigabytes is refused at
 * the first byte too many, not after allocating it.
 */
import { FianetError } from '../errors.js';
import { inflateBounded, MAX_DEFLATE_RATIO } from './image-inflate.js';

export const COMPRESSIONS: Record<number, string> = { 1: 'none', 5: 'LZW', 8: 'Deflate', 32946: 'Deflate', 32773: 'PackBits' };

/**
 * The most output one stored byte can give: PackBits 2 bytes -> 128; deflate ~1032; LZW a 9-bit
 * code can name a string of up to 3839 bytes (4096 codes less the 258 reserved, one byte
 * longer each), ~3412 per byte: 3500 with margin.
 */
export const MAX_RATIO: Record<number, number> = { 1: 1, 5: 3500, 8: MAX_DEFLATE_RATIO, 32946: MAX_DEFLATE_RATIO, 32773: 64 };

/** `data` decompressed to exactly `expected` bytes; `what` names the strip or tile in messages. */
export function decompress(compression: number, data: Uint8Array, expected: number, what: string): Uint8Array {
  if (compression === 1) {
    if (data.length < expected) throw new FianetError('bad-input', `${what} holds ${data.length} bytes, expected ${expected}; the file is truncated`);
    return data.subarray(0, expected);
  }
  const out = new BoundedOutput(expected, what);
  if (compression === 5) lzw(data, out, what);
  else if (compression === 32773) packBits(data, out);
  else inflateBounded([data], expected, (chunk) => out.write(chunk), what);
  return out.finish();
}

/** A byte buffer that doubles as it fills, up to `expected` bytes and never beyond. */
class BoundedOutput {
  private buf: Uint8Array;
  length = 0;

  constructor(
    readonly expected: number,
    private readonly what: string,
  ) {
    this.buf = new Uint8Array(Math.min(expected, 1 << 16));
  }

  /** Room for `n` more bytes; returns where they go. */
  reserve(n: number): number {
    const at = this.length;
    if (at + n > this.expected) {
      throw new FianetError('bad-input', `${this.what} decompresses to more than the ${this.expected} bytes its size implies; the file is corrupt`);
    }
    if (at + n > this.buf.length) {
      const grown = new Uint8Array(Math.min(this.expected, Math.max(at + n, 2 * this.buf.length)));
      grown.set(this.buf.subarray(0, at));
      this.buf = grown;
    }
    this.length += n;
    return at;
  }

  write(bytes: Uint8Array): void {
    const at = this.reserve(bytes.length); // may replace this.buf: reserve before reading it
    this.buf.set(bytes, at);
  }

  get bytes(): Uint8Array {
    return this.buf;
  }

  finish(): Uint8Array {
    if (this.length < this.expected) {
      throw new FianetError('bad-input', `${this.what} decompresses to ${this.length} bytes, expected ${this.expected}; the file is truncated or corrupt`);
    }
    return this.buf;
  }
}

/** PackBits: a header byte n, then n + 1 literal bytes (n >= 0) or one byte repeated 1 - n times. */
function packBits(data: Uint8Array, out: BoundedOutput): void {
  let at = 0;
  while (at < data.length && out.length < out.expected) {
    const n = (data[at++]! << 24) >> 24;
    if (n >= 0) {
      out.write(data.subarray(at, at + n + 1));
      at += n + 1;
    } else if (n !== -128) {
      const to = out.reserve(1 - n);
      out.bytes.fill(data[at++] ?? 0, to, to + 1 - n);
    }
  }
}

const CLEAR = 256;
const EOI = 257;

/** TIFF LZW: MSB-first codes of 9 to 12 bits, widened one code early (as libtiff does). */
function lzw(data: Uint8Array, out: BoundedOutput, what: string): void {
  if (data.length >= 2 && data[0] === 0 && (data[1]! & 1) === 1) {
    throw new FianetError('bad-input', `${what} uses the old (pre-TIFF 6.0) LZW variant, which is not supported`);
  }
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const first = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) [suffix[i], length[i], first[i], prefix[i]] = [i, 1, i, -1];
  let next = 258;
  let width = 9;
  let old = -1;
  let bitPos = 0;
  const totalBits = data.length * 8;

  const emit = (code: number): void => {
    const n = length[code]!;
    const at = out.reserve(n);
    const bytes = out.bytes;
    for (let i = n - 1, c = code; i >= 0; i--, c = prefix[c]!) bytes[at + i] = suffix[c]!;
  };

  while (bitPos + width <= totalBits) {
    let code = 0;
    for (let b = 0; b < width; b++, bitPos++) code = (code << 1) | ((data[bitPos >> 3]! >> (7 - (bitPos & 7))) & 1);
    if (code === EOI) return;
    if (code === CLEAR) {
      [next, width, old] = [258, 9, -1];
      continue;
    }
    if (old === -1) {
      if (code > 255) throw new FianetError('bad-input', `${what}: invalid LZW code ${code} after a reset; the file is corrupt`);
      emit(code);
      old = code;
      continue;
    }
    if (code > next || next >= 4096) throw new FianetError('bad-input', `${what}: invalid LZW code ${code}; the file is corrupt`);
    // The new entry is the previous string plus the first byte of this one (of itself when new).
    prefix[next] = old;
    suffix[next] = first[code === next ? old : code]!;
    length[next] = length[old]! + 1;
    first[next] = first[old]!;
    next++;
    emit(code);
    old = code;
    if (next >= (1 << width) - 1 && width < 12) width++;
  }
}
