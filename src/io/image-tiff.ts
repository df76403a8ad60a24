/**
 * TIFF decoding with `tiff` (image-js project, the same authors and inflate library as
 * `fast-png`): TypeScript, ESM, no Node built-ins, actively maintained; reads strips and tiles,
 * no compression, LZW and Deflate (with the horizontal predictor), 1/8/16-bit samples, any
 * number of bands. That covers RefSegRS's `.tif` files and what GDAL writes by default.
 * Layouts it cannot read, or would read into wrong pixels (separate colour planes; tiles with
 * several samples per pixel, where it fills only the first band), are refused up front with a
 * message naming the layout, instead of a parse error or a silently wrong image.
 */
import { decode as decodeTiffFile, type TiffIfd } from 'tiff';
import { FianetError } from '../errors.js';
import { checkImageSize, type DecodedImage } from './image-types.js';
import { rasterToRgb } from './image-raster.js';

const PHOTOMETRIC_RGB = 2;
const PHOTOMETRIC_PALETTE = 3;
/** WhiteIsZero, BlackIsZero, RGB, Palette: what the `tiff` package decodes. */
const PHOTOMETRICS = [0, 1, PHOTOMETRIC_RGB, PHOTOMETRIC_PALETTE];
/** None, LZW, Deflate (Adobe), Deflate (old code). */
const COMPRESSIONS = [1, 5, 8, 32946];

export function decodeTiff(bytes: Uint8Array, label: string): DecodedImage {
  // PIL reads the first page of a multi-page file; so do we.
  const [header] = decodeTiffFile(bytes, { pages: [0], ignoreImageData: true });
  if (!header) throw new FianetError('bad-input', `${label}: TIFF file has no image`);
  checkImageSize(header.width, header.height, label);
  checkLayout(header, label);
  const ifd = decodeTiffFile(bytes, { pages: [0] })[0]!;
  const { width, height, samplesPerPixel: channels, bitsPerSample: bits, data } = ifd;
  if (ifd.type === PHOTOMETRIC_PALETTE) {
    return { width, height, rgb: expandColorMap(data, ifd.palette, label), warnings: [] };
  }
  const colour = ifd.type === PHOTOMETRIC_RGB ? 'rgb' : 'gray';
  return rasterToRgb({ width, height, channels, bits, data, colour, alpha: ifd.alpha }, label);
}

function checkLayout(ifd: TiffIfd, label: string): void {
  const refuse = (what: string) =>
    new FianetError('bad-input', `${label}: unsupported TIFF layout: ${what}; convert the image to PNG or a plain RGB TIFF`);
  if (!COMPRESSIONS.includes(ifd.compression)) {
    throw refuse(`compression ${ifd.compression} (supported: none, LZW, Deflate; JPEG-in-TIFF and PackBits are not)`);
  }
  if (!PHOTOMETRICS.includes(ifd.type)) throw refuse(`PhotometricInterpretation ${ifd.type} (supported: gray, RGB, palette)`);
  if (ifd.sampleFormat === 3) throw refuse(`${ifd.bitsPerSample}-bit floating-point samples`);
  if (![1, 8, 16].includes(ifd.bitsPerSample)) throw refuse(`${ifd.bitsPerSample}-bit samples (supported: 1, 8, 16)`);
  if (ifd.orientation && ifd.orientation !== 1) throw refuse(`Orientation ${ifd.orientation} (rotated or flipped storage)`);
  if (ifd.planarConfiguration === 2) throw refuse('separate colour planes (PlanarConfiguration 2)');
  if (ifd.tiled && ifd.samplesPerPixel > 1) throw refuse(`tiles with ${ifd.samplesPerPixel} samples per pixel`);
}

/** TIFF colour maps hold 16-bit values; PIL keeps the high byte (`b // 256`). */
function expandColorMap(indices: ArrayLike<number>, palette: Array<[number, number, number]> | undefined, label: string): Uint8Array {
  if (!palette) throw new FianetError('bad-input', `${label}: palette TIFF without a ColorMap`);
  const rgb = new Uint8Array(indices.length * 3);
  for (let p = 0; p < indices.length; p++) {
    const c = palette[indices[p]!]!;
    rgb[3 * p] = c[0] >> 8;
    rgb[3 * p + 1] = c[1] >> 8;
    rgb[3 * p + 2] = c[2] >> 8;
  }
  return rgb;
}
