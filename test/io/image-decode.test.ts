// Decoding PNG, JPEG and TIFF to RGB with PIL's convert('RGB') rules, and clear errors for
// inputs that are not images we can read.
import { encode as encodePng } from 'fast-png';
import { zlibSync } from 'fflate';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { decodeImage, detectImageFormat } from '../../src/io/image-decode.js';
import { buildTiff } from './image-tiff-builder.js';
import { concat as join, pngChunk } from './png-builder.js';

const concat = (...parts: Uint8Array[]) => join(parts);

const rgbOf = (bytes: Uint8Array, label?: string) => Array.from(decodeImage(bytes, label).rgb);

function expectBadInput(bytes: Uint8Array, pattern: RegExp, label = 'broken.bin'): void {
  let error: unknown;
  try {
    decodeImage(bytes, label);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FianetError);
  expect((error as FianetError).code).toBe('bad-input');
  expect((error as FianetError).message).toMatch(pattern);
  expect((error as FianetError).message).toContain(label);
}

describe('PNG', () => {
  it('drops alpha from RGBA without blending', () => {
    const png = encodePng({ width: 2, height: 1, channels: 4, depth: 8, data: Uint8Array.of(10, 20, 30, 0, 200, 100, 50, 128) });
    const out = decodeImage(png);
    expect([out.width, out.height, out.warnings]).toEqual([2, 1, []]);
    expect(Array.from(out.rgb)).toEqual([10, 20, 30, 200, 100, 50]);
  });

  it('replicates gray into R, G, B (8-bit, and 2-bit scaled by 85 like PIL)', () => {
    expect(rgbOf(encodePng({ width: 2, height: 1, channels: 1, depth: 8, data: Uint8Array.of(7, 250) }))).toEqual([7, 7, 7, 250, 250, 250]);
    // 2-bit samples 0, 1, 3, 2 packed into one byte: 00 01 11 10
    const twoBit = encodePng({ width: 4, height: 1, channels: 1, depth: 2, data: Uint8Array.of(0b00011110) });
    expect(rgbOf(twoBit)).toEqual([0, 0, 0, 85, 85, 85, 255, 255, 255, 170, 170, 170]);
  });

  it('keeps the high byte of 16-bit colour', () => {
    const png = encodePng({ width: 2, height: 1, channels: 3, depth: 16, data: Uint16Array.of(0, 255, 256, 1000, 65535, 32768) });
    expect(rgbOf(png)).toEqual([0, 0, 1, 3, 255, 128]);
  });

  it('clips plain 16-bit gray at 255 like PIL, and says so', () => {
    const png = encodePng({ width: 4, height: 1, channels: 1, depth: 16, data: Uint16Array.of(0, 200, 256, 65535) });
    const out = decodeImage(png, 'gray16.png');
    expect(Array.from(out.rgb)).toEqual([0, 0, 0, 200, 200, 200, 255, 255, 255, 255, 255, 255]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(/gray16\.png: 16-bit gray image: 2 pixels \(50\.0%\) are above 255/);
  });

  it('maps palette indices to colours, ignoring palette alpha', () => {
    const palette = [
      [1, 2, 3, 255],
      [250, 128, 0, 0],
    ];
    const png = encodePng({ width: 4, height: 1, channels: 1, depth: 8, data: Uint8Array.of(1, 0, 1, 5), palette });
    // Index 5 is past the palette's end: PIL's default palette there is a gray ramp.
    expect(rgbOf(png)).toEqual([250, 128, 0, 1, 2, 3, 250, 128, 0, 5, 5, 5]);
  });
});

describe('JPEG', () => {
  it('decodes a jpeg-js encoded image close to the original', () => {
    const width = 32;
    const height = 24;
    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) rgba.set([(p % width) * 8, Math.floor(p / width) * 10, 128, 255], 4 * p);
    const file = jpeg.encode({ width, height, data: rgba }, 100).data;
    const out = decodeImage(new Uint8Array(file), 'smooth.jpg');
    expect([out.width, out.height, out.rgb.length]).toEqual([width, height, width * height * 3]);
    let maxDiff = 0;
    for (let p = 0; p < width * height; p++) {
      for (let c = 0; c < 3; c++) maxDiff = Math.max(maxDiff, Math.abs(out.rgb[3 * p + c]! - rgba[4 * p + c]!));
    }
    expect(maxDiff).toBeLessThanOrEqual(4);
  });

  it('refuses a truncated file', () => {
    const rgba = new Uint8Array(16 * 16 * 4).fill(90);
    const file = new Uint8Array(jpeg.encode({ width: 16, height: 16, data: rgba }, 90).data);
    expectBadInput(file.subarray(0, file.length - 40), /truncated/, 'cut.jpg');
  });
});

