# Generates rrsisd-refs.json: refs in the shape of RRSIS-D's refs(unc).p and that list
# pickled by Python (base64), for the RRSIS-D reader test, which writes the matching
# instances.json itself:
#   pickle_protocol_N   the refs pickled by Python 3 at protocol N (0-5)
#   py2_protocol_N      the same with Python 2 `str` opcodes (STRING / SHORT_BINSTRING), as
#                       Python 2's pickle wrote them: what refs(unc).p of the RefCOCO lineage holds
#   numpy2_protocol_N   ids as numpy.int64 and sent_ids as an int64 array, numpy 2.x module
#                       paths (numpy._core), as this numpy writes them
#   numpy1_protocol_N   the same with numpy 1.x paths (numpy.core), written by rewriting the
#                       module name of each global (the only difference numpy 1.x makes)
#   numpy_values        numpy scalars and arrays of every bool/int/uint/float dtype, both byte
#                       orders, C and Fortran order, pickled at each protocol, and their values
# Run (needs python3-numpy): python3 rrsisd-refs.py > rrsisd-refs.json
import base64
import io
import json
import pickle

import numpy as np


def ref(ref_id, image_id, ann_id, category_id, split, sentences, num=lambda v: v):
    return {
        'image_id': num(image_id), 'split': split, 'ann_id': num(ann_id), 'ref_id': num(ref_id), 'category_id': num(category_id),
        'file_name': '%05d.jpg' % image_id,
        'sent_ids': list(range(ref_id * 10, ref_id * 10 + len(sentences))) if num is not np.int64
        else np.arange(ref_id * 10, ref_id * 10 + len(sentences), dtype=np.int64),
        'sentences': [{'tokens': s.split(), 'raw': s, 'sent_id': num(ref_id * 10 + k), 'sent': s.lower()} for k, s in enumerate(sentences)],
    }


def make_refs(num=lambda v: v):
    return [
        ref(0, 1, 100, 1, 'train', ['the airplane on the left'], num),
        ref(1, 1, 101, 2, 'test', ['The ship at the top'], num),
        ref(2, 2, 102, 1, 'test', ['a gray airplane', 'the airplane in the middle'], num),
        ref(3, 3, 103, 2, 'val', ['the ship near the bridge'], num),
        ref(4, 2, 999, 1, 'test', ['an airplane with no annotation'], num),
        ref(5, 4, 104, 2, 'testB', ['the ship in the polygon image'], num),
    ]


def py2_repr(s):
    """repr() of a Python 2 str: single quotes unless the text has ' and no "."""
    quote = '"' if "'" in s and '"' not in s else "'"
    out = []
    for c in s:
        if c in (quote, '\\'):
            out.append('\\' + c)
        elif c in '\t\n\r':
            out.append({'\t': '\\t', '\n': '\\n', '\r': '\\r'}[c])
        elif ' ' <= c < '\x7f':
            out.append(c)
        else:
            out.append('\\x%02x' % ord(c))
    return quote + ''.join(out) + quote


class Py2StrPickler(pickle._Pickler):
    """Writes every str as Python 2's pickle wrote a str (bytes): STRING at protocol 0,
    SHORT_BINSTRING / BINSTRING at 1 and 2."""
    dispatch = dict(pickle._Pickler.dispatch)

    def save_py2_str(self, obj):
        data = obj.encode('ascii')
        if self.proto == 0:
            self.write(pickle.STRING + py2_repr(obj).encode('ascii') + b'\n')
        elif len(data) < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([len(data)]) + data)
        else:
            self.write(pickle.BINSTRING + len(data).to_bytes(4, 'little') + data)
        self.memoize(obj)

    dispatch[str] = save_py2_str


class Numpy1Pickler(pickle._Pickler):
    """Pickles as numpy 1.x does: its module is numpy.core where numpy 2 says numpy._core."""

    def save_global(self, obj, name=None):
        name = name or getattr(obj, '__qualname__', None) or obj.__name__
        module = pickle.whichmodule(obj, name)
        if not module.startswith('numpy._core'):
            return super().save_global(obj, name)
        module = module.replace('numpy._core', 'numpy.core')
        if self.proto >= 4:
            self.save(module)
            self.save(name)
            self.write(pickle.STACK_GLOBAL)
        else:
            self.write(pickle.GLOBAL + (module + '\n' + name + '\n').encode('utf-8'))
        self.memoize(obj)


def dumps(value, protocol, pickler=pickle.Pickler):
    out = io.BytesIO()
    pickler(out, protocol=protocol).dump(value)
    data = out.getvalue()
    pickle.loads(data)  # Python reads back what it wrote
    return base64.b64encode(data).decode()


def plain(v):
    """The value as JSON: numpy scalars and arrays as numbers and lists (NaN/inf as strings)."""
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.tolist()] if v.ndim else plain(v.item())
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not np.isfinite(v):
        return repr(v)
    return v


NUMPY_VALUES = [
    np.bool_(True), np.bool_(False), np.int8(-128), np.uint8(255), np.int16(-30000), np.uint16(65535),
    np.int32(-2**31), np.uint32(2**32 - 1), np.int64(-2**53 + 1), np.int64(123456789012), np.uint64(2**53 - 1),
    np.float16(0.333), np.float16(-65504), np.float32(1.1), np.float64(-2.5e-300), np.float64('inf'),
    np.array([1, -2, 3], dtype='>i4'), np.array([0.5, 1e10], dtype='>f8'), np.array([True, False, True]),
    np.arange(6, dtype=np.uint16).reshape(2, 3), np.asfortranarray(np.arange(6, dtype=np.int64).reshape(2, 3) - 3),
    np.array([], dtype=np.float32), np.zeros((0, 4), dtype=np.int8), np.array([[1.5, -0.25]], dtype=np.float16),
]

refs = make_refs()
numpy_refs = make_refs(np.int64)
result = {'refs': refs}
for p in range(6):
    result['pickle_protocol_%d' % p] = dumps(refs, p)
for p in (0, 1, 2):
    result['py2_protocol_%d' % p] = dumps(refs, p, Py2StrPickler)
for p in range(6):
    result['numpy2_protocol_%d' % p] = dumps(numpy_refs, p)
    result['numpy1_protocol_%d' % p] = dumps(numpy_refs, p, Numpy1Pickler)
result['numpy_values'] = {'expected': plain(NUMPY_VALUES), **{'protocol_%d' % p: dumps(NUMPY_VALUES, p) for p in range(6)}}
print(json.dumps(result))
