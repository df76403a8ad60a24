// Builds PNG files chunk by chunk, so tests can write what no encoder would: wrong sizes,
// bombs, damaged streams, chunks in odd places. CRCs are valid unless a test breaks them.
import { zlibSync } from 'fflate';
import { concat, pngChunk } from '../../src/io/png-encode.js';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export { concat, pngChunk };

export function ihdr(width: number, height: number, bits: number, colourType: number, interlace = 0): Uint8Array {
  const h = new Uint8Array(13);
  const dv = new DataView(h.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  h.set([bits, colourType, 0, 0, interlace], 8);
  return pngChunk('IHDR', h);
}

/** A PNG of the given chunks: signature, IHDR, `chunks`, IEND. */
export const buildPng = (header: Uint8Array, ...chunks: Uint8Array[]): Uint8Array =>
  concat([PNG_SIGNATURE, header, ...chunks, pngChunk('IEND', new Uint8Array(0))]);

/** An IDAT chunk holding `raw` (filter bytes included) deflated. */
export const idat = (raw: Uint8Array): Uint8Array => pngChunk('IDAT', zlibSync(raw));
