/**
 * Element types of stored tensors (safetensors names) and the conversions the loaders need:
 * half/bfloat16 <-> float32, integers -> int32. Data is little-endian on every host that
 * runs WebGPU, so typed-array views over file bytes read the right values.
 */
import { FianetError } from '../errors.js';

export type Dtype = 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U16' | 'U8' | 'BOOL';

export const DTYPE_SIZE: Readonly<Record<Dtype, number>> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U16: 2,
  U8: 1,
  BOOL: 1,
};

export function isDtype(value: unknown): value is Dtype {
  return typeof value === 'string' && Object.hasOwn(DTYPE_SIZE, value);
}

export function isFloatDtype(dtype: Dtype): boolean {
  return dtype === 'F64' || dtype === 'F32' || dtype === 'F16' || dtype === 'BF16';
}

/** Number of elements; 1 for a scalar (shape []). */
export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

// Shared scratch for bit casts between float32 and its bits.
const castF32 = new Float32Array(1);
const castU32 = new Uint32Array(castF32.buffer);

export function f16BitsToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

/** float32 -> float16 bits, rounding to nearest even like numpy and torch `.half()`. */
export function f32ToF16Bits(x: number): number {
  castF32[0] = x;
  const b = castU32[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  const mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 | (mant >>> 13) : 0);
  const e = exp - 112; // rebias 127 -> 15
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half: the value in units of 2^-24, with the implicit leading 1.
    const shift = 126 - exp;
    if (shift > 24) return sign;
    const m = mant | 0x800000;
    let h = m >>> shift;
    const rem = m & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rem > halfway || (rem === halfway && h & 1)) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  // A carry out of the mantissa bumps the exponent, up to infinity: the right result.
  if (rem > 0x1000 || (rem === 0x1000 && h & 1)) h++;
  return sign | h;
}

/**
 * float64 -> float16 bits, rounded once to nearest even (e.g. BatchNorm folded in float64).
 * Rounding to float32 "to odd" first (truncate, then set the last bit when inexact) keeps
 * the sticky information, so the float32 -> float16 rounding that follows is the single
 * correct one: float32 carries 13 more bits than float16 needs.
 */
export function f64ToF16Bits(x: number): number {
  castF32[0] = x;
  if (castF32[0] !== x && Number.isFinite(x)) {
    if (Math.abs(castF32[0]) > Math.abs(x)) castU32[0]--; // the float32 just below |x|
    castU32[0] |= 1;
  }
  return f32ToF16Bits(castF32[0]);
}

export function f32ToF16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f32ToF16Bits(values[i]!);
  return out;
}

/**
 * float32 values -> float16 (nearest even) packed two per u32 word, element 2i in the low half:
 * what WGSL's unpack2x16float reads (little-endian hosts). A finite value beyond the float16
 * range is refused (it would become infinity): `where` names the tensor. Written into `into`
 * when given (an odd count leaves its last high half as it is: zero in a fresh buffer).
 */
export function packF16(values: ArrayLike<number>, where: string, into = new Uint32Array(Math.ceil(values.length / 2))): Uint32Array {
  const halves = new Uint16Array(into.buffer, into.byteOffset, values.length + (values.length % 2));
  for (let i = 0; i < values.length; i++) {
    const h = f32ToF16Bits(values[i]!);
    if ((h & 0x7fff) === 0x7c00 && Number.isFinite(values[i])) {
      throw new FianetError('bad-weights', `${where}: element ${i} is ${values[i]}, beyond the float16 range (65504); load it with weights dtype f32`);
    }
    halves[i] = h;
  }
  return into;
}

/** A typed-array view needs an aligned offset; copy the bytes when they are not. */
function aligned(bytes: Uint8Array, size: number): Uint8Array {
  return bytes.byteOffset % size === 0 ? bytes : bytes.slice();
}

/**
 * Decode little-endian elements of `dtype` to a fresh Float32Array. `owned`: the caller gives up
 * `bytes` (a read into a buffer of its own), so aligned F32 bytes are viewed, not copied.
 */
export function toFloat32(dtype: Dtype, bytes: Uint8Array, owned = false): Float32Array {
  const n = bytes.byteLength / DTYPE_SIZE[dtype];
  const b = aligned(bytes, DTYPE_SIZE[dtype]);
  const { buffer, byteOffset } = b;
  switch (dtype) {
    case 'F32':
      return owned ? new Float32Array(buffer, byteOffset, n) : new Float32Array(buffer.slice(byteOffset, byteOffset + b.byteLength));
    case 'F16': {
      const src = new Uint16Array(buffer, byteOffset, n);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = f16BitsToF32(src[i]!);
      return out;
    }
    case 'BF16': {
      // bfloat16 is the top half of a float32.
      const src = new Uint16Array(buffer, byteOffset, n);
      const out = new Float32Array(n);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < n; i++) bits[i] = src[i]! << 16;
      return out;
    }
    case 'F64':
      return Float32Array.from(new Float64Array(buffer, byteOffset, n));
    case 'I64':
      return Float32Array.from(new BigInt64Array(buffer, byteOffset, n), Number);
    case 'I32':
      return Float32Array.from(new Int32Array(buffer, byteOffset, n));
    case 'I16':
      return Float32Array.from(new Int16Array(buffer, byteOffset, n));
    case 'U16':
      return Float32Array.from(new Uint16Array(buffer, byteOffset, n));
    case 'I8':
      return Float32Array.from(new Int8Array(buffer, byteOffset, n));
    case 'U8':
    case 'BOOL':
      return Float32Array.from(b);
  }
}

/**
 * Decode integer elements to a fresh Int32Array. `where` names the tensor for errors:
 * float data and int64 values outside the int32 range are refused rather than mangled.
 */
export function toInt32(dtype: Dtype, bytes: Uint8Array, where: string): Int32Array {
  const n = bytes.byteLength / DTYPE_SIZE[dtype];
  const b = aligned(bytes, DTYPE_SIZE[dtype]);
  const { buffer, byteOffset } = b;
  switch (dtype) {
    case 'I32':
      return new Int32Array(buffer.slice(byteOffset, byteOffset + b.byteLength));
    case 'I64': {
      const src = new BigInt64Array(buffer, byteOffset, n);
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = src[i]!;
        if (v > 2147483647n || v < -2147483648n) {
          throw new FianetError('bad-weights', `${where}: element ${i} is ${v}, outside the int32 range`);
        }
        out[i] = Number(v);
      }
      return out;
    }
    case 'I16':
      return Int32Array.from(new Int16Array(buffer, byteOffset, n));
    case 'U16':
      return Int32Array.from(new Uint16Array(buffer, byteOffset, n));
    case 'I8':
      return Int32Array.from(new Int8Array(buffer, byteOffset, n));
    case 'U8':
    case 'BOOL':
      return Int32Array.from(b);
    default:
      throw new FianetError('bad-weights', `${where}: is ${dtype}, expected an integer dtype`);
  }
}
