// Builds small single-strip TIFFs byte by byte (TIFF 6.0 baseline), so the decoder is tested
// on layouts no npm encoder writes (16-bit gray, 4 bands, big-endian) and on hostile
// directories: any tag replaced or added with any type, any strip payload.
export interface TiffSpec {
  width: number;
  height: number;
  bits: 8 | 16;
  samples: number;
  photometric: 0 | 1 | 2 | 3; // WhiteIsZero, BlackIsZero, RGB, Palette
  data: ArrayLike<number>; // interleaved samples, width * height * samples
  extraSamples?: number[]; // tag 338 values, one per sample beyond the colour ones
  colorMap?: number[]; // 3 * 2^bits 16-bit values (R..., G..., B...)
  bigEndian?: boolean;
  compression?: number; // tag 259; the data is written uncompressed whatever this says
  payload?: Uint8Array; // the strip's bytes as stored, instead of `data` (e.g. compressed)
  tags?: Array<[tag: number, type: number, values: number[]]>; // replace or add entries (types 3, 4, 12)
}

/** Bytes per value: SHORT 2, LONG 4, DOUBLE 8. */
const size = (type: number) => (type === 3 ? 2 : type === 12 ? 8 : 4);

export function buildTiff(s: TiffSpec): Uint8Array {
  const le = !s.bigEndian;
  const bytesPerSample = s.bits / 8;
  const pixelBytes = s.payload?.length ?? s.width * s.height * s.samples * bytesPerSample;
  const entries: Array<[tag: number, type: number, values: number[]]> = [
    [256, 4, [s.width]],
    [257, 4, [s.height]],
    [258, 3, new Array<number>(s.samples).fill(s.bits)],
    [259, 3, [s.compression ?? 1]],
    [262, 3, [s.photometric]],
    [273, 4, [0]], // patched below once the layout is known
    [277, 3, [s.samples]],
    [278, 4, [s.height]],
    [279, 4, [pixelBytes]],
    [284, 3, [1]],
  ];
  if (s.colorMap) entries.push([320, 3, s.colorMap]);
  if (s.extraSamples) entries.push([338, 3, s.extraSamples]);
  for (const t of s.tags ?? []) {
    const i = entries.findIndex(([tag]) => tag === t[0]);
    if (i >= 0) entries[i] = t;
    else entries.push(t);
  }
  entries.sort((a, b) => a[0] - b[0]);

  // Layout: header (8) | pixels | out-of-line values | IFD
  const outOfLine = entries.filter(([, t, v]) => v.length * size(t) > 4);
  const extraBytes = outOfLine.reduce((n, [, t, v]) => n + v.length * size(t), 0);
  const ifdOffset = 8 + pixelBytes + extraBytes + ((pixelBytes + extraBytes) % 2);
  const total = ifdOffset + 2 + entries.length * 12 + 4;
  const buf = new Uint8Array(total);
  const dv = new DataView(buf.buffer);
  buf.set(le ? [0x49, 0x49] : [0x4d, 0x4d]);
  dv.setUint16(2, 42, le);
  dv.setUint32(4, ifdOffset, le);
  const offsets = entries.find(([tag]) => tag === 273)?.[2];
  if (offsets?.length === 1 && offsets[0] === 0) offsets[0] = 8;
  if (s.payload) buf.set(s.payload, 8);
  for (let i = 0; !s.payload && i < s.data.length; i++) {
    if (s.bits === 8) buf[8 + i] = s.data[i]!;
    else dv.setUint16(8 + 2 * i, s.data[i]!, le);
  }
  let extra = 8 + pixelBytes;
  let p = ifdOffset;
  dv.setUint16(p, entries.length, le);
  p += 2;
  for (const [tag, type, values] of entries) {
    dv.setUint16(p, tag, le);
    dv.setUint16(p + 2, type, le);
    dv.setUint32(p + 4, values.length, le);
    const inline = values.length * size(type) <= 4;
    let at = inline ? p + 8 : extra;
    if (!inline) {
      dv.setUint32(p + 8, extra, le);
      extra += values.length * size(type);
    }
    for (const v of values) {
      if (type === 3) dv.setUint16(at, v, le);
      else if (type === 12) dv.setFloat64(at, v, le);
      else dv.setUint32(at, v, le);
      at += size(type);
    }
    p += 12;
  }
  dv.setUint32(p, 0, le);
  return buf;
}
