"""Writes the small .pth test files next to this script, without torch.

A fake `torch` module provides the names torch.save pickles (storage classes,
torch._utils._rebuild_tensor_v2 / _rebuild_parameter), and a Pickler with torch's
persistent_id writes storages exactly as torch.save does: zip entries
archive/data.pkl, archive/data/<key>, archive/version (or, for the legacy format, the
pickle sequence followed by the raw storages). expected.json holds, per tensor, the
contiguous bytes numpy computes for each view (an independent check of stride handling).

Run: python3 test/data/pth/make.py   (needs numpy)
"""
import collections
import io
import json
import os
import pickle
import pickletools
import struct
import sys
import types
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

torch = types.ModuleType('torch')
torch_utils = types.ModuleType('torch._utils')
torch._utils = torch_utils
sys.modules['torch'] = torch
sys.modules['torch._utils'] = torch_utils

STORAGES = {'FloatStorage': np.float32, 'HalfStorage': np.float16, 'BFloat16Storage': np.uint16,
            'DoubleStorage': np.float64, 'LongStorage': np.int64, 'IntStorage': np.int32,
            'ByteStorage': np.uint8, 'BoolStorage': np.uint8}
for name in STORAGES:
    setattr(torch, name, type(name, (), {'__module__': 'torch'}))


def _rebuild_tensor_v2(*args):
    raise AssertionError('never called when writing')


def _rebuild_parameter(*args):
    raise AssertionError('never called when writing')


for fn in (_rebuild_tensor_v2, _rebuild_parameter):
    fn.__module__ = 'torch._utils'
    setattr(torch_utils, fn.__name__, fn)


class Storage:
    def __init__(self, kind, key, data):
        self.cls, self.key, self.data = getattr(torch, kind), key, np.ascontiguousarray(data)


class Tensor:
    def __init__(self, storage, offset, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)

    def __reduce_ex__(self, protocol):
        return (_rebuild_tensor_v2, (self.storage, self.offset, self.size, self.stride, False, collections.OrderedDict()))

    def contiguous_bytes(self):
        item = self.storage.data.itemsize
        view = np.lib.stride_tricks.as_strided(self.storage.data[self.offset:], self.size, [s * item for s in self.stride])
        return np.ascontiguousarray(view).tobytes()


class Parameter:
    def __init__(self, tensor):
        self.tensor = tensor

    def __reduce_ex__(self, protocol):
        return (_rebuild_parameter, (self.tensor, True, collections.OrderedDict()))


class Namespace:  # pickled as argparse.Namespace, like the authors' saved args
    pass


Namespace.__module__ = 'argparse'
sys.modules.setdefault('argparse', types.ModuleType('argparse')).Namespace = Namespace


class TorchPickler(pickle.Pickler):
    legacy = False

    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            pid = ('storage', obj.cls, obj.key, 'cpu', obj.data.size)
            return pid + (None,) if self.legacy else pid
        return None


def storages_of(obj, found):
    if isinstance(obj, Storage):
        found[obj.key] = obj
    elif isinstance(obj, Tensor):
        storages_of(obj.storage, found)
    elif isinstance(obj, Parameter):
        storages_of(obj.tensor, found)
    elif isinstance(obj, dict):
        for v in obj.values():
            storages_of(v, found)
    return found


def save_zip(obj, path, protocol=2, compression=zipfile.ZIP_STORED, pickle_bytes=None):
    buf = io.BytesIO()
    if pickle_bytes is None:
        TorchPickler(buf, protocol).dump(obj)
        pickle_bytes = buf.getvalue()
    with zipfile.ZipFile(path, 'w', compression) as z:
        z.writestr('archive/data.pkl', pickle_bytes)
        for key, s in sorted(storages_of(obj, {}).items()):
            z.writestr(f'archive/data/{key}', s.data.tobytes())
        z.writestr('archive/version', '3\n')


def save_legacy(obj, path):
    f = io.BytesIO()
    for header in (0x1950a86a20f9469cfc6c, 1001, {'protocol_version': 1001, 'little_endian': True}):
        pickle.dump(header, f, protocol=2)
    p = TorchPickler(f, 2)
    p.legacy = True
    p.dump(obj)
    storages = storages_of(obj, {})
    keys = sorted(storages)
    pickle.dump(keys, f, protocol=2)
    for key in keys:
        f.write(struct.pack('<q', storages[key].data.size))
        f.write(storages[key].data.tobytes())
    with open(path, 'wb') as out:
        out.write(f.getvalue())


