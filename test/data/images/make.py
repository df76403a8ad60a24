#!/usr/bin/python3
"""Writes the image conformance set: small valid PNG, JPEG and TIFF files covering the layouts
the decoders must read, and expected.json with PIL's decode of each (Image.open(f).convert('RGB'),
the reference preprocessing), checked pixel for pixel by test/io/image-conformance.test.ts.

Run once with Debian's python3-pil (Pillow 9.4 when written): /usr/bin/python3 make.py
Tests never run this; they read the committed files. PIL cannot write every variant (Adam7 at
low bit depths, every PNG filter type, TIFF tiles and predictors), so PNGs and most TIFFs come
from the small writers below and PIL only decodes them; a few files are written by PIL itself.
"""
import base64, io, json, os, random, struct, zlib

import PIL
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 13, 11  # awkward: every Adam7 pass non-empty, rows not byte-aligned at low depths
rng = random.Random(13)
files = {}


def samples(n, bits):
    top = (1 << bits) - 1
    # Extremes first, then random values: every depth's 0 and max are exercised.
    return [0, top] + [rng.randint(0, top) for _ in range(n - 2)]


# ---- PNG -------------------------------------------------------------------------------

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def pack_row(vals, bits):
    if bits == 8:
        return bytes(vals)
    if bits == 16:
        return b''.join(struct.pack('>H', v) for v in vals)
    out, acc, n = bytearray(), 0, 0
    for v in vals:
        acc, n = (acc << bits) | v, n + bits
        if n == 8:
            out.append(acc); acc, n = 0, 0
    if n:
        out.append(acc << (8 - n))
    return bytes(out)


