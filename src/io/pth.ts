/**
 * PyTorch checkpoints read without Python. torch.save writes a zip (`archive/data.pkl` plus
 * one entry `archive/data/<key>` per storage); torch < 1.6 wrote the "legacy" format: a
 * sequence of pickles followed by the raw storages. In both, a tensor is pickled as a call
 * to torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...) whose storage is a
 * persistent id ('storage', <StorageClass>, key, location, numel). The unpickler only
 * records these views; bytes are read per tensor when asked for, so the optimizer state
 * and other non-model storages of a training checkpoint are never read.
 */
import { FianetError, quote } from '../errors.js';
import { DTYPE_SIZE, numel, shapeText, type Dtype } from './dtype.js';
import { PyGlobal, PyObject, unpickle, type PyValue, type Reducer } from './pickle.js';
import type { ByteSource } from './safetensors.js';
import { nameLabel } from './name-label.js';
import { openZip } from './zip.js';

/** Storage classes as torch pickles them (the typed-storage names, also in torch 2.x). */
const STORAGE_DTYPES: Readonly<Record<string, Dtype>> = {
  'torch.FloatStorage': 'F32',
  'torch.HalfStorage': 'F16',
  'torch.BFloat16Storage': 'BF16',
  'torch.DoubleStorage': 'F64',
  'torch.LongStorage': 'I64',
  'torch.IntStorage': 'I32',
  'torch.ShortStorage': 'I16',
  'torch.CharStorage': 'I8',
  'torch.ByteStorage': 'U8',
  'torch.BoolStorage': 'BOOL',
};

/** torch.load reads Python 2 `str` as UTF-8 (its default `encoding`), not pickle.load's ASCII. */
const TORCH_STR_ENCODING = 'utf-8';

class StorageRef {
  constructor(
    readonly key: string,
    readonly className: string,
    readonly numel: number,
  ) {}
}

/** A tensor as pickled: a strided view (in elements) into a storage. */
class TensorRef {
  constructor(
    readonly storage: StorageRef,
    readonly offset: number,
    readonly shape: number[],
    readonly stride: number[],
  ) {}
}

export interface PthTensorInfo {
  readonly name: string;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  /** In elements, as torch reports `tensor.stride()`. */
  readonly stride: readonly number[];
  readonly storageOffset: number;
  readonly storageKey: string;
}

export interface PthCheckpoint {
  readonly label: string;
  readonly format: 'zip' | 'legacy';
  /** The top-level key the state dict came from; null when the file is the state dict itself. */
  readonly stateDictKey: string | null;
  readonly topLevelKeys: readonly string[];
  /** The state dict's tensors, in file order. */
  readonly tensors: ReadonlyMap<string, PthTensorInfo>;
  /** State-dict entries that are not dense tensors, with the reason. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** Contiguous little-endian bytes of one tensor (gathered when the stored view is strided). */
  read(name: string): Promise<Uint8Array>;
}

