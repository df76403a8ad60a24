/**
 * numpy values in a pickle, rebuilt as plain data without running numpy: scalars of
 * bool/int/uint/float dtypes (`multiarray.scalar(dtype, bytes)`) become numbers (bigint beyond
 * 2^53) or booleans, and small 1-D/2-D arrays of those dtypes (`multiarray._reconstruct` +
 * BUILD, or `numeric._frombuffer` at protocol 5) become arrays of them. Both numpy 1.x
 * (`numpy.core`) and numpy 2.x (`numpy._core`) module paths. Anything else numpy pickles
 * (structured, object, string or datetime dtypes, bigger arrays) is refused with a reason.
 * Pass `numpyReducers()` to unpickle, then `plainNumpy` on each value taken from the result.
 */
import { quote } from '../errors.js';
import { f16BitsToF32 } from './dtype.js';
import { PyBuildable, PyGlobal, type PyValue, type Reducer } from './pickle.js';

/** The most elements one array may hold ("small numeric arrays": ids, boxes, masks of a dataset). */
export const MAX_NUMPY_ELEMENTS = 1 << 20;
/**
 * The most elements decoded from one pickle, all arrays together: a few bytes of opcodes can
 * rebuild the same memoized array data again and again, so the file size alone bounds nothing.
 */
export const MAX_NUMPY_TOTAL_ELEMENTS = 1 << 22;

type Fail = (what: string) => never;
type Plain = number | bigint | boolean;

const KIND_SIZES: Readonly<Record<string, readonly number[]>> = { b: [1], i: [1, 2, 4, 8], u: [1, 2, 4, 8], f: [2, 4, 8] };

/** `numpy.dtype(typestr, align, copy)`, then its BUILD state (byte order; no fields). */
export class NumpyDtype extends PyBuildable {
  littleEndian = true;
  private readonly code: string;
  constructor(
    readonly kind: string,
    readonly size: number,
  ) {
    super();
    this.code = `${kind}${size}`;
  }
  setState(state: PyValue, fail: Fail): void {
    if (!Array.isArray(state) || state.length < 5) return fail(`numpy dtype state ${quote(state)} is not a dtype's`);
    const [, order, subarray, names, fields] = state;
    if (subarray !== null || names !== null || fields !== null) fail('structured numpy dtypes (with fields) are not read');
    if (order === '>') this.littleEndian = false;
    else if (order !== '<' && order !== '|' && order !== '=') fail(`numpy dtype byte order ${quote(order)} is not one of < > | =`);
  }
  /** Element `i` of little- or big-endian data. */
  read(data: DataView, i: number): Plain {
    const at = i * this.size;
    const le = this.littleEndian;
    switch (this.code) {
      case 'b1':
        return data.getUint8(at) !== 0;
      case 'i1':
        return data.getInt8(at);
      case 'u1':
        return data.getUint8(at);
      case 'i2':
        return data.getInt16(at, le);
      case 'u2':
        return data.getUint16(at, le);
      case 'i4':
        return data.getInt32(at, le);
      case 'u4':
        return data.getUint32(at, le);
      case 'i8':
        return safe(data.getBigInt64(at, le));
      case 'u8':
        return safe(data.getBigUint64(at, le));
      case 'f2':
        return f16BitsToF32(data.getUint16(at, le));
      case 'f4':
        return data.getFloat32(at, le);
      default:
        return data.getFloat64(at, le);
    }
  }
}

const safe = (v: bigint): number | bigint => (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);

type Budget = (elements: number, fail: Fail) => void;

/** An ndarray from `_reconstruct(ndarray, (0,), b'b')`: empty until BUILD gives shape, dtype and data. */
export class NumpyArray extends PyBuildable {
  value: Plain[] | Plain[][] | undefined;
  constructor(private readonly budget: Budget) {
    super();
  }
  setState(state: PyValue, fail: Fail): void {
    if (this.value !== undefined) fail('a numpy array is given its data twice (BUILD repeated)');
    // (version, shape, dtype, is_fortran, data); numpy < 1.? wrote it without the version
    const s = Array.isArray(state) && state.length === 4 ? [1, ...state] : state;
    if (!Array.isArray(s) || s.length !== 5) return fail(`numpy array state ${quote(state)} is not an ndarray's`);
    const [, shape, dtype, fortran, data] = s;
    this.value = arrayValue(data, dtype, shape, fortran === true, this.budget, fail);
  }
}

const dtypeOf = (v: PyValue, fail: Fail): NumpyDtype => (v instanceof NumpyDtype ? v : fail(`expected a numpy dtype, got ${quote(v)}`));

/** Array data: bytes, or a Python 2 str read as latin-1 (numpy's own rule for str buffers). */
function dataBytes(v: PyValue, fail: Fail): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string' && !/[^\u0000-\u00ff]/.test(v)) return Uint8Array.from(v, (c) => c.charCodeAt(0));
  return fail(`numpy data must be bytes, got ${quote(v)} (object arrays are not read)`);
}

