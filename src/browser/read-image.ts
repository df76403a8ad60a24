/**
 * Browser image input -> 8-bit RGB, the form `Segmenter.segment` takes. Encoded files (a
 * File from a picker or a drop, fetched bytes) go through our own PNG/JPEG/TIFF decoders
 * rather than the browser's, so a page gets the same pixels as the Node CLI (browsers
 * colour-manage and cannot decode TIFF). ImageData (a canvas, a video frame) is taken as is,
 * alpha dropped.
 */
import { FianetError } from '../errors.js';
import { decodeImage } from '../io/image-decode.js';
import { maxImageFileBytes, maxPixelsOf, type DecodedImage, type DecodeOptions } from '../io/image-types.js';

export type ImageInput = Blob | ArrayBuffer | Uint8Array | ImageData;

/** `options.maxPixels` bounds the decoded size (default 100 megapixels, see image-types.ts). */
export async function readImage(input: ImageInput, label = input instanceof File ? input.name : 'image', options?: DecodeOptions): Promise<DecodedImage> {
  const maxPixels = maxPixelsOf(options);
  if (typeof ImageData !== 'undefined' && input instanceof ImageData) return fromImageData(input);
  if (input instanceof Blob) {
    if (input.size > maxImageFileBytes(maxPixels)) throw new FianetError('bad-input', `${label}: the file is ${input.size} bytes, too large for an image within the pixel limit`);
    return decodeImage(new Uint8Array(await input.arrayBuffer()), label, { maxPixels });
  }
  if (input instanceof ArrayBuffer) return decodeImage(new Uint8Array(input), label, { maxPixels });
  if (input instanceof Uint8Array) return decodeImage(input, label, { maxPixels });
  throw new FianetError('bad-input', `${label}: expected a Blob, ArrayBuffer, Uint8Array or ImageData, got ${Object.prototype.toString.call(input)}`);
}

// data: [H, W, 4] RGBA -> rgb: [H, W, 3]
function fromImageData(data: ImageData): DecodedImage {
  const { width, height } = data;
  if (!(width > 0 && height > 0)) throw new FianetError('bad-input', `ImageData is empty (${width} x ${height} pixels)`);
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    rgb[3 * p] = data.data[4 * p]!;
    rgb[3 * p + 1] = data.data[4 * p + 1]!;
    rgb[3 * p + 2] = data.data[4 * p + 2]!;
  }
  return { width, height, rgb, warnings: [] };
}
