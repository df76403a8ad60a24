/**
 * Node side of image input: read a file and decode it with the browser-safe decoder, turning
 * file-system failures into messages that say which file and what to do.
 */
import { readFile } from 'node:fs/promises';
import { FianetError } from '../errors.js';
import { decodeImage } from '../io/image-decode.js';
import type { DecodedImage } from '../io/image-types.js';

export async function readImageFile(path: string): Promise<DecodedImage> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file; check the path'
        : code === 'EISDIR'
          ? 'it is a directory, not an image file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : `cannot read it (${code ?? (e as Error).message})`;
    throw new FianetError('bad-input', `image ${path}: ${why}`);
  }
  return decodeImage(bytes, path);
}