function arrayValue(data: PyValue, dtypeValue: PyValue, shapeValue: PyValue, fortran: boolean, budget: Budget, fail: Fail): Plain[] | Plain[][] {
  const dtype = dtypeOf(dtypeValue, fail);
  const isCount = (d: PyValue): d is number => Number.isSafeInteger(d) && (d as number) >= 0;
  if (!Array.isArray(shapeValue) || shapeValue.length < 1 || shapeValue.length > 2 || !shapeValue.every(isCount)) {
    return fail(`numpy array shape ${quote(shapeValue)}: only 1-D and 2-D arrays are read`);
  }
  const [rows, cols = 1] = shapeValue as number[];
  if (rows * cols > MAX_NUMPY_ELEMENTS) return fail(`numpy array of shape ${quote(shapeValue)} is over the ${MAX_NUMPY_ELEMENTS}-element limit`);
  budget(rows * cols, fail);
  const bytes = dataBytes(data, fail);
  if (bytes.byteLength !== rows * cols * dtype.size) {
    return fail(`numpy array of shape ${quote(shapeValue)} x ${dtype.kind}${dtype.size} needs ${rows * cols * dtype.size} bytes, the pickle has ${bytes.byteLength}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = (count: number, at: (i: number) => number): Plain[] => {
    const out = new Array<Plain>(count);
    for (let i = 0; i < count; i++) out[i] = dtype.read(view, at(i));
    return out;
  };
  if (shapeValue.length === 1) return read(rows, (i) => i);
  const out = new Array<Plain[]>(rows);
  for (let r = 0; r < rows; r++) out[r] = read(cols, (c) => (fortran ? c * rows + r : r * cols + c));
  return out;
}

/** A reducer that first checks how many arguments the pickle passed (a missing one is not `undefined`). */
const taking =
  (what: string, count: number, reducer: Reducer): Reducer =>
  (args, fail) =>
    args.length === count ? reducer(args, fail) : fail(`${what} takes ${count} arguments, the pickle passes ${args.length}`);

const dtypeReducer: Reducer = ([typestr], fail) => {
  const m = typeof typestr === 'string' ? /^[<>|=]?([biuf])(\d)$/.exec(typestr) : null;
  const size = m ? Number(m[2]) : 0;
  if (!m || !KIND_SIZES[m[1]!]!.includes(size)) return fail(`numpy dtype ${quote(typestr)}: only bool, int, uint and float dtypes are read`);
  return new NumpyDtype(m[1]!, size);
};

const scalarReducer: Reducer = ([dtypeValue, data], fail) => {
  const dtype = dtypeOf(dtypeValue, fail);
  const bytes = dataBytes(data, fail);
  if (bytes.byteLength !== dtype.size) return fail(`numpy scalar of ${dtype.kind}${dtype.size} has ${bytes.byteLength} bytes of data`);
  return dtype.read(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
};

/** The allowlist, with a fresh element budget: one set per unpickling. */
export function numpyReducers(): Record<string, Reducer> {
  let decoded = 0;
  const budget: Budget = (elements, fail) => {
    decoded += elements;
    if (decoded > MAX_NUMPY_TOTAL_ELEMENTS) fail(`numpy arrays hold more than ${MAX_NUMPY_TOTAL_ELEMENTS} elements in all`);
  };
  const reconstruct: Reducer = ([cls], fail) => {
    const isNdarray = cls instanceof PyGlobal && cls.module === 'numpy' && cls.name === 'ndarray';
    if (!isNdarray) return fail(`numpy _reconstruct of ${quote(cls instanceof PyGlobal ? cls.qualname : cls)}: only numpy.ndarray is read`);
    return new NumpyArray(budget);
  };
  const fromBuffer: Reducer = ([data, dtype, shape, order], fail) => {
    if (order !== 'C' && order !== 'F') return fail(`numpy array order ${quote(order)} is not C or F`);
    return arrayValue(data, dtype, shape, order === 'F', budget, fail);
  };
  return {
    'numpy.dtype': taking('numpy.dtype', 3, dtypeReducer),
    'numpy.core.multiarray.scalar': taking('numpy scalar', 2, scalarReducer),
    'numpy._core.multiarray.scalar': taking('numpy scalar', 2, scalarReducer),
    'numpy.core.multiarray._reconstruct': taking('numpy _reconstruct', 3, reconstruct),
    'numpy._core.multiarray._reconstruct': taking('numpy _reconstruct', 3, reconstruct),
    'numpy.core.numeric._frombuffer': taking('numpy _frombuffer', 4, fromBuffer),
    'numpy._core.numeric._frombuffer': taking('numpy _frombuffer', 4, fromBuffer),
  };
}

/** The plain value of a numpy object the reducers made (a rebuilt array), or `undefined` if `v` is not one. */
export function plainNumpy(v: PyValue, fail: Fail): Plain[] | Plain[][] | undefined {
  if (v instanceof NumpyArray) return v.value ?? fail('a numpy array was never given its data (no BUILD)');
  if (v instanceof NumpyDtype) return fail('holds a numpy dtype, not data');
  return undefined;
}
