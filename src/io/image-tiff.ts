/**
 * TIFF decoding (TIFF 6.0), our own, of the first page as PIL reads it: strips or tiles; no
 * compression, LZW, Deflate or PackBits; the horizontal predictor; 1-, 2-, 4-, 8- and 16-bit
 * unsigned samples; gray (either polarity), RGB and palette, with any extra bands. That covers
 * RefSegRS's `.tif` files and what GDAL and PIL write by default. We used the `tiff` package
 * before; it took a DOUBLE ImageLength of 7.9e-8 as a 0-pixel image, looped forever on a
 * TileLength of 0 and allocated what a 650-byte header declared. Here the directory is read
 * with every field checked (image-tiff-ifd.ts), the geometry is validated and the pixel limit
 * applied before any allocation, and each strip or tile is decompressed within the size the
 * directory implies, one at a time, straight into the RGB result. Layouts we do not read
 * (separate colour planes, JPEG-in-TIFF, floating point) are refused with their name.
 */
import { RgbWriter, type PixelFormat } from './image-raster.js';
import { COMPRESSIONS, decompress, MAX_RATIO } from './image-tiff-codecs.js';
import { bad, badValue, readFirstIfd, type TiffIfd } from './image-tiff-ifd.js';
import { checkImageSize, type DecodedImage } from './image-types.js';

const PHOTOMETRIC_NAMES: Record<number, string> = { 0: 'gray (WhiteIsZero)', 1: 'gray', 2: 'RGB', 3: 'palette' };

/** One strip or tile: where its bytes are and which pixels it covers. */
interface Block {
  offset: number;
  byteCount: number;
  x: number;
  y: number;
  /** stored size (a tile's, or the image width x the strip's rows) */
  width: number;
  height: number;
}

export function decodeTiff(bytes: Uint8Array, label: string, maxPixels: number): DecodedImage {
  const ifd = readFirstIfd(bytes, label);
  const width = ifd.one('ImageWidth');
  const height = ifd.one('ImageLength');
  checkImageSize(width, height, label, maxPixels);
  const format = pixelFormat(ifd, label);
  const compression = ifd.one('Compression', 1);
  if (!COMPRESSIONS[compression]) throw badValue(label, 'Compression', compression, 'none, LZW, Deflate, PackBits; JPEG-in-TIFF is not');
  const predictor = ifd.one('Predictor', 1);
  if (predictor !== 1 && !(predictor === 2 && format.bits >= 8)) throw badValue(label, 'Predictor', predictor, '1 none, 2 horizontal on 8- and 16-bit samples');

  const blocks = ifd.has('TileWidth') ? tiles(ifd, width, height, label) : strips(ifd, width, height, label);
  const kind = ifd.has('TileWidth') ? 'tile' : 'strip';
  const rowBytesOf = (b: Block) => Math.ceil((b.width * format.channels * format.bits) / 8);
  checkStoredData(blocks, bytes.length, compression, rowBytesOf, kind, label);
  const writer = new RgbWriter(format, width, height, label);
  for (const [i, b] of blocks.entries()) {
    const rowBytes = rowBytesOf(b);
    const data = decompress(compression, bytes.subarray(b.offset, b.offset + b.byteCount), rowBytes * b.height, `${label}: cannot read this TIFF file: ${kind} ${i}`);
    const samples = format.bits === 16 ? new Uint16Array(b.width * format.channels) : new Uint8Array(b.width * format.channels);
    const visible = Math.min(b.width, width - b.x);
    for (let r = 0; r < b.height && b.y + r < height; r++) {
      unpackRow(data, r * rowBytes, samples, format.bits, ifd.littleEndian);
      if (predictor === 2) undoHorizontalPredictor(samples, format.channels, format.bits);
      writer.put(samples, 0, visible, (b.y + r) * width + b.x);
    }
  }
  return writer.finish();
}

