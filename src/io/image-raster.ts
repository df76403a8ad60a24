/**
 * From a decoded raster (whatever the codec gave: gray or colour, 1-16 bits, with or without
 * alpha, any number of bands) to 8-bit RGB, the way the reference's
 * `PIL.Image.open(f).convert('RGB')` does it, so the model sees the same pixels.
 *
 * PIL rules replicated (checked against Pillow 9.4):
 * - 1/2/4-bit gray: v * 255 / (2^bits - 1) (PIL's "1", "L;2", "L;4" unpackers).
 * - 16-bit colour (and gray + alpha): the high byte, v >> 8 (PIL's "RGB;16B" / "LA;16B" style
 *   unpackers keep the most significant byte).
 * - 16-bit gray without alpha: PIL opens it as mode "I" / "I;16" and convert('RGB') *clips* at
 *   255 instead of scaling. We do the same (the model was trained on what PIL produces) and say
 *   so in a warning when it clipped anything, because such images come out mostly white.
 * - alpha is dropped, never blended (convert('RGB') ignores it).
 * - more than three bands (multispectral): the first three are taken as R, G, B, with a warning.
 */
import { FianetError } from '../errors.js';
import type { DecodedImage } from './image-types.js';

export interface Raster {
  width: number;
  height: number;
  /** interleaved samples per pixel, alpha included */
  channels: number;
  /** bits per sample; samples below 8 bits are already one value per array element */
  bits: number;
  data: ArrayLike<number>;
  /** what the bands mean: one gray band, or R, G, B first */
  colour: 'gray' | 'rgb';
  /** one channel after the colour bands is alpha */
  alpha: boolean;
}

export function rasterToRgb(r: Raster, label: string): DecodedImage {
  const { width, height, channels, bits, data } = r;
  const warnings: string[] = [];
  const bands = channels - (r.alpha ? 1 : 0);
  const rgbBands = bands >= 3;
  if (bands > 3 || (bands === 3 && r.colour === 'gray')) {
    warnings.push(`${label}: the image has ${bands} bands; used the first three as R, G, B`);
  } else if (bands === 2) {
    warnings.push(`${label}: the image has 2 bands; used the first as gray`);
  }

  // PIL opens plain 16-bit gray as mode "I" and convert('RGB') clips it (see above).
  const clip16 = bits === 16 && bands === 1 && !r.alpha;
  const toU8 = sampleScaler(bits, clip16, label);
  const n = width * height;
  const rgb = new Uint8Array(n * 3);
  let clipped = 0;
  for (let p = 0; p < n; p++) {
    const s = p * channels;
    if (rgbBands) {
      rgb[3 * p] = toU8(data[s]!);
      rgb[3 * p + 1] = toU8(data[s + 1]!);
      rgb[3 * p + 2] = toU8(data[s + 2]!);
    } else {
      const v = data[s]!;
      if (clip16 && v > 255) clipped++;
      rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = toU8(v);
    }
  }
  if (clipped > 0) {
    const share = ((100 * clipped) / n).toFixed(1);
    warnings.push(
      `${label}: 16-bit gray image: ${clipped} pixels (${share}%) are above 255 and were clipped to 255, ` +
        `as PIL's convert('RGB') does; rescale the image to 8 bits first if that is not what you want`,
    );
  }
  return { width, height, rgb, warnings };
}

/** One sample to 8 bits. */
function sampleScaler(bits: number, clip16: boolean, label: string): (v: number) => number {
  if (bits === 8) return (v) => v;
  if (bits === 16) return clip16 ? (v) => (v > 255 ? 255 : v) : (v) => v >> 8;
  if (bits === 1 || bits === 2 || bits === 4) {
    const scale = 255 / ((1 << bits) - 1);
    return (v) => v * scale;
  }
  throw new FianetError('bad-input', `${label}: ${bits}-bit samples are not supported (supported: 1, 2, 4, 8, 16)`);
}
