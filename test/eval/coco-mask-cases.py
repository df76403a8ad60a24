# Generates coco-mask-cases.json: COCO segmentations and the masks the reference derives
# from them (refer.getMask: pycocotools decode, sum over segments; then `annot[mask == 1]`).
# Run with pycocotools 2.0.x: python coco-mask-cases.py > coco-mask-cases.json
import json

import numpy as np
from pycocotools import mask as cocomask

H, W = 17, 23


def reference(segmentation, h, w):
    if type(segmentation[0]) == list:
        rle = cocomask.frPyObjects(segmentation, h, w)
    else:
        rle = segmentation
    m = cocomask.decode(rle)
    m = np.sum(m, axis=2).astype(np.uint8)
    return (m == 1).astype(np.uint8)


def compressed(m):
    r = cocomask.encode(np.asfortranarray(m.astype(np.uint8)))
    return {'size': r['size'], 'counts': r['counts'].decode('ascii')}


rng = np.random.default_rng(7)
blobs = (rng.random((H, W)) > 0.55).astype(np.uint8)
big = np.zeros((40, 300), np.uint8)
big[5:35, 3:290] = 1  # runs longer than 31 and 1023: several characters per count

cases = {
    'triangle': [[2.0, 1.0, 20.0, 4.5, 6.3, 15.2]],
    'concave fractional': [[1.2, 1.7, 21.4, 2.2, 12.0, 8.1, 21.9, 15.6, 0.6, 14.9, 7.7, 8.4]],
    'partly outside': [[-5.0, -3.0, 30.0, 2.0, 18.0, 25.0]],
    'duplicate vertex': [[3.0, 3.0, 15.0, 3.0, 15.0, 3.0, 15.0, 12.0, 3.0, 12.0]],
    'two overlapping polygons': [[1.0, 1.0, 14.0, 1.0, 14.0, 10.0, 1.0, 10.0], [8.0, 5.0, 21.0, 5.0, 21.0, 15.0, 8.0, 15.0]],
    'rle random blobs': [compressed(blobs)],
    'rle long runs': [compressed(big)],
    'rle two segments overlapping': [compressed(blobs), compressed(np.roll(blobs, 3, axis=1))],
}
out = []
for name, seg in cases.items():
    h, w = (seg[0]['size'] if isinstance(seg[0], dict) else (H, W))
    m = reference(seg, h, w)
    out.append({'name': name, 'width': w, 'height': h, 'segmentation': seg, 'mask': ''.join(map(str, m.flatten().tolist()))})
print(json.dumps(out))
