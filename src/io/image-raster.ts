/**
 * Decoded samples (whatever the codec has: gray, colour or palette indices, 1-16 bits, with or
 * without alpha, any number of bands) to 8-bit RGB, the way the reference's
 * `PIL.Image.open(f).convert('RGB')` does it, so the model sees the same pixels. Codecs hand
 * over runs of pixels as they decode them (a PNG row, a TIFF strip or tile row) so no second
 * full-size raster is ever held.
 *
 * PIL rules replicated (checked against Pillow 9.4 by test/data/images):
 * - 1/2/4-bit gray: v * 255 / (2^bits - 1) (PIL's "1", "L;2", "L;4" unpackers).
 * - 16-bit colour (and gray + alpha): the high byte, v >> 8 (PIL's "RGB;16B" / "LA;16B" style
 *   unpackers keep the most significant byte).
 * - 16-bit gray without alpha: PIL opens it as mode "I" / "I;16" and convert('RGB') *clips* at
 *   255 instead of scaling. We do the same (the model was trained on what PIL produces) and say
 *   so in a warning when it clipped anything, because such images come out mostly white.
 * - palette indices through the palette; an index past its end reads PIL's gray ramp.
 * - alpha is dropped, never blended (convert('RGB') ignores it).
 * - more than three bands (multispectral): the first three are taken as R, G, B, with a warning.
 */
import { FianetError } from '../errors.js';
import type { DecodedImage } from './image-types.js';

export interface PixelFormat {
  /** interleaved samples per pixel, alpha included */
  channels: number;
  /** bits per sample; the samples handed to `put` are one value per array element */
  bits: number;
  /** what the bands mean: one gray band, R, G, B first, or one palette index */
  colour: 'gray' | 'rgb' | 'palette';
  /** one channel after the colour bands is alpha */
  alpha: boolean;
  /** for 'palette': 8-bit R, G, B triples */
  palette?: Uint8Array;
  /** for 'gray': 0 is white (TIFF WhiteIsZero) */
  whiteIsZero?: boolean;
}

/** Accumulates a width x height RGB image from runs of decoded pixels. */
export class RgbWriter {
  readonly rgb: Uint8Array;
  private readonly warnings: string[] = [];
  private readonly toU8: (v: number) => number;
  private readonly clip16: boolean;
  private clipped = 0;

  constructor(
    private readonly format: PixelFormat,
    readonly width: number,
    readonly height: number,
    private readonly label: string,
  ) {
    const bands = format.channels - (format.alpha ? 1 : 0);
    if (bands > 3 || (bands === 3 && format.colour === 'gray')) {
      this.warnings.push(`${label}: the image has ${bands} bands; used the first three as R, G, B`);
    } else if (bands === 2) {
      this.warnings.push(`${label}: the image has 2 bands; used the first as gray`);
    }
    this.clip16 = format.bits === 16 && bands === 1 && !format.alpha && format.colour === 'gray';
    this.toU8 = sampleScaler(format.bits, this.clip16, !!format.whiteIsZero, label);
    this.rgb = new Uint8Array(width * height * 3);
  }

  /**
   * `count` pixels whose samples start at samples[from] (format.channels each), written to
   * output pixels first, first + step, ... (step > 1 for PNG's interlace passes).
   */
  put(samples: ArrayLike<number>, from: number, count: number, first: number, step = 1): void {
    const { channels, colour, palette } = this.format;
    const rgb = this.rgb;
    const toU8 = this.toU8;
    const colourBands = channels - (this.format.alpha ? 1 : 0) >= 3 && colour !== 'palette';
    for (let i = 0, s = from, o = 3 * first; i < count; i++, s += channels, o += 3 * step) {
      if (colour === 'palette') {
        const index = samples[s]!;
        const at = 3 * index;
        const inside = palette !== undefined && at + 2 < palette.length;
        // Past the palette's end PIL reads its default palette there, a gray ramp (i, i, i).
        rgb[o] = inside ? palette[at]! : index;
        rgb[o + 1] = inside ? palette[at + 1]! : index;
        rgb[o + 2] = inside ? palette[at + 2]! : index;
      } else if (colourBands) {
        rgb[o] = toU8(samples[s]!);
        rgb[o + 1] = toU8(samples[s + 1]!);
        rgb[o + 2] = toU8(samples[s + 2]!);
      } else {
        const v = samples[s]!;
        if (this.clip16 && v > 255) this.clipped++;
        rgb[o] = rgb[o + 1] = rgb[o + 2] = toU8(v);
      }
    }
  }

  finish(): DecodedImage {
    if (this.clipped > 0) {
      const share = ((100 * this.clipped) / (this.width * this.height)).toFixed(1);
      this.warnings.push(
        `${this.label}: 16-bit gray image: ${this.clipped} pixels (${share}%) are above 255 and were clipped to 255, ` +
          `as PIL's convert('RGB') does; rescale the image to 8 bits first if that is not what you want`,
      );
    }
    return { width: this.width, height: this.height, rgb: this.rgb, warnings: this.warnings };
  }
}

/** One sample to 8 bits. */
function sampleScaler(bits: number, clip16: boolean, whiteIsZero: boolean, label: string): (v: number) => number {
  if (bits === 16) return clip16 ? (v) => (v > 255 ? 255 : v) : (v) => v >> 8;
  if (bits === 1 || bits === 2 || bits === 4 || bits === 8) {
    const max = (1 << bits) - 1;
    const table = Uint8Array.from({ length: max + 1 }, (_, v) => Math.round(((whiteIsZero ? max - v : v) * 255) / max));
    return (v) => table[v]!;
  }
  throw new FianetError('bad-input', `${label}: ${bits}-bit samples are not supported (supported: 1, 2, 4, 8, 16)`);
}
