// Crafted image files from issue #13's probe and the limits it asked for, each small, each
// with the error it must get. Shared by image-hostile.test.ts (messages, speed) and
// image-memory-child.ts (peak memory in a separate process).
import { constants, deflateRawSync } from 'node:zlib';
import { zlibSync } from 'fflate';
import jpeg from 'jpeg-js';
import { buildTiff } from './image-tiff-builder.js';
import { buildPng, concat, idat, ihdr, pngChunk } from './png-builder.js';

export interface HostileImage {
  name: string;
  bytes: () => Uint8Array;
  /** what the FianetError('bad-input') message must say (after the file name) */
  error: RegExp;
  maxPixels?: number;
}

const MiB = 2 ** 20;
/**
 * A zlib stream of `mib` MiB of zeros in ~1 KB per MiB, the shape of issue #13's bombs (a 1 MB
 * file holding 1 GiB), built in milliseconds: one sync-flushed deflate block of 1 MiB of zeros
 * only refers back to zeros, so it can simply be repeated.
 */
function zeros(mib: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(MiB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const out = new Uint8Array(2 + mib * block.length + 2 + 4);
  out.set([0x78, 0xda]);
  for (let i = 0; i < mib; i++) out.set(block, 2 + i * block.length);
  const end = 2 + mib * block.length;
  out.set([0x03, 0x00], end); // an empty final block
  // Adler-32 of n zeros: a = 1, b = n mod 65521.
  new DataView(out.buffer).setUint32(end + 2, ((((mib * MiB) % 65521) << 16) | 1) >>> 0);
  return out;
}

const LONG = 4;
const DOUBLE = 12;

export const HOSTILE_IMAGES: HostileImage[] = [
  {
    // 200 bytes declaring 2^31 - 1 squared 16-bit RGBA: refused from IHDR, nothing allocated.
    name: 'png-huge-header.png',
    bytes: () => buildPng(ihdr(0x7fffffff, 0x7fffffff, 16, 6), idat(new Uint8Array(16))),
    error: /2147483647 x 2147483647 pixels, over the limit of 100000000 pixels \(100 megapixels\); raise it with --max-pixels/,
  },
  {
    name: 'png-width-over-spec.png',
    bytes: () => buildPng(ihdr(0x80000000, 1, 8, 0), idat(new Uint8Array(2))),
    error: /cannot read this PNG file: its header declares 2147483648 x 1 pixels \(at most 2\^31 - 1 each\)/,
  },
  {
    // 1 GiB of zeros in ~1 MB of IDAT behind a 64 x 64 header (12 KiB of image data).
    name: 'png-idat-bomb.png',
    bytes: () => buildPng(ihdr(64, 64, 8, 2), pngChunk('IDAT', zeros(1024))),
    error: /its image data decompresses to more than the 12352 bytes its size implies; the file is corrupt/,
  },
  {
    // The same bomb in an iCCP profile: nothing in it matters to convert('RGB'), it is never inflated.
    name: 'png-iccp-bomb.png',
    bytes: () => buildPng(ihdr(4, 4, 8, 0), pngChunk('iCCP', concat([new TextEncoder().encode('p\0\0'), zeros(1024)])), idat(new Uint8Array(20))),
    error: /^$/, // decodes
  },
  {
    // Within the pixel limit, but 20 bytes of data cannot become 300 MB: refused before allocating it.
    name: 'png-tiny-data.png',
    bytes: () => buildPng(ihdr(10000, 10000, 8, 2), idat(new Uint8Array(20))),
    error: /its image data is \d+ bytes, too few for the 300010000 bytes 10000 x 10000 pixels need even at deflate's highest ratio/,
  },
  {
    name: 'tiff-tiny-data.tif',
    bytes: () => buildTiff({ width: 1, height: 1, bits: 8, samples: 3, photometric: 2, data: [], compression: 8, payload: zlibSync(new Uint8Array(64)), tags: [[256, LONG, [10000]], [257, LONG, [10000]], [278, LONG, [10000]]] }),
    error: /its strips hold \d+ bytes, too few for 300000000 bytes of pixels even at Deflate's highest ratio; it is truncated or corrupt/,
  },
  {
    name: 'png-idat-short.png',
    bytes: () => buildPng(ihdr(8, 8, 8, 0), idat(new Uint8Array(30))),
    error: /its image data decompresses to 30 bytes, expected 72; the file is truncated or corrupt/,
  },
  {
    name: 'png-bad-filter.png',
    bytes: () => buildPng(ihdr(2, 2, 8, 0), idat(Uint8Array.of(0, 1, 2, 9, 3, 4))),
    error: /cannot read this PNG file: row 1 of its image data has filter type 9 \(valid: 0 to 4\); the file is corrupt/,
  },
  {
    name: 'png-bad-stream.png',
    bytes: () => buildPng(ihdr(2, 2, 8, 0), pngChunk('IDAT', Uint8Array.of(0x78, 0x9c, 0xff, 0xff, 0xff, 0xff))),
    error: /its image data: the compressed data is corrupt or truncated \(/,
  },
  {
    name: 'png-palette-missing.png',
    bytes: () => buildPng(ihdr(2, 2, 8, 3), idat(new Uint8Array(6))),
    error: /it is a palette image without a palette \(PLTE\) before its image data/,
  },
  {
    name: 'png-bad-depth.png',
    bytes: () => buildPng(ihdr(2, 2, 4, 2), idat(new Uint8Array(6))),
    error: /its header has 4-bit RGB pixels \(valid: 8, 16 bits\)/,
  },
  {
    // Issue #13: a DOUBLE ImageLength of 7.9e-8 was a 0-pixel image, exit 0.
    name: 'tiff-double-length.tif',
    bytes: () => buildTiff({ width: 2, height: 1, bits: 8, samples: 1, photometric: 1, data: [1, 2], tags: [[257, DOUBLE, [7.9e-8]]] }),
    error: /the tag ImageLength \(257\) has type DOUBLE; it must be an unsigned integer \(SHORT or LONG\)/,
  },
  {
    // Issue #13: a TileLength of 0 looped forever in the `tiff` package.
    name: 'tiff-tile-length-0.tif',
    bytes: () =>
      buildTiff({ width: 16, height: 16, bits: 8, samples: 1, photometric: 1, data: new Array<number>(256).fill(1), tags: [[322, LONG, [16]], [323, LONG, [0]], [324, LONG, [8]], [325, LONG, [256]]] }),
    error: /its tiles are 16 x 0 pixels, which does not fit a 16 x 16 image/,
  },
  {
    name: 'tiff-huge-tiles.tif',
    bytes: () =>
      buildTiff({ width: 4, height: 4, bits: 8, samples: 1, photometric: 1, data: new Array<number>(16).fill(1), tags: [[322, LONG, [65536]], [323, LONG, [65536]], [324, LONG, [8]], [325, LONG, [16]]] }),
    error: /its tiles are 65536 x 65536 pixels, which does not fit a 4 x 4 image/,
  },
  {
    // A few hundred bytes declaring 65535 x 65535 x 4 x 16 bits (32 GiB): refused from the directory.
    name: 'tiff-huge-header.tif',
    bytes: () => buildTiff({ width: 1, height: 1, bits: 16, samples: 4, photometric: 2, extraSamples: [2], data: [1, 2, 3, 4], tags: [[256, LONG, [65535]], [257, LONG, [65535]]] }),
    error: /65535 x 65535 pixels, over the limit of 100000000 pixels/,
  },
  {
    // Issue #13: a 1 MB deflate strip claiming 32768^2 allocated 5.2 GiB (its 1 GiB of data is less than 32768^2 x 3). The pixel limit refuses it first...
    name: 'tiff-deflate-bomb-huge.tif',
    bytes: () => buildTiff({ width: 1, height: 1, bits: 8, samples: 3, photometric: 2, data: [], compression: 8, payload: zeros(1024), tags: [[256, LONG, [32768]], [257, LONG, [32768]]] }),
    error: /32768 x 32768 pixels, over the limit/,
  },
  {
    // ...and a strip that inflates past its declared 64 x 64 x 3 bytes is refused at that size.
    name: 'tiff-deflate-bomb.tif',
    bytes: () => buildTiff({ width: 64, height: 64, bits: 8, samples: 3, photometric: 2, data: [], compression: 8, payload: zeros(1024) }),
    error: /cannot read this TIFF file: strip 0 decompresses to more than the 12288 bytes its size implies; the file is corrupt/,
  },
  {
    // LZW: Clear, then 'a' and ever-longer runs of it, far past the declared 4 x 4 bytes.
    name: 'tiff-lzw-overflow.tif',
    bytes: () => buildTiff({ width: 4, height: 4, bits: 8, samples: 1, photometric: 1, data: [], compression: 5, payload: lzwRuns(200) }),
    error: /cannot read this TIFF file: strip 0 decompresses to more than the 16 bytes its size implies/,
  },
  {
    name: 'tiff-packbits-short.tif',
    bytes: () => buildTiff({ width: 4, height: 4, bits: 8, samples: 1, photometric: 1, data: [], compression: 32773, payload: Uint8Array.of(0xfd, 7) }),
    error: /cannot read this TIFF file: strip 0 decompresses to 4 bytes, expected 16; the file is truncated or corrupt/,
  },
  {
    name: 'tiff-strip-outside.tif',
    bytes: () => buildTiff({ width: 2, height: 2, bits: 8, samples: 1, photometric: 1, data: [1, 2, 3, 4], tags: [[273, LONG, [0x7ffffff0]]] }),
    error: /strip 0 \(bytes 2147483632 to 2147483636\) lies past the end of the file \(\d+ bytes\); it is truncated/,
  },
  {
    name: 'tiff-rows-per-strip-0.tif',
    bytes: () => buildTiff({ width: 2, height: 2, bits: 8, samples: 1, photometric: 1, data: [1, 2, 3, 4], tags: [[278, LONG, [0]]] }),
    error: /RowsPerStrip is 0 \(supported: at least 1\)/,
  },
  {
    name: 'tiff-too-few-strips.tif',
    bytes: () => buildTiff({ width: 2, height: 4, bits: 8, samples: 1, photometric: 1, data: new Array<number>(8).fill(1), tags: [[278, LONG, [1]]] }),
    error: /it has 1 strip offsets and 1 byte counts, but 4 rows of 1 need 4/,
  },
  {
    // An entry count of 65535 in a file of a few dozen bytes.
    name: 'tiff-entry-count.tif',
    bytes: () => Uint8Array.of(0x49, 0x49, 42, 0, 8, 0, 0, 0, 0xff, 0xff, 0, 0),
    error: /its directory of 65535 entries at byte 8 is cut off/,
  },
  {
    // One entry: ImageWidth as 1000 LONGs at byte 256 of a 26-byte file.
    name: 'tiff-values-outside.tif',
    bytes: () => Uint8Array.of(0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0, 1, 4, 0, 0xe8, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0),
    error: /the values of tag ImageWidth \(1000 x LONG at byte 256\) lie outside the file \(26 bytes\)/,
  },
  {
    name: 'jpeg-huge-frame.jpg',
    bytes: () => jpegWithSize(65535, 65535),
    error: /65535 x 65535 pixels, over the limit of 100000000 pixels/,
  },
  {
    // Within the pixel limit, but a few hundred bytes cannot code 64 megapixels.
    name: 'jpeg-tiny-data.jpg',
    bytes: () => jpegWithSize(8000, 8000),
    error: /it is \d+ bytes, too small for 8000 x 8000 pixels; it is truncated or corrupt/,
  },
  {
    name: 'jpeg-frame-zero.jpg',
    bytes: () => jpegWithSize(16, 0),
    error: /its height is given after the image data \(DNL marker\), which is not supported/,
  },
];

/** A 16 x 16 baseline JPEG whose frame header is rewritten to claim width x height. */
function jpegWithSize(width: number, height: number): Uint8Array {
  const file = new Uint8Array(jpeg.encode({ width: 16, height: 16, data: new Uint8Array(16 * 16 * 4).fill(120) }, 80).data);
  for (let at = 2; at < file.length; ) {
    const length = (file[at + 2]! << 8) | file[at + 3]!;
    if (file[at + 1] === 0xc0) {
      file.set([height >> 8, height & 255, width >> 8, width & 255], at + 5);
      return file;
    }
    at += 2 + length;
  }
  throw new Error('no SOF0 in the jpeg-js output');
}

/** TIFF LZW codes (9 bits, MSB first): Clear, 'a', then codes 258, 259, ... ('aa', 'aaa', ...). */
function lzwRuns(count: number): Uint8Array {
  const codes = [256, 97];
  for (let c = 258; codes.length < count && c < 511; c++) codes.push(c);
  const out = new Uint8Array(Math.ceil((codes.length * 9) / 8) + 1);
  let bit = 0;
  for (const code of codes) {
    for (let b = 8; b >= 0; b--, bit++) if ((code >> b) & 1) out[bit >> 3] = out[bit >> 3]! | (0x80 >> (bit & 7));
  }
  return out;
}
