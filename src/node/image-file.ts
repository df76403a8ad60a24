/**
 * Node side of image input: read a file and decode it with the browser-safe decoder, turning
 * file-system failures into messages that say which file and what to do. Only regular files
 * are read, and never more than a size cap: `--image /dev/zero`, a FIFO or a 10 GB file ends
 * at once with a clear error instead of reading until memory runs out.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FianetError } from '../errors.js';
import { decodeImage } from '../io/image-decode.js';
import { maxImageFileBytes, maxPixelsOf, type DecodedImage, type DecodeOptions } from '../io/image-types.js';

export async function readImageFile(path: string, options?: DecodeOptions): Promise<DecodedImage> {
  const maxPixels = maxPixelsOf(options);
  return decodeImage(await readBoundedFile(path, maxImageFileBytes(maxPixels)), path, { maxPixels });
}

async function readBoundedFile(path: string, cap: number): Promise<Uint8Array> {
  let handle: FileHandle | undefined;
  try {
    // Non-blocking, so opening a FIFO with no writer cannot hang before the check below.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new FianetError('bad-input', `image ${path}: it is a directory, not an image file`);
    if (!stat.isFile()) throw new FianetError('bad-input', `image ${path}: not a regular file (a device, pipe or socket); give an image file`);
    if (stat.size > cap) throw tooLarge(path, cap);
    // The size can change while we read (or be wrong, as on /proc): read to the cap, no further.
    let bytes = new Uint8Array(stat.size + 1);
    let filled = 0;
    for (;;) {
      if (filled === bytes.length) {
        if (filled > cap) throw tooLarge(path, cap);
        const grown = new Uint8Array(Math.min(cap + 1, 2 * bytes.length));
        grown.set(bytes);
        bytes = grown;
      }
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } catch (e) {
    if (e instanceof FianetError) throw e;
    throw new FianetError('bad-input', `image ${path}: ${describeFsError(e)}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function tooLarge(path: string, cap: number): FianetError {
  return new FianetError(
    'bad-input',
    `image ${path}: the file is larger than ${(cap / 2 ** 20).toFixed(0)} MiB, more than any image within the pixel limit needs; raise --max-pixels if it is genuine`,
  );
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file; check the path';
  if (code === 'EISDIR') return 'it is a directory, not an image file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read it (${code ?? (e as Error).message})`;
}
