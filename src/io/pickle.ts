/**
 * A safe unpickler for every protocol Python writes (0 to 5: the text opcodes of Python 2
 * included). Nothing from the file is ever executed: GLOBAL only names a class or function,
 * and calling it (REDUCE / NEWOBJ / INST / OBJ) runs one of the caller's allowlisted
 * `reducers` (or the built-in ones that rebuild Python 3 `bytes` pickled at protocols 0-2)
 * or else builds an inert PyObject placeholder that records the class name and arguments.
 *
 * Values: None -> null, bool, int -> number (bigint beyond 2^53), float -> number,
 * str -> string, bytes/bytearray -> Uint8Array, list and tuple -> array, dict -> Map,
 * set -> Set, a class or function reference -> PyGlobal, an unknown object -> PyObject,
 * plus whatever the caller's reducers and persistentLoad return. Python 2 `str` is decoded
 * as Python 3's pickle.load decodes it (`strEncoding`, ASCII by default, strict).
 * Every size is bounded by the bytes left; ints by MAX_INT_BYTES; decoding is linear.
 */
import { FianetError, quote } from '../errors.js';
import { bytesReducers, parseFloatLine, parseIntLine, py2Str, rawUnicodeEscape, signedLE, stringLiteral, type Decoded, type StrEncoding } from './pickle-text.js';

export type PyValue = unknown;

/** A class or function named by GLOBAL / STACK_GLOBAL. Inert: it is never looked up. */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  get qualname(): string {
    return `${this.module}.${this.name}`;
  }
}

/** An object of a class that is not allowlisted: its class name, constructor args and state. */
export class PyObject {
  state: PyValue = null;
  constructor(
    readonly $class: string,
    readonly args: readonly PyValue[],
  ) {}
}

/** A reducer's result that takes BUILD's state itself (a numpy dtype or array). */
export abstract class PyBuildable {
  abstract setState(state: PyValue, fail: (what: string) => never): void;
}

/** An allowlisted callable: builds a value from the pickled arguments, or fails with a reason. */
export type Reducer = (args: PyValue[], fail: (what: string) => never) => PyValue;

export interface UnpickleOptions {
  /** Names the file in error messages. */
  readonly label: string;
  /** The only callables a pickle may invoke, by qualified name ("collections.OrderedDict"). */
  readonly reducers?: Readonly<Record<string, Reducer>>;
  /** Resolves BINPERSID ids (PyTorch's storages); without it a persistent id is an error. */
  readonly persistentLoad?: (pid: PyValue) => PyValue;
  /** How Python 2 `str` is decoded, as Python 3's Unpickler(encoding=...); default 'ascii' (pickle.load's). */
  readonly strEncoding?: StrEncoding;
}