/**
 * Before the result is allocated: every strip or tile lies inside the file, and together they
 * hold enough bytes to expand to the pixels declared even at the codec's highest ratio, so a
 * 1 KB file declaring 100 megapixels is refused instead of zero-filling 300 MB first.
 */
function checkStoredData(blocks: Block[], fileBytes: number, compression: number, rowBytesOf: (b: Block) => number, kind: string, label: string): void {
  let stored = 0;
  let needed = 0;
  for (const [i, b] of blocks.entries()) {
    if (b.offset + b.byteCount > fileBytes) {
      throw bad(label, `${kind} ${i} (bytes ${b.offset} to ${b.offset + b.byteCount}) lies past the end of the file (${fileBytes} bytes); it is truncated`);
    }
    stored += b.byteCount;
    needed += rowBytesOf(b) * b.height;
  }
  if (stored * MAX_RATIO[compression]! < needed) {
    throw bad(label, `its ${kind}s hold ${stored} bytes, too few for ${needed} bytes of pixels even at ${COMPRESSIONS[compression]}'s highest ratio; it is truncated or corrupt`);
  }
}

function pixelFormat(ifd: TiffIfd, label: string): PixelFormat {
  const channels = ifd.one('SamplesPerPixel', 1);
  if (channels < 1 || channels > 16) throw badValue(label, 'SamplesPerPixel', channels, '1 to 16');
  const bitsList = ifd.all('BitsPerSample', [1]);
  const bits = bitsList[0]!;
  if (!bitsList.every((b) => b === bits)) throw badValue(label, 'BitsPerSample', bitsList, 'the same depth for every band');
  if (![1, 2, 4, 8, 16].includes(bits)) throw badValue(label, 'BitsPerSample', bits, '1, 2, 4, 8, 16');
  const sampleFormat = ifd.one('SampleFormat', 1);
  if (sampleFormat !== 1) throw badValue(label, 'SampleFormat', sampleFormat, '1, unsigned integers; not signed or floating-point samples');
  if (ifd.one('PlanarConfiguration', 1) !== 1 && channels > 1) throw bad(label, 'separate colour planes (PlanarConfiguration 2) are not supported; convert the image to PNG or a plain RGB TIFF');
  const orientation = ifd.one('Orientation', 1);
  if (orientation !== 1) throw badValue(label, 'Orientation', orientation, '1; rotated or flipped storage is not');
  const fillOrder = ifd.one('FillOrder', 1);
  if (fillOrder !== 1) throw badValue(label, 'FillOrder', fillOrder, '1');

  const photometric = ifd.one('PhotometricInterpretation', channels >= 3 ? 2 : 1);
  if (!(photometric in PHOTOMETRIC_NAMES)) throw badValue(label, 'PhotometricInterpretation', photometric, '0, 1 gray, 2 RGB, 3 palette');
  const extra = ifd.all('ExtraSamples', []);
  // Associated (1) or unassociated (2) alpha as the first extra band; 0 means unspecified data.
  const alpha = extra[0] === 1 || extra[0] === 2;
  if (photometric === 2) {
    if (channels < 3 || bits < 8) throw bad(label, `RGB needs 3 bands of 8 or 16 bits, it has ${channels} of ${bits}`);
    return { channels, bits, colour: 'rgb', alpha };
  }
  if (photometric === 3) {
    if (bits > 8) throw badValue(label, 'BitsPerSample', bits, '1, 2, 4, 8 for a palette image');
    const map = ifd.all('ColorMap');
    const entries = 1 << bits;
    if (map.length !== 3 * entries) throw bad(label, `its ColorMap has ${map.length} values, expected ${3 * entries} for ${bits}-bit indices`);
    // 16-bit colour map values; PIL keeps the high byte (`b // 256`).
    const palette = new Uint8Array(3 * entries);
    for (let i = 0; i < entries; i++) for (let c = 0; c < 3; c++) palette[3 * i + c] = map[c * entries + i]! >> 8;
    return { channels, bits, colour: 'palette', alpha, palette };
  }
  if (photometric === 0 && bits === 16) throw bad(label, '16-bit WhiteIsZero gray is not supported');
  return { channels, bits, colour: 'gray', alpha, whiteIsZero: photometric === 0 };
}

