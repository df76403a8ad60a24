/**
 * The last preprocessing step: torchvision's `ToTensor()` then `Normalize(mean, std)`, giving
 * the model input as NCHW float32. Every operation is rounded to float32 in the same order as
 * PyTorch does it (x / 255, then (x - mean) / std, each a separate float32 op with float32
 * constants), so the tensor matches the reference's `input.image` exactly.
 */
import { FianetError } from '../errors.js';

/** ImageNet statistics, as float32 like torchvision's `torch.as_tensor(mean, dtype=float32)`. */
const MEAN = [0.485, 0.456, 0.406].map(Math.fround);
const STD = [0.229, 0.224, 0.225].map(Math.fround);

// rgb: [height, width, 3] uint8 -> out: [1, 3, height, width] float32
export function normalizeImage(rgb: Uint8Array, width: number, height = width): Float32Array {
  const n = width * height;
  if (rgb.length !== n * 3) {
    throw new FianetError('bad-input', `normalizeImage: got ${rgb.length} bytes, expected ${n * 3} for a ${width} x ${height} RGB image`);
  }
  const out = new Float32Array(3 * n);
  // 256 possible inputs per channel: compute each once, with the float32 rounding of every step.
  for (let c = 0; c < 3; c++) {
    const table = new Float32Array(256);
    for (let v = 0; v < 256; v++) table[v] = Math.fround(Math.fround(Math.fround(v / 255) - MEAN[c]!) / STD[c]!);
    for (let p = 0; p < n; p++) out[c * n + p] = table[rgb[3 * p + c]!]!;
  }
  return out;
}
