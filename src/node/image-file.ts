/**
 * Node side of image input: read a file and decode it with the browser-safe decoder, turning
 * file-system failures into messages that say which file and what to do. Only regular files
 * are read, and never more than a size cap: `--image /dev/zero`, a FIFO or a 10 GB file ends
 * at once with a clear error instead of reading until memory runs out.
 */
import { decodeImage } from '../io/image-decode.js';
import { maxImageFileBytes, maxPixelsOf, type DecodedImage, type DecodeOptions } from '../io/image-types.js';
import { readBoundedFile } from './read-bounded.js';

export async function readImageFile(path: string, options?: DecodeOptions): Promise<DecodedImage> {
  const maxPixels = maxPixelsOf(options);
  return decodeImage(await readImageBytes(path, maxPixels), path, { maxPixels });
}

/** An image file's bytes, up to what an image within the pixel limit can need. */
export function readImageBytes(path: string, maxPixels: number): Promise<Uint8Array> {
  return readBoundedFile(path, maxImageFileBytes(maxPixels), { what: 'image', raise: 'raise --max-pixels if it is genuine' });
}
