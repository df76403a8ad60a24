/**
 * Image bytes -> 8-bit RGB, the first step of the reference preprocessing
 * (`PIL.Image.open(f).convert('RGB')`). The format comes from the magic bytes, never the file
 * name: datasets rename freely (RefSegRS ships `.tif`, RRSIS-D `.jpg`). Browser-safe: no Node
 * imports here (src/node/image-file.ts reads files).
 */
import { FianetError, quote } from '../errors.js';
import { decodeJpeg } from './image-jpeg.js';
import { decodePng } from './image-png.js';
import { decodeTiff } from './image-tiff.js';
import { maxPixelsOf, type DecodedImage, type DecodeOptions } from './image-types.js';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

const SUPPORTED = 'PNG, JPEG and TIFF';

/** Formats we can name in an error, to tell "not supported" apart from "not an image". */
const KNOWN_OTHERS: Array<[string, number[]]> = [
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['BMP', [0x42, 0x4d]],
  ['WebP', [0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x45, 0x42, 0x50]],
  ['BigTIFF', [0x49, 0x49, 0x2b, 0x00]],
  ['BigTIFF', [0x4d, 0x4d, 0x00, 0x2b]],
];

export function detectImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return undefined;
}

/**
 * Decode PNG, JPEG or TIFF bytes: the entry point for every image the engine reads (files,
 * browser inputs, datasets, the fuzz harness). `label` names the input in messages (a file
 * path, a URL). Throws FianetError('bad-input') naming the label for unsupported formats,
 * sizes over `options.maxPixels` (checked from the header, before any pixel is allocated),
 * empty images and corrupt files; never a codec's bare exception.
 */
export function decodeImage(bytes: Uint8Array, label = 'image', options?: DecodeOptions): DecodedImage {
  const maxPixels = maxPixelsOf(options);
  if (bytes.length === 0) throw new FianetError('bad-input', `${label}: the file is empty`);
  const format = detectImageFormat(bytes);
  if (!format) throw new FianetError('bad-input', `${label}: ${describeUnknown(bytes)}; supported formats: ${SUPPORTED}`);
  try {
    return format === 'png' ? decodePng(bytes, label, maxPixels) : format === 'jpeg' ? decodeJpeg(bytes, label, maxPixels) : decodeTiff(bytes, label, maxPixels);
  } catch (e) {
    if (e instanceof FianetError) throw e;
    // Our decoders check what they read; anything else escaping one is a bug in it, but the
    // user still learns which file triggered it.
    const why = e instanceof Error ? e.message : String(e);
    throw new FianetError('bad-input', `${label}: cannot decode this ${format.toUpperCase()} file, it is truncated or corrupt (${quote(why)})`);
  }
}

function describeUnknown(bytes: Uint8Array): string {
  const known = KNOWN_OTHERS.find(([, magic]) => startsWith(bytes, magic));
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return known ? `${known[0]} images are not supported (first bytes: ${head})` : `not a recognised image (first bytes: ${head})`;
}

/** Prefix match; -1 in `magic` matches any byte. */
function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((m, i) => m < 0 || bytes[i] === m);
}