export interface PthTensor {
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

export interface PthOptions {
  /** Top-level key holding the state dict. Default: 'model', else the top level if it holds tensors. */
  readonly key?: string;
  /** Read views that repeat their storage (stride 0, `expand`) however large they grow; default: refuse past MAX_VIEW_EXPANSION. */
  readonly expandViews?: boolean;
}

/** data.pkl of a real checkpoint (state dict and optimizer state, no tensor data) is a few MB. */
export const MAX_PICKLE_BYTES = 64 << 20;
/**
 * A view may read as at most this many times its storage's bytes (an expanded tensor repeats
 * its storage) unless `expandViews` is set, and never less than MIN_VIEW_BYTES: a few bytes of
 * storage expanded to 30000 x 30000 would otherwise become gigabytes in memory and on disk.
 */
export const MAX_VIEW_EXPANSION = 4;
const MIN_VIEW_BYTES = 1 << 20;
/** OrderedDict items in one pickle, all dicts together (a state dict and optimizer state: thousands). */
const MAX_DICT_ITEMS = 1 << 22;

interface Container {
  readonly format: 'zip' | 'legacy';
  readonly root: PyValue;
  readStorage(ref: StorageRef, dtype: Dtype, start: number, length: number): Promise<Uint8Array>;
}

type Fail = (what: string) => never;

export async function openPth(source: ByteSource, options: PthOptions = {}): Promise<PthCheckpoint> {
  const label = source.label;
  const fail: Fail = (what) => {
    throw new FianetError('bad-input', `${label}: ${what}`);
  };
  const magic = await source.read(0, Math.min(4, source.size));
  let container: Container;
  if (magic[0] === 0x50 && magic[1] === 0x4b) container = await openZipContainer(source, fail);
  else if (magic[0] === 0x80) container = await openLegacyContainer(source, fail);
  else {
    const hex = [...magic].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return fail(`not a PyTorch checkpoint: starts with bytes ${hex || '(empty file)'}, expected a zip ('PK') or a pickle (80)`);
  }
  const { dict, key, topLevelKeys } = pickStateDict(container.root, options.key, fail);
  const tensors = new Map<string, PthTensorInfo>();
  const refs = new Map<string, TensorRef>();
  const skipped: { name: string; reason: string }[] = [];
  let totalBytes = 0;
  const storageBytes = new Map<StorageRef, number>();
  for (const [k, v] of dict) {
    const name = typeof k === 'string' ? k : quote(k);
    if (!(v instanceof TensorRef)) {
      skipped.push({ name, reason: `not a dense tensor (${kindOf(v)})` });
      continue;
    }
    const dtype = Object.hasOwn(STORAGE_DTYPES, v.storage.className) ? STORAGE_DTYPES[v.storage.className] : undefined;
    if (!dtype) {
      skipped.push({ name, reason: `storage class ${quote(v.storage.className)} is not supported` });
      continue;
    }
    const bytes = numel(v.shape) * DTYPE_SIZE[dtype];
    const ownBytes = v.storage.numel * DTYPE_SIZE[dtype];
    totalBytes += bytes;
    storageBytes.set(v.storage, ownBytes);
    if (!options.expandViews && bytes > Math.max(MAX_VIEW_EXPANSION * ownBytes, MIN_VIEW_BYTES)) {
      fail(
        `tensor ${nameLabel(name)}: size ${shapeText(v.shape)}, stride ${shapeText(v.stride)} expands ${ownBytes} bytes of storage to ${bytes} bytes, ` +
          `over ${MAX_VIEW_EXPANSION}x its storage; refused unless views may be expanded (fianet convert --expand-views)`,
      );
    }
    refs.set(name, v);
    tensors.set(name, { name, dtype, shape: v.shape, stride: v.stride, storageOffset: v.offset, storageKey: v.storage.key });
  }
  // Many views of one storage each pass the rule above; together they must too.
  let stored = 0;
  for (const b of storageBytes.values()) stored += b;
  if (!options.expandViews && totalBytes > Math.max(MAX_VIEW_EXPANSION * stored, MIN_VIEW_BYTES)) {
    fail(`the state dict's ${tensors.size} tensors read as ${totalBytes} bytes from ${stored} bytes of storage, over ${MAX_VIEW_EXPANSION}x; refused unless views may be expanded (fianet convert --expand-views)`);
  }
  return {
    label,
    format: container.format,
    stateDictKey: key,
    topLevelKeys,
    tensors,
    skipped,
    async read(name) {
      const info = tensors.get(name);
      if (!info) return fail(`no tensor ${nameLabel(name)} in the state dict`);
      return readView(container, refs.get(name)!, info, fail);
    },
  };
}

/** Every tensor of the state dict, contiguous, in memory. */
export async function readPth(
  source: ByteSource,
  options: PthOptions = {},
): Promise<{ tensors: Map<string, PthTensor>; checkpoint: PthCheckpoint }> {
  const checkpoint = await openPth(source, options);
  const tensors = new Map<string, PthTensor>();
  for (const info of checkpoint.tensors.values()) {
    tensors.set(info.name, { dtype: info.dtype, shape: info.shape, data: await checkpoint.read(info.name) });
  }
  return { tensors, checkpoint };
}

interface Picked {
  dict: Map<PyValue, PyValue>;
  key: string | null;
  topLevelKeys: string[];
}

function pickStateDict(root: PyValue, key: string | undefined, fail: Fail): Picked {
  if (!(root instanceof Map)) return fail(`the checkpoint holds a ${kindOf(root)}, expected a dict`);
  const topLevelKeys = Array.from(root.keys(), String);
  // Keys come from the file: a few, each cut short.
  const keyList = () => topLevelKeys.slice(0, 12).map((k) => (k.length > 40 ? `${k.slice(0, 40)}...` : k)).join(', ') + (topLevelKeys.length > 12 ? ', ...' : '');
  if (key !== undefined) {
    const v = root.get(key);
    if (!(v instanceof Map)) return fail(`no state dict under key ${nameLabel(key)}; top-level keys: ${keyList()}`);
    return { dict: v, key, topLevelKeys };
  }
  const model = root.get('model');
  if (model instanceof Map) return { dict: model, key: 'model', topLevelKeys };
  if (model !== undefined) return fail(`'model' holds a ${kindOf(model)}, not a state dict (choose another top-level key with --key: ${keyList()})`);
  for (const v of root.values()) if (v instanceof TensorRef) return { dict: root, key: null, topLevelKeys };
  return fail(`no state dict: no 'model' key and no tensors at the top level; top-level keys: ${keyList()} (choose one with --key)`);
}

/** What a pickled value is, for messages: a class name (escaped, cut short) or a JS type. */
const kindOf = (v: PyValue) => (v instanceof PyObject ? quote(v.$class).slice(1, -1) : v === null ? 'None' : Array.isArray(v) ? 'list' : typeof v);

/** What the pickle may call: tensor rebuilding and OrderedDict. Everything else stays inert. */
function reducers(fail: Fail): Record<string, Reducer> {
  const isCount = (v: PyValue): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  // A memoized item list passed to OrderedDict again and again would rebuild it each time.
  let dictItems = 0;
  return {
    'torch._utils._rebuild_tensor_v2': (args) => {
      if (args.length < 4) return fail(`_rebuild_tensor_v2 takes (storage, offset, size, stride, ...), the pickle passes ${args.length} arguments`);
      const [storage, offset, size, stride] = args;
      if (!(storage instanceof StorageRef)) return fail('_rebuild_tensor_v2 without a storage');
      const where = `storage ${nameLabel(storage.key)}`;
      const dims = (v: PyValue, what: string): number[] =>
        Array.isArray(v) && v.every(isCount) ? v : fail(`${where}: tensor ${what} ${quote(v)} is not a tuple of counts`);
      const shape = dims(size, 'size');
      const strides = dims(stride, 'stride');
      if (shape.length !== strides.length) fail(`${where}: size ${quote(shape)} and stride ${quote(strides)} differ in rank`);
      if (!isCount(offset)) return fail(`${where}: bad storage offset ${quote(offset)}`);
      const reach = shape.reduce((s, d, i) => s + Math.max(d - 1, 0) * strides[i]!, offset);
      if (!Number.isSafeInteger(numel(shape)) || !Number.isSafeInteger(reach)) fail(`${where}: tensor size ${quote(shape)}, stride ${quote(strides)} is too large`);
      return new TensorRef(storage, offset, shape, strides);
    },
    // Parameters pickle as their data plus requires_grad and hooks, which inference ignores.
    'torch._utils._rebuild_parameter': ([data]) => data,
    'torch._utils._rebuild_parameter_with_state': ([data]) => data,
    'collections.OrderedDict': ([items]) => {
      const pairs = items === undefined ? [] : Array.isArray(items) ? items : fail(`OrderedDict of a ${kindOf(items)}, expected a list of (key, value) pairs`);
      dictItems += pairs.length;
      if (dictItems > MAX_DICT_ITEMS) fail(`OrderedDicts hold more than ${MAX_DICT_ITEMS} items in all`);
      const map = new Map<PyValue, PyValue>();
      for (const pair of pairs) {
        if (!Array.isArray(pair) || pair.length !== 2) return fail(`OrderedDict item ${quote(pair)} is not a (key, value) pair`);
        map.set(pair[0], pair[1]);
      }
      return map;
    },
  };
}

/** Persistent ids: ('storage', StorageClass, key, location, numel[, view metadata (legacy)]). */
function storageLoader(fail: Fail, storages: Map<string, StorageRef>) {
  return (pid: PyValue): StorageRef => {
    if (!Array.isArray(pid) || pid[0] !== 'storage' || !(pid[1] instanceof PyGlobal) || typeof pid[2] !== 'string') {
      return fail(`unexpected persistent id ${quote(pid)}`);
    }
    const [, cls, key, , count, view] = pid as [string, PyGlobal, string, unknown, unknown, unknown];
    if (count === undefined) return fail(`storage ${nameLabel(key)}: its persistent id has no element count`);
    if (!Number.isSafeInteger(count) || (count as number) < 0) return fail(`storage ${nameLabel(key)}: bad element count ${quote(count)}`);
    if (view !== undefined && view !== null)
      fail(`storage ${nameLabel(key)}: storage views (torch < 0.4 files) are not supported; re-save with torch.save`);
    let ref = storages.get(key);
    if (!ref) storages.set(key, (ref = new StorageRef(key, cls.qualname, count as number)));
    return ref;
  };
}

async function openZipContainer(source: ByteSource, fail: Fail): Promise<Container> {
  const zip = await openZip(source);
  const pickles: string[] = [];
  for (const n of zip.entries.keys()) if (n === 'data.pkl' || /^[^/]+\/data\.pkl$/.test(n)) pickles.push(n);
  if (pickles.length !== 1) {
    const some = Array.from(zip.entries.keys()).slice(0, 5).map(nameLabel);
    return fail(`zip archive has ${pickles.length ? 'several' : 'no'} data.pkl: not a PyTorch checkpoint (entries: ${some.join(', ')})`);
  }
  const pickleSize = zip.entries.get(pickles[0]!)!.size;
  if (pickleSize > MAX_PICKLE_BYTES) fail(`${pickles[0]} is ${pickleSize} bytes, over the ${MAX_PICKLE_BYTES}-byte limit for a checkpoint's pickle: corrupt or not a checkpoint`);
  const prefix = pickles[0]!.slice(0, -'data.pkl'.length);
  const byteorder = zip.entries.get(`${prefix}byteorder`);
  if (byteorder && new TextDecoder().decode(await zip.read(byteorder.name)).trim() !== 'little') {
    fail('storages are big-endian; re-save the checkpoint on a little-endian machine');
  }
  const storages = new Map<string, StorageRef>();
  const pickle = await zip.read(pickles[0]!);
  const root = unpickle(pickle, {
    label: `${source.label}: ${pickles[0]}`,
    strEncoding: TORCH_STR_ENCODING,
    reducers: reducers(fail),
    persistentLoad: storageLoader(fail, storages),
  }).value;
  return {
    format: 'zip',
    root,
    async readStorage(ref, dtype, start, length) {
      const name = `${prefix}data/${ref.key}`;
      const entry = zip.entries.get(name);
      if (!entry) return fail(`storage ${nameLabel(ref.key)}: no entry ${nameLabel(name)} in the archive`);
      if (entry.size !== ref.numel * DTYPE_SIZE[dtype]) {
        fail(
          `storage ${nameLabel(ref.key)}: entry holds ${entry.size} bytes, the pickle says ${ref.numel} x ${dtype} = ${ref.numel * DTYPE_SIZE[dtype]}`,
        );
      }
      return zip.read(name, start, length);
    },
  };
}

/**
 * Legacy format: pickles of the magic number, the protocol version (1001), system info,
 * the object, and the sorted storage keys; then per key an int64 element count and the raw
 * data. Storages sit back to back: their element counts are read to find where each starts,
 * their data only when a tensor is read.
 */
async function openLegacyContainer(source: ByteSource, fail: Fail): Promise<Container> {
  // The pickles come first and are small; the storages after them are read when asked for.
  const head = await source.read(0, Math.min(source.size, MAX_PICKLE_BYTES));
  const storages = new Map<string, StorageRef>();
  let pos = 0;
  const next = (withTensors = false) => {
    const options = withTensors ? { reducers: reducers(fail), persistentLoad: storageLoader(fail, storages) } : {};
    try {
      const r = unpickle(head, { label: source.label, strEncoding: TORCH_STR_ENCODING, ...options }, pos);
      pos = r.end;
      return r.value;
    } catch (e) {
      const cut = head.byteLength < source.size && e instanceof FianetError && e.message.includes(': truncated');
      throw cut ? new FianetError('bad-input', `${source.label}: the pickles before the storages run past ${MAX_PICKLE_BYTES} bytes: corrupt or not a checkpoint`) : e;
    }
  };
  if (next() !== 0x1950a86a20f9469cfc6cn) fail('starts with a pickle but not the PyTorch magic number: not a PyTorch checkpoint');
  const version = next();
  if (version !== 1001) fail(`legacy format version ${quote(version)} is not supported (expected 1001)`);
  const sysInfo = next();
  if (sysInfo instanceof Map && sysInfo.get('little_endian') === false) fail('storages are big-endian; re-save on a little-endian machine');
  const root = next(true);
  const keys = next();
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return fail('the storage key list is corrupt');
  const starts = new Map<string, number>();
  for (const key of keys as string[]) {
    const ref = storages.get(key) ?? fail(`storage ${nameLabel(key)} is listed but never used`);
    const dtype = (Object.hasOwn(STORAGE_DTYPES, ref.className) ? STORAGE_DTYPES[ref.className] : undefined) ?? fail(`storage ${nameLabel(key)} has class ${quote(ref.className)}: cannot step over it`);
    if (pos + 8 > source.size) fail(`storage ${nameLabel(key)}: truncated before its element count`);
    const countBytes = await source.read(pos, 8);
    const count = new DataView(countBytes.buffer, countBytes.byteOffset, 8).getBigInt64(0, true);
    if (count !== BigInt(ref.numel)) fail(`storage ${nameLabel(key)}: file says ${count} elements, the pickle says ${ref.numel}`);
    starts.set(key, pos + 8);
    pos += 8 + ref.numel * DTYPE_SIZE[dtype];
    if (pos > source.size) fail(`storage ${nameLabel(key)}: data runs past the end of the file: truncated`);
  }
  return {
    format: 'legacy',
    root,
    async readStorage(ref, _dtype, start, length) {
      const at = starts.get(ref.key) ?? fail(`storage ${nameLabel(ref.key)} is missing from the file`);
      return source.read(at + start, length);
    },
  };
}

async function readView(container: Container, ref: TensorRef, info: PthTensorInfo, fail: Fail): Promise<Uint8Array> {
  const el = DTYPE_SIZE[info.dtype];
  const n = numel(ref.shape);
  if (n === 0) return new Uint8Array(0);
  const last = ref.offset + ref.shape.reduce((s, d, i) => s + (d - 1) * ref.stride[i]!, 0);
  if (last >= ref.storage.numel) {
    fail(
      `tensor ${nameLabel(info.name)}: offset ${ref.offset}, size ${shapeText(ref.shape)}, stride ${shapeText(ref.stride)} reach element ${last}, ` +
        `past the end of storage ${nameLabel(ref.storage.key)} (${ref.storage.numel} elements)`,
    );
  }
  const span = await container.readStorage(ref.storage, info.dtype, ref.offset * el, (last - ref.offset + 1) * el);
  return isContiguous(ref.shape, ref.stride) ? span : gather(span, ref.shape, ref.stride, el);
}

function isContiguous(shape: readonly number[], stride: readonly number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && stride[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
}

/** Copy a strided view (element strides, relative to `src`) into row-major order. */
function gather(src: Uint8Array, shape: readonly number[], stride: readonly number[], el: number): Uint8Array {
  const out = new Uint8Array(numel(shape) * el);
  const nd = shape.length;
  const inner = shape[nd - 1]!;
  const innerStep = stride[nd - 1]! * el;
  const idx = new Array<number>(nd).fill(0);
  let o = 0;
  for (let row = 0, rows = numel(shape) / inner; row < rows; row++) {
    let s = 0;
    for (let d = 0; d < nd - 1; d++) s += idx[d]! * stride[d]!;
    s *= el;
    for (let i = 0; i < inner; i++, s += innerStep) for (let b = 0; b < el; b++) out[o++] = src[s + b]!;
    for (let d = nd - 2; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}
