/**
 * Nearest-neighbour resize of a one-channel mask, exactly like PIL's
 * `Image.resize(size, Image.NEAREST)` (used to bring the S x S mask back to the source size,
 * `--original-size`). PIL implements it as an affine scale (`ImagingScaleAffine` in
 * libImaging/Geometry.c): the source coordinate starts at scale / 2 and is advanced by
 * *repeated addition* of scale, then truncated. The accumulated rounding of that addition
 * decides some picks on large images, so we accumulate the same way instead of multiplying.
 */
import { FianetError } from '../errors.js';

// mask: [height, width] -> out: [outHeight, outWidth]
export function resizeMaskNearest(mask: Uint8Array, width: number, height: number, outWidth: number, outHeight: number): Uint8Array {
  if (mask.length !== width * height) {
    throw new FianetError('bad-input', `resizeMaskNearest: mask has ${mask.length} values, expected ${width} x ${height}`);
  }
  const xs = nearestIndices(width, outWidth);
  const ys = nearestIndices(height, outHeight);
  const out = new Uint8Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const row = ys[y]! * width;
    for (let x = 0; x < outWidth; x++) out[y * outWidth + x] = mask[row + xs[x]!]!;
  }
  return out;
}

/** PIL's source index for each output position along one axis. */
export function nearestIndices(inSize: number, outSize: number): Int32Array {
  const scale = inSize / outSize;
  const index = new Int32Array(outSize);
  let pos = scale * 0.5;
  for (let i = 0; i < outSize; i++) {
    // COORD(v): v < 0 ? -1 : (int)v. Positions stay inside [0, inSize) for a whole-image box,
    // but clamp so float drift can never index outside the mask.
    index[i] = Math.min(Math.trunc(pos), inSize - 1);
    pos += scale;
  }
  return index;
}