/** Unpickle the pickle starting at `offset`; `end` is the offset after its STOP opcode. */
export function unpickle(bytes: Uint8Array, options: UnpickleOptions, offset = 0): { value: PyValue; end: number } {
  const { label, persistentLoad, strEncoding = 'ascii' } = options;
  const reducers = { ...bytesReducers(), ...options.reducers };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let pos = offset;
  let opAt = offset;
  let stack: PyValue[] = [];
  const marks: PyValue[][] = [];
  const memo = new Map<number, PyValue>();

  function fail(what: string): never {
    throw new FianetError('bad-input', `${label}: pickle at offset ${opAt}: ${what}`);
  }
  const decoded = <T>(d: Decoded<T>): T => ('error' in d ? fail(d.error) : d.value);
  const need = (n: number) => {
    if (pos + n > bytes.byteLength) fail(`truncated (needs ${n} more bytes, ${bytes.byteLength - pos} left)`);
  };
  const u8 = () => (need(1), bytes[pos++]!);
  const u16 = () => (need(2), (pos += 2), dv.getUint16(pos - 2, true));
  const i32 = () => (need(4), (pos += 4), dv.getInt32(pos - 4, true));
  const u32 = () => (need(4), (pos += 4), dv.getUint32(pos - 4, true));
  const u64 = () => {
    need(8);
    pos += 8;
    const v = dv.getBigUint64(pos - 8, true);
    if (v > BigInt(bytes.byteLength)) fail(`length ${v} is larger than the whole pickle`);
    return Number(v);
  };
  const take = (n: number) => {
    if (n < 0) fail(`negative length ${n}`);
    need(n);
    pos += n;
    return bytes.subarray(pos - n, pos);
  };
  /** A text opcode's argument: the bytes up to the next newline, which is consumed. */
  const lineBytes = (what: string) => {
    const nl = bytes.indexOf(0x0a, pos);
    if (nl < 0) fail(`truncated (${what} has no newline)`);
    return take(nl - pos + 1).subarray(0, -1);
  };
  const line = (what: string) => latin1.decode(lineBytes(what));
  const text = (n: number) => {
    try {
      return utf8.decode(take(n));
    } catch (e) {
      if (e instanceof FianetError) throw e;
      return fail('string is not valid UTF-8');
    }
  };
  const py2 = (b: Uint8Array) => decoded(py2Str(b, strEncoding));
  const memoIndex = (what: string) => {
    const i = decoded(parseIntLine(line(what)));
    return typeof i === 'number' && i >= 0 ? i : fail(`${what} index ${quote(i)} is not a memo index`);
  };
  const pop = (): PyValue => (stack.length === 0 ? fail('stack underflow') : stack.pop());
  const top = (): PyValue => (stack.length === 0 ? fail('stack underflow') : stack[stack.length - 1]);
  const popMark = (): PyValue[] => {
    const items = stack;
    stack = marks.pop() ?? fail('no MARK on the stack');
    return items;
  };
  const get = (i: number) => (memo.has(i) ? memo.get(i) : fail(`memo entry ${i} was never stored`));
  const kind = (v: PyValue) => (v instanceof PyObject ? quote(v.$class) : v === null ? 'None' : typeof v);
  const asMap = (v: PyValue, op: string): Map<PyValue, PyValue> => (v instanceof Map ? v : fail(`${op} on a ${kind(v)}, expected a dict`));
  const asList = (v: PyValue, op: string): PyValue[] => (Array.isArray(v) ? v : fail(`${op} on a ${kind(v)}, expected a list`));
  const asSet = (v: PyValue, op: string): Set<PyValue> => (v instanceof Set ? v : fail(`${op} on a ${kind(v)}, expected a set`));
  const setItems = (d: Map<PyValue, PyValue>, kv: PyValue[]) => {
    if (kv.length % 2) fail('odd number of items for a dict');
    for (let i = 0; i < kv.length; i += 2) d.set(kv[i], kv[i + 1]);
  };
  const call = (fn: PyValue, args: PyValue, op: string): PyValue => {
    if (!(fn instanceof PyGlobal)) return fail(`${op} of a ${kind(fn)}, expected a class or function`);
    const argList = Array.isArray(args) ? args : fail(`${op} arguments must be a tuple`);
    const reducer = Object.hasOwn(reducers, fn.qualname) ? reducers[fn.qualname] : undefined;
    return reducer ? reducer(argList, fail) : new PyObject(fn.qualname, argList);
  };
  const global = (module: PyValue, name: PyValue) =>
    typeof module === 'string' && typeof name === 'string' ? new PyGlobal(module, name) : fail('a GLOBAL needs a module and a name (two strings)');

  for (;;) {
    opAt = pos;
    const op = u8();
    switch (op) {
      case 0x80: // PROTO
        if (u8() > 5) fail(`pickle protocol ${bytes[pos - 1]} is newer than 5`);
        break;
      case 0x95: // FRAME: framing only groups opcodes for buffered reads
        u64();
        break;
      case 0x2e: // STOP
        return { value: pop(), end: pos };
      case 0x28: // MARK
        marks.push(stack);
        stack = [];
        break;
      case 0x30: // POP
        pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x49: {
        // INT: "I00" and "I01" are how protocol 0 writes False and True
        const t = line('an INT');
        stack.push(t === '00' ? false : t === '01' ? true : decoded(parseIntLine(t)));
        break;
      }
      case 0x4c: // LONG: Python 2 writes a trailing "L"
        stack.push(decoded(parseIntLine(line('a LONG').replace(/L$/, ''))));
        break;
      case 0x46: // FLOAT
        stack.push(decoded(parseFloatLine(line('a FLOAT'))));
        break;
      case 0x4a: // BININT
        stack.push(i32());
        break;
      case 0x4b: // BININT1
        stack.push(u8());
        break;
      case 0x4d: // BININT2
        stack.push(u16());
        break;
      case 0x8a: // LONG1
        stack.push(decoded(signedLE(take(u8()))));
        break;
      case 0x8b: // LONG4
        stack.push(decoded(signedLE(take(i32()))));
        break;
      case 0x47: // BINFLOAT: big-endian, unlike everything else
        need(8);
        stack.push(dv.getFloat64(pos, false));
        pos += 8;
        break;
      case 0x56: // UNICODE
        stack.push(decoded(rawUnicodeEscape(lineBytes('a UNICODE string'))));
        break;
      case 0x58: // BINUNICODE
        stack.push(text(u32()));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(text(u8()));
        break;
      case 0x8d: // BINUNICODE8
        stack.push(text(u64()));
        break;
      case 0x53: // STRING (Python 2 str, quoted)
        stack.push(py2(decoded(stringLiteral(lineBytes('a STRING')))));
        break;
      case 0x54: // BINSTRING (Python 2 str)
        stack.push(py2(take(i32())));
        break;
      case 0x55: // SHORT_BINSTRING
        stack.push(py2(take(u8())));
        break;
      case 0x42: // BINBYTES
        stack.push(take(u32()).slice());
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(take(u8()).slice());
        break;
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        stack.push(take(u64()).slice());
        break;
      case 0x7d: // EMPTY_DICT
        stack.push(new Map());
        break;
      case 0x5d: // EMPTY_LIST
      case 0x29: // EMPTY_TUPLE
        stack.push([]);
        break;
      case 0x8f: // EMPTY_SET
        stack.push(new Set());
        break;
      case 0x64: {
        // DICT
        const d = new Map<PyValue, PyValue>();
        setItems(d, popMark());
        stack.push(d);
        break;
      }
      case 0x6c: // LIST
      case 0x74: {
        // TUPLE (popMark swaps `stack`, so pop before reading it)
        const items = popMark();
        stack.push(items);
        break;
      }
      case 0x91: {
        // FROZENSET
        const items = popMark();
        stack.push(new Set(items));
        break;
      }
      case 0x85: // TUPLE1
        stack.push([pop()]);
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        stack.push([pop(), b]);
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        stack.push([pop(), b, c]);
        break;
      }
      case 0x73: {
        // SETITEM
        const v = pop();
        const k = pop();
        asMap(top(), 'SETITEM').set(k, v);
        break;
      }
      case 0x75: {
        // SETITEMS
        const kv = popMark();
        setItems(asMap(top(), 'SETITEMS'), kv);
        break;
      }
      case 0x61: {
        // APPEND
        const v = pop();
        asList(top(), 'APPEND').push(v);
        break;
      }
      case 0x65: {
        // APPENDS: one by one, a spread of an unbounded list overflows the stack
        const items = popMark();
        const list = asList(top(), 'APPENDS');
        for (const item of items) list.push(item);
        break;
      }
      case 0x90: {
        // ADDITEMS
        const items = popMark();
        const set = asSet(top(), 'ADDITEMS');
        for (const item of items) set.add(item);
        break;
      }
      case 0x63: // GLOBAL
        stack.push(global(line('a GLOBAL module'), line('a GLOBAL name')));
        break;
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        stack.push(global(pop(), name));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        stack.push(call(pop(), args, 'REDUCE'));
        break;
      }
      case 0x81: {
        // NEWOBJ
        const args = pop();
        stack.push(call(pop(), args, 'NEWOBJ'));
        break;
      }
      case 0x92: {
        // NEWOBJ_EX: keyword arguments are kept on the placeholder's state
        const kwargs = pop();
        const args = pop();
        const obj = call(pop(), args, 'NEWOBJ_EX');
        if (obj instanceof PyObject) obj.state = kwargs;
        stack.push(obj);
        break;
      }
      case 0x69: {
        // INST (protocol 0): module and name lines, the arguments since the MARK
        const cls = global(line('an INST module'), line('an INST name'));
        const args = popMark(); // before `stack.push`: popMark swaps `stack`
        stack.push(call(cls, args, 'INST'));
        break;
      }
      case 0x6f: {
        // OBJ (protocol 1): the class and its arguments since the MARK
        const [cls, ...args] = popMark();
        stack.push(call(cls, args, 'OBJ'));
        break;
      }
      case 0x62: {
        // BUILD: placeholders keep their state, numpy objects take theirs. Attributes set on
        // dicts or tensors (state_dict._metadata: module versions) carry nothing the engine needs.
        const state = pop();
        const obj = top();
        if (obj instanceof PyObject) obj.state = state;
        else if (obj instanceof PyBuildable) obj.setState(state, fail);
        break;
      }
      case 0x50: // PERSID
      case 0x51: {
        // BINPERSID
        const pid = op === 0x50 ? line('a PERSID') : pop();
        if (!persistentLoad) fail('persistent id outside a PyTorch archive');
        stack.push(persistentLoad(pid));
        break;
      }
      case 0x70: // PUT
        memo.set(memoIndex('a PUT'), top());
        break;
      case 0x71: // BINPUT
        memo.set(u8(), top());
        break;
      case 0x72: // LONG_BINPUT
        memo.set(u32(), top());
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x67: // GET
        stack.push(get(memoIndex('a GET')));
        break;
      case 0x68: // BINGET
        stack.push(get(u8()));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(get(u32()));
        break;
      case 0x82: // EXT1
      case 0x83: // EXT2
      case 0x84: // EXT4
        return fail('extension-registry object (EXT opcode): names a class registered in the writer\'s Python, not in the file');
      case 0x97: // NEXT_BUFFER
      case 0x98: // READONLY_BUFFER
        return fail('out-of-band buffer (protocol 5): its data is not in the file');
      default: {
        const ch = op >= 0x20 && op < 0x7f ? ` ('${String.fromCharCode(op)}')` : '';
        fail(`unknown opcode 0x${op.toString(16).padStart(2, '0')}${ch}: not a pickle, or corrupt`);
      }
    }
  }
}