def filter_row(kind, row, prev, bpp):
    def left(i): return row[i - bpp] if i >= bpp else 0
    def up_left(i): return prev[i - bpp] if i >= bpp else 0
    def paeth(a, b, c):
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        return a if pa <= pb and pa <= pc else b if pb <= pc else c
    pred = [0, left, lambda i: prev[i], lambda i: (left(i) + prev[i]) // 2, lambda i: paeth(left(i), prev[i], up_left(i))][kind]
    return bytes([kind]) + bytes((row[i] - (pred(i) if kind else 0)) & 255 for i in range(len(row)))


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png(w, h, bits, colour_type, pixels, interlace=False, extra=b'', idat_parts=1):
    """pixels: rows of per-pixel sample lists. Rows cycle through all five filter types."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    bpp = max(1, channels * bits // 8)
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    raw, k = b'', 0
    for x0, y0, dx, dy in passes:
        prev = None
        for y in range(y0, h, dy):
            vals = [s for x in range(x0, w, dx) for s in pixels[y][x]]
            if not vals:
                continue
            row = pack_row(vals, bits)
            prev = prev if prev is not None else bytes(len(row))
            raw += filter_row(k % 5, row, prev, bpp)
            prev, k = row, k + 1
    z = zlib.compress(raw, 9)
    cut = [len(z) * i // idat_parts for i in range(idat_parts + 1)]
    ihdr = struct.pack('>IIBBBBB', w, h, bits, colour_type, 0, 0, 1 if interlace else 0)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + extra
            + b''.join(chunk(b'IDAT', z[a:b]) for a, b in zip(cut, cut[1:])) + chunk(b'IEND', b''))


def image(w, h, channels, bits):
    flat = samples(w * h * channels, bits)
    return [[flat[(y * w + x) * channels:(y * w + x + 1) * channels] for x in range(w)] for y in range(h)]


PLTE = chunk(b'PLTE', bytes(rng.randint(0, 255) for _ in range(3 * 16)))
for interlace in (False, True):
    tag = '-adam7' if interlace else ''
    for bits in (1, 2, 4, 8, 16):
        files[f'png-gray{bits}{tag}.png'] = png(W, H, bits, 0, image(W, H, 1, bits), interlace)
    for bits in (8, 16):
        files[f'png-graya{bits}{tag}.png'] = png(W, H, bits, 4, image(W, H, 2, bits), interlace)
        files[f'png-rgb{bits}{tag}.png'] = png(W, H, bits, 2, image(W, H, 3, bits), interlace)
        files[f'png-rgba{bits}{tag}.png'] = png(W, H, bits, 6, image(W, H, 4, bits), interlace)
    for bits in (1, 2, 4, 8):
        n = min(16, 1 << bits)
        pal = chunk(b'PLTE', bytes(rng.randint(0, 255) for _ in range(3 * n)))
        idx = [[[rng.randrange(n)] for x in range(W)] for y in range(H)]
        files[f'png-palette{bits}{tag}.png'] = png(W, H, bits, 3, idx, interlace, pal)
        trns = chunk(b'tRNS', bytes(rng.randint(0, 255) for _ in range(n // 2 + 1)))
        files[f'png-palette{bits}-trns{tag}.png'] = png(W, H, bits, 3, idx, interlace, pal + trns)
# Suggested palettes on images that are not palette images: PLTE must be ignored.
files['png-rgb8-plte.png'] = png(W, H, 8, 2, image(W, H, 3, 8), extra=PLTE)
files['png-rgb16-plte-adam7.png'] = png(W, H, 16, 2, image(W, H, 3, 16), True, PLTE)
files['png-rgba8-plte.png'] = png(W, H, 8, 6, image(W, H, 4, 8), extra=PLTE)
files['png-graya8-plte.png'] = png(W, H, 8, 4, image(W, H, 2, 8), extra=PLTE)
# Transparency that convert('RGB') ignores; the image data split over several IDAT chunks.
files['png-gray8-trns.png'] = png(W, H, 8, 0, image(W, H, 1, 8), extra=chunk(b'tRNS', b'\x00\x07'))
files['png-rgb16-trns.png'] = png(W, H, 16, 2, image(W, H, 3, 16), extra=chunk(b'tRNS', bytes(6)))
files['png-rgb8-split-idat.png'] = png(W, H, 8, 2, image(W, H, 3, 8), idat_parts=5)
# Indices past a short palette's end (PIL reads its default gray ramp there).
files['png-palette8-short.png'] = png(W, H, 8, 3, [[[rng.randrange(40)] for x in range(W)] for y in range(H)], extra=PLTE)
# Tiny interlaced images: most Adam7 passes are empty.
for w, h in ((1, 1), (3, 2), (2, 5)):
    files[f'png-rgb8-adam7-{w}x{h}.png'] = png(w, h, 8, 2, image(w, h, 3, 8), True)
    files[f'png-gray2-adam7-{w}x{h}.png'] = png(w, h, 2, 0, image(w, h, 1, 2), True)


# ---- JPEG (written by PIL/libjpeg-turbo) -------------------------------------------------

def smooth(w, h, mode):
    im = Image.new('RGB', (w, h))
    im.putdata([(int(255 * x / (w - 1)), int(255 * y / (h - 1)), 128 + int(60 * ((x * y) % 7) / 6)) for y in range(h) for x in range(w)])
    return im.convert(mode)


def saved(im, fmt, **kw):
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


JW, JH = 29, 19
files['jpeg-baseline-420.jpg'] = saved(smooth(JW, JH, 'RGB'), 'JPEG', quality=92)
files['jpeg-baseline-444.jpg'] = saved(smooth(JW, JH, 'RGB'), 'JPEG', quality=92, subsampling=0)
files['jpeg-progressive-420.jpg'] = saved(smooth(JW, JH, 'RGB'), 'JPEG', quality=92, progressive=True)
files['jpeg-progressive-444.jpg'] = saved(smooth(JW, JH, 'RGB'), 'JPEG', quality=92, progressive=True, subsampling=0)
files['jpeg-gray.jpg'] = saved(smooth(JW, JH, 'L'), 'JPEG', quality=92)
files['jpeg-gray-progressive.jpg'] = saved(smooth(JW, JH, 'L'), 'JPEG', quality=92, progressive=True)


# ---- TIFF ----------------------------------------------------------------------------------

def lzw(data):
    """TIFF LZW (MSB-first, code width grows one code early, Clear first and EOI last)."""
    out, acc, nacc = bytearray(), 0, 0
    def put(code, width):
        nonlocal acc, nacc
        acc, nacc = (acc << width) | code, nacc + width
        while nacc >= 8:
            nacc -= 8; out.append((acc >> nacc) & 255)
    table, width, nxt, w = {bytes([i]): i for i in range(256)}, 9, 258, b''
    put(256, 9)
    for b in data:
        wc = w + bytes([b])
        if wc in table:
            w = wc; continue
        put(table[w], width)
        table[wc] = nxt; nxt += 1
        if nxt >= (1 << width) and width < 12:
            width += 1
        if nxt >= 4094:
            put(256, width); table = {bytes([i]): i for i in range(256)}; width, nxt = 9, 258
        w = bytes([b])
    if w:
        put(table[w], width)
        nxt += 1
        if nxt >= (1 << width) and width < 12:
            width += 1
    put(257, width)
    if nacc:
        out.append((acc << (8 - nacc)) & 255)
    return bytes(out)


def packbits(data):
    out, i = bytearray(), 0
    while i < len(data):
        run = 1
        while i + run < len(data) and run < 128 and data[i + run] == data[i]:
            run += 1
        if run > 1:
            out += bytes([(257 - run) & 255, data[i]]); i += run; continue
        j = i
        while j < len(data) and j - i < 128 and not (j + 1 < len(data) and data[j + 1] == data[j]):
            j += 1
        j = max(j, i + 1)
        out += bytes([j - i - 1]) + data[i:j]; i = j
    return bytes(out)


COMPRESS = {1: lambda d: d, 5: lzw, 8: lambda d: zlib.compress(d, 9), 32773: packbits}


def tiff(w, h, vals, bits, spp, photometric, compression=1, predictor=1, rows=None, tile=None, big_endian=False, extra=None, colormap=None):
    """vals: interleaved samples. Strips of `rows` rows, or tiles of tile=(tw, th), padded with 0."""
    e = '>' if big_endian else '<'
    def row_bytes(vs):
        if bits == 16:
            return b''.join(struct.pack(e + 'H', v) for v in vs)
        return pack_row(vs, bits)
    def predict(vs):
        if predictor != 2:
            return vs
        m = (1 << bits) - 1
        return vs[:spp] + [(vs[i] - vs[i - spp]) & m for i in range(spp, len(vs))]
    def block(x0, y0, bw, bh):
        data = b''
        for y in range(y0, y0 + bh):
            vs = [vals[(y * w + x) * spp + s] if x < w and y < h else 0 for x in range(x0, x0 + bw) for s in range(spp)]
            data += row_bytes(predict(vs))
        return COMPRESS[compression](data)
    if tile:
        tw, th = tile
        blocks = [block(x, y, tw, th) for y in range(0, h, th) for x in range(0, w, tw)]
    else:
        rows = rows or h
        blocks = [block(0, y, w, min(rows, h - y)) for y in range(0, h, rows)]
    tags = [(256, 3, [w]), (257, 4, [h]), (258, 3, [bits] * spp), (259, 3, [compression]), (262, 3, [photometric]), (277, 3, [spp])]
    if predictor != 1:
        tags.append((317, 3, [predictor]))
    if colormap:
        tags.append((320, 3, colormap))
    if extra:
        tags.append((338, 3, extra))
    off_tag, cnt_tag = (324, 325) if tile else (273, 279)
    if tile:
        tags += [(322, 3, [tile[0]]), (323, 3, [tile[1]])]
    else:
        tags.append((278, 4, [rows]))
    data = b''.join(blocks)
    offsets, at = [], 8
    for b in blocks:
        offsets.append(at); at += len(b)
    tags += [(off_tag, 4, offsets), (cnt_tag, 4, [len(b) for b in blocks])]
    tags.sort()
    heap_at = 8 + len(data)
    heap_at += heap_at % 2
    ifd_at = heap_at + sum(len(v) * (2 if t == 3 else 4) for _, t, v in tags if len(v) * (2 if t == 3 else 4) > 4)
    ifd_at += ifd_at % 2
    heap, entries = b'', b''
    for tag, typ, v in tags:
        payload = b''.join(struct.pack(e + ('H' if typ == 3 else 'I'), x) for x in v)
        if len(payload) <= 4:
            entries += struct.pack(e + 'HHI', tag, typ, len(v)) + payload.ljust(4, b'\0')
        else:
            entries += struct.pack(e + 'HHII', tag, typ, len(v), heap_at + len(heap)); heap += payload
    head = (b'MM' if big_endian else b'II') + struct.pack(e + 'HI', 42, ifd_at)
    body = head + data
    body += b'\0' * (heap_at - len(body)) + heap
    body += b'\0' * (ifd_at - len(body))
    return body + struct.pack(e + 'H', len(tags)) + entries + struct.pack(e + 'I', 0)


NAMES = {1: 'raw', 5: 'lzw', 8: 'deflate', 32773: 'packbits'}
rgb8, rgb16 = samples(W * H * 3, 8), samples(W * H * 3, 16)
for comp, name in NAMES.items():
    files[f'tiff-rgb8-strips-{name}.tif'] = tiff(W, H, rgb8, 8, 3, 2, comp, rows=4)
    files[f'tiff-rgb8-tiles-{name}.tif'] = tiff(W, H, rgb8, 8, 3, 2, comp, tile=(16, 16))
    files[f'tiff-gray8-tiles-{name}-be.tif'] = tiff(W, H, samples(W * H, 8), 8, 1, 1, comp, tile=(16, 16), big_endian=True)
for comp in (5, 8):
    files[f'tiff-rgb8-predictor-{NAMES[comp]}.tif'] = tiff(W, H, rgb8, 8, 3, 2, comp, predictor=2, rows=3)
    files[f'tiff-rgb16-predictor-{NAMES[comp]}.tif'] = tiff(W, H, rgb16, 16, 3, 2, comp, predictor=2, rows=5)
    files[f'tiff-rgb16-predictor-{NAMES[comp]}-be.tif'] = tiff(W, H, rgb16, 16, 3, 2, comp, predictor=2, big_endian=True)
    files[f'tiff-rgba8-tiles-predictor-{NAMES[comp]}.tif'] = tiff(W, H, samples(W * H * 4, 8), 8, 4, 2, comp, predictor=2, tile=(16, 16), extra=[2])
files['tiff-rgb16.tif'] = tiff(W, H, rgb16, 16, 3, 2, rows=2)
files['tiff-rgb16-be.tif'] = tiff(W, H, rgb16, 16, 3, 2, big_endian=True)
files['tiff-gray16-lzw.tif'] = tiff(W, H, samples(W * H, 16), 16, 1, 1, 5, rows=6)
files['tiff-gray1-packbits.tif'] = tiff(W, H, samples(W * H, 1), 1, 1, 1, 32773, rows=5)
files['tiff-gray1-whiteiszero.tif'] = tiff(W, H, samples(W * H, 1), 1, 1, 0)
files['tiff-gray4.tif'] = tiff(W, H, samples(W * H, 4), 4, 1, 1)
files['tiff-gray8-whiteiszero-deflate.tif'] = tiff(W, H, samples(W * H, 8), 8, 1, 0, 8)
files['tiff-graya8.tif'] = tiff(W, H, samples(W * H * 2, 8), 8, 2, 1, extra=[2])
files['tiff-palette8-lzw.tif'] = tiff(W, H, samples(W * H, 8), 8, 1, 3, 5, colormap=[rng.randint(0, 65535) for _ in range(3 * 256)])
files['tiff-palette4.tif'] = tiff(W, H, samples(W * H, 4), 4, 1, 3, colormap=[rng.randint(0, 65535) for _ in range(3 * 16)])
# Written by PIL itself (through libtiff for the compressed ones).
pil_rgb = Image.frombytes('RGB', (W, H), bytes(rgb8))
for comp in ('raw', 'tiff_lzw', 'tiff_adobe_deflate', 'packbits'):
    files[f'tiff-pil-rgb8-{comp}.tif'] = saved(pil_rgb, 'TIFF', compression=comp)
files['tiff-pil-gray8-lzw.tif'] = saved(pil_rgb.convert('L'), 'TIFF', compression='tiff_lzw')


# ---- write the files and PIL's decode ----------------------------------------------------

expected = {'pillow': PIL.__version__, 'images': {}}
for name, data in sorted(files.items()):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)
    im = Image.open(io.BytesIO(data))
    rgb = im.convert('RGB')
    expected['images'][name] = {'mode': im.mode, 'width': rgb.width, 'height': rgb.height, 'rgb': base64.b64encode(rgb.tobytes()).decode()}
with open(os.path.join(HERE, 'expected.json'), 'w') as f:
    json.dump(expected, f, indent=0)
    f.write('\n')
print(f'{len(files)} images, {sum(map(len, files.values()))} bytes')