function strips(ifd: TiffIfd, width: number, height: number, label: string): Block[] {
  const rowsPerStrip = Math.min(ifd.one('RowsPerStrip', 0xffffffff), height);
  if (rowsPerStrip < 1) throw badValue(label, 'RowsPerStrip', rowsPerStrip, 'at least 1');
  const count = Math.ceil(height / rowsPerStrip);
  const [offsets, byteCounts] = [ifd.all('StripOffsets'), ifd.all('StripByteCounts')];
  if (offsets.length < count || byteCounts.length < count) {
    throw bad(label, `it has ${offsets.length} strip offsets and ${byteCounts.length} byte counts, but ${height} rows of ${rowsPerStrip} need ${count}`);
  }
  return Array.from({ length: count }, (_, i) => ({
    offset: offsets[i]!,
    byteCount: byteCounts[i]!,
    x: 0,
    y: i * rowsPerStrip,
    width,
    height: Math.min(rowsPerStrip, height - i * rowsPerStrip),
  }));
}

function tiles(ifd: TiffIfd, width: number, height: number, label: string): Block[] {
  const [tileWidth, tileHeight] = [ifd.one('TileWidth'), ifd.one('TileLength')];
  // A tile may overhang the image (tiles come in multiples of 16), but not by an absurd amount.
  if (tileWidth < 1 || tileHeight < 1 || tileWidth * tileHeight > Math.max(4 * width * height, 1 << 16)) {
    throw bad(label, `its tiles are ${tileWidth} x ${tileHeight} pixels, which does not fit a ${width} x ${height} image`);
  }
  const across = Math.ceil(width / tileWidth);
  const count = across * Math.ceil(height / tileHeight);
  const [offsets, byteCounts] = [ifd.all('TileOffsets'), ifd.all('TileByteCounts')];
  if (offsets.length < count || byteCounts.length < count) {
    throw bad(label, `it has ${offsets.length} tile offsets and ${byteCounts.length} byte counts, but ${width} x ${height} pixels in ${tileWidth} x ${tileHeight} tiles need ${count}`);
  }
  return Array.from({ length: count }, (_, i) => ({
    offset: offsets[i]!,
    byteCount: byteCounts[i]!,
    x: (i % across) * tileWidth,
    y: Math.floor(i / across) * tileHeight,
    width: tileWidth,
    height: tileHeight,
  }));
}

/** One stored row (starting at data[from]) to one sample per element; 16-bit in file byte order. */
function unpackRow(data: Uint8Array, from: number, out: Uint8Array | Uint16Array, bits: number, littleEndian: boolean): void {
  const n = out.length;
  if (bits === 8) {
    out.set(data.subarray(from, from + n));
  } else if (bits === 16) {
    for (let i = 0, at = from; i < n; i++, at += 2) out[i] = littleEndian ? data[at]! | (data[at + 1]! << 8) : (data[at]! << 8) | data[at + 1]!;
  } else {
    const mask = (1 << bits) - 1;
    for (let i = 0; i < n; i++) {
      const bit = i * bits;
      out[i] = (data[from + (bit >> 3)]! >> (8 - bits - (bit & 7))) & mask;
    }
  }
}

/** Predictor 2: each sample was stored as its difference from the same band one pixel left. */
function undoHorizontalPredictor(samples: Uint8Array | Uint16Array, channels: number, bits: number): void {
  const mask = bits === 16 ? 0xffff : 0xff;
  for (let i = channels; i < samples.length; i++) samples[i] = (samples[i]! + samples[i - channels]!) & mask;
}
