# Writes resize-pil-cases.json: ground truth from Pillow for test/io/resize-pil.test.ts.
# Run with a Python that has Pillow >= 7 and numpy (Debian: python3-pil python3-numpy):
#   python3 test/io/resize-pil-cases.py
# The file records the Pillow version it was made with.
import base64, json, os
import numpy as np
import PIL
from PIL import Image

rng = np.random.default_rng(5)
b64 = lambda a: base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()

bilinear = []
for (w, h), sizes in [
    ((37, 23), [(16, 16), (11, 23), (37, 9), (80, 50), (100, 7), (1, 1), (3, 40), (36, 22), (38, 24)]),
    ((1, 1), [(5, 3)]),
    ((200, 3), [(7, 3), (480, 5)]),
]:
    src = rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
    # Smooth structure as well as noise, so rounding is exercised on mid-range values too.
    src[: h // 2] = (np.arange(w)[None, :, None] * 255 // max(w - 1, 1)).astype(np.uint8)
    im = Image.fromarray(src, 'RGB')
    for ow, oh in sizes:
        out = np.asarray(im.resize((ow, oh), Image.BILINEAR))
        bilinear.append({'width': w, 'height': h, 'src': b64(src), 'outWidth': ow, 'outHeight': oh, 'out': b64(out)})

# NEAREST: x and y are mapped independently, so 1-D images whose values are their own
# coordinates give PIL's source index for every output column / row directly.
nearest = []
for n_in, n_out in [(7, 13), (13, 7), (120, 97), (128, 1000), (480, 512), (250, 997), (512, 480), (3, 1), (1, 4)]:
    src = np.arange(n_in, dtype=np.int32)[None, :]
    row = np.asarray(Image.fromarray(src, 'I').resize((n_out, 1), Image.NEAREST))[0]
    col = np.asarray(Image.fromarray(src.T.copy(), 'I').resize((1, n_out), Image.NEAREST))[:, 0]
    assert (row == col).all()
    nearest.append({'in': n_in, 'out': n_out, 'index': row.tolist()})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'resize-pil-cases.json')
with open(path, 'w') as f:
    json.dump({'pillow': PIL.__version__, 'bilinear': bilinear, 'nearest': nearest}, f)