describe('TIFF', () => {
  it('reads 8-bit RGB, little- and big-endian', () => {
    const data = [1, 2, 3, 40, 50, 60, 200, 210, 220, 7, 8, 9];
    for (const bigEndian of [false, true]) {
      const tif = buildTiff({ width: 2, height: 2, bits: 8, samples: 3, photometric: 2, data, bigEndian });
      expect(detectImageFormat(tif)).toBe('tiff');
      expect(rgbOf(tif)).toEqual(data);
    }
  });

  it('clips 16-bit gray like PIL (mode I;16 -> RGB)', () => {
    const tif = buildTiff({ width: 3, height: 1, bits: 16, samples: 1, photometric: 1, data: [5, 255, 4095] });
    const out = decodeImage(tif, 'dem.tif');
    expect(Array.from(out.rgb)).toEqual([5, 5, 5, 255, 255, 255, 255, 255, 255]);
    expect(out.warnings[0]).toMatch(/dem\.tif: 16-bit gray image: 1 pixels/);
  });

  it('keeps the high byte of 16-bit RGB', () => {
    const tif = buildTiff({ width: 1, height: 2, bits: 16, samples: 3, photometric: 2, data: [256, 512, 65535, 0, 255, 4096] });
    expect(rgbOf(tif)).toEqual([1, 2, 255, 0, 0, 16]);
  });

  it('uses the first three of four bands and warns', () => {
    const tif = buildTiff({ width: 2, height: 1, bits: 8, samples: 4, photometric: 2, extraSamples: [0], data: [1, 2, 3, 99, 4, 5, 6, 99] });
    const out = decodeImage(tif, 'rgbn.tif');
    expect(Array.from(out.rgb)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.warnings).toEqual(['rgbn.tif: the image has 4 bands; used the first three as R, G, B']);
  });

  it('drops unassociated alpha silently', () => {
    const tif = buildTiff({ width: 1, height: 1, bits: 8, samples: 4, photometric: 2, extraSamples: [2], data: [9, 8, 7, 0] });
    const out = decodeImage(tif);
    expect([Array.from(out.rgb), out.warnings]).toEqual([[9, 8, 7], []]);
  });

  it('inverts WhiteIsZero and maps a palette through its 16-bit colour map', () => {
    expect(rgbOf(buildTiff({ width: 2, height: 1, bits: 8, samples: 1, photometric: 0, data: [0, 55] }))).toEqual([255, 255, 255, 200, 200, 200]);
    const colorMap = new Array<number>(3 * 256).fill(0);
    colorMap[1] = 0xff00; // R of entry 1
    colorMap[256 + 1] = 0x1234; // G
    colorMap[512 + 1] = 0x00ff; // B
    expect(rgbOf(buildTiff({ width: 2, height: 1, bits: 8, samples: 1, photometric: 3, colorMap, data: [1, 0] }))).toEqual([255, 0x12, 0, 0, 0, 0]);
  });
});

