/**
 * zlib inflate with a bound on the output, for PNG image data and Deflate TIFF strips. The
 * header says exactly how many bytes the stream must produce; a hostile file can pack a GiB of
 * zeros into 1 MB, so the compressed bytes go in slices sized so that even at deflate's
 * largest expansion (~1032x) one slice cannot yield much more than what is still expected,
 * and the stream is refused as soon as its output passes what the header implies, never after
 * inflating it all. Slices are 4 to 64 KiB: fflate's streaming copies its 32 KiB window on
 * every push, so 1 KiB slices decoded a tiled GeoTIFF 3-4x slower (measured); 4 KiB caps the
 * overshoot of a bomb at ~4 MiB.
 */
import { Unzlib } from 'fflate';
import { FianetError } from '../errors.js';

/** Deflate's largest expansion: a 258-byte match per ~2 bits of a dynamic Huffman block. */
export const MAX_DEFLATE_RATIO = 1032;
const MIN_SLICE = 4 * 1024;
const MAX_SLICE = 64 * 1024;

/**
 * Inflates the zlib stream split over `pieces` (e.g. a PNG's IDAT chunks), handing each piece
 * of output to `onData` as it comes. `what` names the stream in messages ("photo.png: image
 * data"). Throws FianetError('bad-input') when the output would exceed `expected` bytes, falls
 * short of it, or the stream is corrupt.
 */
export function inflateBounded(pieces: Iterable<Uint8Array>, expected: number, onData: (chunk: Uint8Array) => void, what: string): void {
  let total = 0;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > expected) {
      throw new FianetError('bad-input', `${what} decompresses to more than the ${expected} bytes its size implies; the file is corrupt`);
    }
    if (chunk.length > 0) onData(chunk);
  });
  try {
    for (const piece of pieces) {
      for (let at = 0; at < piece.length; ) {
        const slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.floor((expected - total) / MAX_DEFLATE_RATIO)));
        stream.push(piece.subarray(at, at + slice));
        at += slice;
      }
    }
    stream.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof FianetError) throw e;
    // fflate's own words ("invalid block type", "unexpected EOF") as the detail.
    throw new FianetError('bad-input', `${what}: the compressed data is corrupt or truncated (${(e as Error).message})`);
  }
  if (total < expected) {
    throw new FianetError('bad-input', `${what} decompresses to ${total} bytes, expected ${expected}; the file is truncated or corrupt`);
  }
}
