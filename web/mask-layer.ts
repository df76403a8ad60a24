/**
 * The mask as a transparent layer over the image: the same look as the CLI's overlay
 * (src/io/overlay.ts: red tint, yellow outline on both sides of the edge) but kept apart
 * from the image so the page's slider can fade it with CSS opacity without re-rendering.
 */
import { maskColour } from '../src/io/overlay.js';
import { resizeMaskNearest } from '../src/io/mask-resize.js';
import type { RgbImage } from '../src/io/image-types.js';

// mask: [maskHeight, maskWidth], nonzero = object -> [height, width, 4] RGBA, transparent outside
export function maskLayer(mask: Uint8Array, maskWidth: number, maskHeight: number, width: number, height: number): ImageData {
  const m = maskWidth === width && maskHeight === height ? mask : resizeMaskNearest(mask, maskWidth, maskHeight, width, height);
  const layer = new ImageData(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const colour = maskColour(m, width, height, x, y);
      if (!colour) continue;
      layer.data.set([colour[0]!, colour[1]!, colour[2]!, 255], 4 * p);
    }
  }
  return layer;
}

// rgb: [height, width, 3] -> [height, width, 4], opaque
export function rgbToImageData(image: RgbImage): ImageData {
  const { width, height, rgb } = image;
  const out = new ImageData(width, height);
  for (let p = 0; p < width * height; p++) out.data.set([rgb[3 * p]!, rgb[3 * p + 1]!, rgb[3 * p + 2]!, 255], 4 * p);
  return out;
}
