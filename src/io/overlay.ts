/**
 * A picture for people, not for metrics: the image with the predicted mask tinted red and
 * its boundary drawn in yellow, so a thin or small object stays visible and the mask's edge
 * can be judged against the image. The mask is brought to the image's size with PIL-style
 * nearest resizing, the same mapping `--original-size` uses.
 */
import { FianetError } from '../errors.js';
import type { RgbImage } from './image-types.js';
import { resizeMaskNearest } from './mask-resize.js';
import { encodeRgbPng } from './png-encode.js';

const TINT = [255, 0, 0];
/** Share of the tint colour in a masked pixel: strong enough to see, weak enough to see through. */
const TINT_ALPHA = 0.45;
const OUTLINE = [255, 255, 0];

// image: [H, W, 3]; mask: [maskHeight, maskWidth], nonzero = object -> [H, W, 3]
export function renderOverlay(image: RgbImage, mask: Uint8Array, maskWidth: number, maskHeight: number): RgbImage {
  const { width, height } = image;
  if (mask.length !== maskWidth * maskHeight) {
    throw new FianetError('bad-input', `overlay: mask has ${mask.length} values, expected ${maskWidth} x ${maskHeight}`);
  }
  const m = maskWidth === width && maskHeight === height ? mask : resizeMaskNearest(mask, maskWidth, maskHeight, width, height);
  const rgb = new Uint8Array(image.rgb);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const colour = maskColour(m, width, height, x, y);
      if (!colour) continue;
      const a = colour === OUTLINE ? 1 : TINT_ALPHA;
      for (let c = 0; c < 3; c++) rgb[3 * p + c] = Math.round((1 - a) * rgb[3 * p + c]! + a * colour[c]!);
    }
  }
  return { width, height, rgb };
}

export function encodeOverlayPng(image: RgbImage, mask: Uint8Array, maskWidth: number, maskHeight: number): Uint8Array {
  return encodeRgbPng(renderOverlay(image, mask, maskWidth, maskHeight));
}

/** Whether pixel (x, y) has both mask and background in its 3x3 neighbourhood. */
/**
 * The overlay colour of pixel (x, y) of mask m ([height, width], nonzero = object): the outline
 * colour on the boundary, the tint inside, none outside. Shared with the web demo's mask layer.
 * The outline is every pixel whose 3x3 neighbourhood holds both mask and background: one
 * pixel on each side of the edge, so it shows on dark and bright objects alike.
 */
export function maskColour(m: Uint8Array, width: number, height: number, x: number, y: number): readonly number[] | undefined {
  const inside = m[y * width + x] !== 0;
  return onBoundary(m, width, height, x, y, inside) ? OUTLINE : inside ? TINT : undefined;
}

function onBoundary(m: Uint8Array, width: number, height: number, x: number, y: number, inside: boolean): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    const yy = y + dy;
    if (yy < 0 || yy >= height) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      if (xx < 0 || xx >= width) continue;
      if ((m[yy * width + xx] !== 0) !== inside) return true;
    }
  }
  return false;
}
