/**
 * A picture for people, not for metrics: the image with the predicted mask tinted red and
 * its boundary drawn in yellow, so a thin or small object stays visible and the mask's edge
 * can be judged against the image. The mask is brought to the image's size with PIL-style
 * nearest resizing, the same mapping `--original-size` uses, three rows at a time: writing
 * the overlay of a W x H image holds the image, three W-byte mask rows and the compressed
 * PNG, never a full-size mask or a second full-size image (encodeOverlayPng).
 */
import { FianetError } from '../errors.js';
import type { RgbImage } from './image-types.js';
import { nearestIndices } from './mask-resize.js';
import { concat, pngParts } from './png-encode.js';

const TINT = [255, 0, 0];
/** Share of the tint colour in a masked pixel: strong enough to see, weak enough to see through. */
const TINT_ALPHA = 0.45;
const OUTLINE = [255, 255, 0];

// image: [H, W, 3]; mask: [maskHeight, maskWidth], nonzero = object -> [H, W, 3]
export function renderOverlay(image: RgbImage, mask: Uint8Array, maskWidth: number, maskHeight: number): RgbImage {
  const rgb = new Uint8Array(image.rgb.length);
  const rowAt = overlayRows(image, mask, maskWidth, maskHeight);
  for (let y = 0; y < image.height; y++) rgb.set(rowAt(y), y * image.width * 3);
  return { width: image.width, height: image.height, rgb };
}

export const encodeOverlayPng = (image: RgbImage, mask: Uint8Array, maskWidth: number, maskHeight: number): Uint8Array =>
  concat(overlayPngParts(image, mask, maskWidth, maskHeight));

/** The overlay PNG as its parts (see pngParts), for writing a large one without joining it. */
export function overlayPngParts(image: RgbImage, mask: Uint8Array, maskWidth: number, maskHeight: number): Uint8Array[] {
  const rowAt = overlayRows(image, mask, maskWidth, maskHeight);
  return pngParts(image.width, image.height, 3, (y, row) => row.set(rowAt(y)));
}

/**
 * The overlay colour of pixel (x, y) of mask m ([height, width], nonzero = object): the outline
 * colour on the boundary, the tint inside, none outside. Shared with the web demo's mask layer.
 */
export function maskColour(m: Uint8Array, width: number, height: number, x: number, y: number): readonly number[] | undefined {
  const row = (yy: number) => (yy >= 0 && yy < height ? m.subarray(yy * width, (yy + 1) * width) : undefined);
  return colourOf(row(y - 1), row(y)!, row(y + 1), x);
}

/**
 * The outline is every pixel whose 3x3 neighbourhood holds both mask and background: one
 * pixel on each side of the edge, so it shows on dark and bright objects alike.
 */
function colourOf(above: Uint8Array | undefined, here: Uint8Array, below: Uint8Array | undefined, x: number): readonly number[] | undefined {
  const inside = here[x] !== 0;
  const [from, to] = [Math.max(0, x - 1), Math.min(here.length - 1, x + 1)];
  const edge = differs(here, from, to, inside) || (above !== undefined && differs(above, from, to, inside)) || (below !== undefined && differs(below, from, to, inside));
  return edge ? OUTLINE : inside ? TINT : undefined;
}

/** Whether row[from..to] holds a pixel on the other side of the mask than `inside`. */
function differs(row: Uint8Array, from: number, to: number, inside: boolean): boolean {
  for (let x = from; x <= to; x++) if ((row[x] !== 0) !== inside) return true;
  return false;
}

/** A function giving overlay row y ([W, 3]) for y = 0, 1, 2, ... in order. */
function overlayRows(image: RgbImage, mask: Uint8Array, maskWidth: number, maskHeight: number): (y: number) => Uint8Array {
  const { width, height } = image;
  if (mask.length !== maskWidth * maskHeight) {
    throw new FianetError('bad-input', `overlay: mask has ${mask.length} values, expected ${maskWidth} x ${maskHeight}`);
  }
  const xs = nearestIndices(maskWidth, width);
  const ys = nearestIndices(maskHeight, height);
  const maskRow = (y: number, out: Uint8Array): void => {
    const from = ys[y]! * maskWidth;
    for (let x = 0; x < width; x++) out[x] = mask[from + xs[x]!]!;
  };
  // Mask rows y - 1, y, y + 1 at the image's width, rotated as y advances.
  let [above, here, below]: Uint8Array[] = [new Uint8Array(width), new Uint8Array(width), new Uint8Array(width)];
  maskRow(0, here);
  if (height > 1) maskRow(1, below);
  const line = new Uint8Array(width * 3);
  return (y) => {
    if (y > 0) {
      [above, here, below] = [here, below, above];
      if (y + 1 < height) maskRow(y + 1, below);
    }
    line.set(image.rgb.subarray(y * width * 3, (y + 1) * width * 3));
    for (let x = 0; x < width; x++) {
      const colour = colourOf(y > 0 ? above : undefined, here, y + 1 < height ? below : undefined, x);
      if (!colour) continue;
      const a = colour === OUTLINE ? 1 : TINT_ALPHA;
      for (let c = 0; c < 3; c++) line[3 * x + c] = Math.round((1 - a) * line[3 * x + c]! + a * colour[c]!);
    }
    return line;
  };
}