describe('TIFF strips larger than the codecs\' first buffer (64 KiB)', () => {
  // 200 x 150 RGB = 90000 bytes in one strip: the output buffers must grow while decoding.
  const [width, height] = [200, 150];
  const data = Array.from({ length: width * height * 3 }, (_, i) => (i * 7 + (i >> 9)) & 255);
  const plain = rgbOf(buildTiff({ width, height, bits: 8, samples: 3, photometric: 2, data }));
  const bytes = Uint8Array.from(data);

  /** PackBits as literal runs of up to 128 bytes. */
  const packBits = (b: Uint8Array) => concat(...Array.from({ length: Math.ceil(b.length / 128) }, (_, k) => {
    const run = b.subarray(128 * k, 128 * k + 128);
    return concat(Uint8Array.of(run.length - 1), run);
  }));
  /** TIFF LZW with literal codes only (9 bits), a Clear before every 250 so the width never grows. */
  const lzw = (b: Uint8Array) => {
    const codes: number[] = [];
    b.forEach((v, i) => {
      if (i % 250 === 0) codes.push(256);
      codes.push(v);
    });
    codes.push(257);
    const out = new Uint8Array(Math.ceil((codes.length * 9) / 8));
    codes.forEach((code, k) => {
      for (let bit = 0; bit < 9; bit++) if ((code >> (8 - bit)) & 1) out[(9 * k + bit) >> 3] = out[(9 * k + bit) >> 3]! | (0x80 >> ((9 * k + bit) & 7));
    });
    return out;
  };

  for (const [name, compression, payload] of [
    ['Deflate', 8, zlibSync(bytes)],
    ['PackBits', 32773, packBits(bytes)],
    ['LZW', 5, lzw(bytes)],
  ] as const) {
    it(`${name} decodes to the uncompressed pixels`, () => {
      const tif = buildTiff({ width, height, bits: 8, samples: 3, photometric: 2, data: [], compression, payload });
      const got = rgbOf(tif);
      expect(got.length).toBe(plain.length);
      expect(got.filter((v, i) => v !== plain[i]).length).toBe(0);
    });
  }
});

describe('bad input', () => {
  const png = encodePng({ width: 8, height: 8, channels: 3, depth: 8, data: new Uint8Array(8 * 8 * 3).fill(77) });

  it('an empty file', () => expectBadInput(new Uint8Array(0), /empty/));

  it('random bytes name the supported formats and the magic bytes', () => {
    const noise = Uint8Array.of(0x13, 0x37, 0xbe, 0xef, 0, 1, 2, 3, 4, 5);
    expectBadInput(noise, /not a recognised image \(first bytes: 13 37 be ef 00 01 02 03\); supported formats: PNG, JPEG and TIFF/);
  });

  it('a known but unsupported format', () => {
    expectBadInput(new TextEncoder().encode('GIF89a....'), /GIF images are not supported.*supported formats: PNG, JPEG and TIFF/, 'anim.gif');
  });

  it('a truncated PNG', () => expectBadInput(png.subarray(0, png.length - 20), /cannot read this PNG file: it is truncated \(chunk IDAT/, 'cut.png'));

  it('a PNG with a damaged chunk (CRC mismatch)', () => {
    const bad = png.slice();
    bad[45] = bad[45]! ^ 0xff; // inside IDAT's data (the chunk starts at 33)
    expectBadInput(bad, /flipped\.png: cannot read this PNG file: chunk IDAT at byte 33 is damaged \(its CRC does not match\)/, 'flipped.png');
  });

  it('a zero-size PNG', () => {
    // fast-png will not encode one: write IHDR by hand, with a valid CRC so only the size is wrong.
    const ihdr = new Uint8Array(13);
    const dv = new DataView(ihdr.buffer);
    dv.setUint32(0, 0); // width
    dv.setUint32(4, 3); // height
    ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, adaptive filter, no interlace
    const file = join([png.subarray(0, 8), pngChunk('IHDR', ihdr), pngChunk('IDAT', Uint8Array.of(0x78, 0x9c, 3, 0, 0, 0, 0, 1)), pngChunk('IEND', new Uint8Array(0))]);
    expectBadInput(file, /the image is empty or has an invalid size \(0 x 3 pixels\)/, 'zero.png');
  });

  it('a zero-size TIFF', () => {
    expectBadInput(buildTiff({ width: 0, height: 3, bits: 8, samples: 3, photometric: 2, data: [] }), /empty or has an invalid size \(0 x 3 pixels\)/, 'zero.tif');
  });

  it('a TIFF compression the decoder does not have', () => {
    const tif = buildTiff({ width: 1, height: 1, bits: 8, samples: 3, photometric: 2, data: [1, 2, 3], compression: 7 });
    expectBadInput(tif, /jpeg\.tif: cannot read this TIFF file: Compression is 7 \(supported: none, LZW, Deflate, PackBits; JPEG-in-TIFF is not\)/, 'jpeg.tif');
  });

  it('a truncated TIFF', () => {
    const tif = buildTiff({ width: 4, height: 4, bits: 8, samples: 3, photometric: 2, data: new Array<number>(48).fill(1) });
    expectBadInput(tif.subarray(0, 30), /cut\.tif: cannot read this TIFF file: its first directory offset 62 lies outside the file \(30 bytes\); it is truncated/, 'cut.tif');
  });
});