DTYPE_NAMES = {'FloatStorage': 'F32', 'HalfStorage': 'F16', 'BFloat16Storage': 'BF16', 'DoubleStorage': 'F64',
               'LongStorage': 'I64', 'IntStorage': 'I32', 'ByteStorage': 'U8', 'BoolStorage': 'BOOL'}


def expected(state):
    out = {}
    for name, t in state.items():
        t = t.tensor if isinstance(t, Parameter) else t
        if isinstance(t, Tensor):
            out[name] = {'dtype': DTYPE_NAMES[t.storage.cls.__name__], 'shape': list(t.size), 'hex': t.contiguous_bytes().hex()}
    return out


def main():
    base = Storage('FloatStorage', '0', np.arange(24, dtype=np.float32) * 0.5 - 3)
    half = Storage('HalfStorage', '1', np.array([1.0, -2.5, 65504.0, 6.1e-5, 0.0, -0.0], dtype=np.float16))
    # bfloat16 bits of 1.0, -3.0, 0.15625, 3.3895314e38
    bf16 = Storage('BFloat16Storage', '2', np.array([0x3f80, 0xc040, 0x3e20, 0x7f7f], dtype=np.uint16))
    longs = Storage('LongStorage', '3', np.array([-1, 0, 7, 2**40], dtype=np.int64))
    double = Storage('DoubleStorage', '4', np.array([0.1, 1e-3, -2.0], dtype=np.float64))
    flags = Storage('BoolStorage', '5', np.array([1, 0, 1], dtype=np.uint8))
    state = collections.OrderedDict([
        ('plain', Tensor(base, 0, (4, 6), (6, 1))),
        ('transposed', Tensor(base, 0, (6, 4), (1, 6))),  # base.view(4, 6).t(): shares storage 0
        ('sliced', Tensor(base, 7, (2, 3), (6, 2))),  # offset and steps in both dims
        ('expanded', Tensor(base, 3, (3, 2), (0, 1))),  # a broadcast (stride 0) dimension
        ('scalar', Tensor(base, 23, (), ())),
        ('empty', Tensor(base, 0, (0, 5), (5, 1))),
        ('weight', Parameter(Tensor(half, 0, (2, 3), (3, 1)))),
        ('half_t', Tensor(half, 1, (2, 2), (1, 2))),
        ('bf16', Tensor(bf16, 0, (4,), (1,))),
        ('ids', Tensor(longs, 0, (2, 2), (2, 1))),
        ('double', Tensor(double, 0, (3,), (1,))),
        ('mask', Tensor(flags, 0, (3,), (1,))),
        ('args', Namespace()),
    ])
    state['args'].lr = 1e-4
    checkpoint = {'model': state, 'epoch': 3, 'args': state['args'], 'optimizer': {'state': {}, 'param_groups': [{'lr': 0.1}]}}
    save_zip(checkpoint, os.path.join(HERE, 'views.pth'))
    save_zip(checkpoint, os.path.join(HERE, 'views-proto4.pth'), protocol=4)
    save_zip(state, os.path.join(HERE, 'views-deflated.pth'), compression=zipfile.ZIP_DEFLATED)
    save_legacy(checkpoint, os.path.join(HERE, 'views-legacy.pth'))
    # zip64 records are written only past 4 GiB; lower the limit so a small file has them all.
    limit = zipfile.ZIP64_LIMIT
    zipfile.ZIP64_LIMIT = 64
    save_zip(checkpoint, os.path.join(HERE, 'views-zip64.pth'))
    zipfile.ZIP64_LIMIT = limit
    with open(os.path.join(HERE, 'expected.json'), 'w') as f:
        json.dump(expected(state), f, indent=1, sort_keys=True)

    small = Storage('FloatStorage', '0', np.arange(10, dtype=np.float32))
    save_zip({'model': {'w': Tensor(small, 8, (4,), (1,))}}, os.path.join(HERE, 'bad-offset.pth'))
    # A pickle with an opcode torch.save never writes (INST, protocol 0) building an object,
    # and one whose state dict holds a call to os.system: both must stay inert placeholders.
    inst = b'\x80\x02}X\x05\x00\x00\x00model(iargparse\nNamespace\ns.'
    pickletools.dis(inst, out=io.StringIO())
    save_zip({'model': {}}, os.path.join(HERE, 'bad-opcode.pth'), pickle_bytes=inst)
    save_zip({'model': {'w': Tensor(small, 0, (10,), (1,)), 'evil': Evil()}}, os.path.join(HERE, 'evil.pth'))


class Evil:
    def __reduce__(self):
        return (os.system, ('echo pwned > /tmp/fianet-pwned',))

main()
