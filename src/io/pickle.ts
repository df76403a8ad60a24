/**
 * A safe unpickler for the subset of the pickle format that torch.save writes (protocol 2,
 * plus the few protocol 3-4 opcodes newer Pythons emit). Nothing from the file is ever
 * executed: GLOBAL only names a class or function, and calling it (REDUCE / NEWOBJ) runs one
 * of the caller's whitelisted `reducers` or else builds an inert PyObject placeholder that
 * records the class name and arguments (optimizer state, argparse.Namespace, numpy scalars).
 *
 * Values: None -> null, bool, int -> number (bigint beyond 2^53), float -> number,
 * str -> string, bytes -> Uint8Array, list and tuple -> array, dict -> Map,
 * a class or function reference -> PyGlobal, an unknown object -> PyObject,
 * plus whatever the caller's reducers and persistentLoad return.
 */
import { FianetError } from '../errors.js';

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

/** An object of a class that is not whitelisted: its class name, constructor args and state. */
export class PyObject {
  state: PyValue = null;
  constructor(
    readonly $class: string,
    readonly args: readonly PyValue[],
  ) {}
}

export interface UnpickleOptions {
  /** Names the file in error messages. */
  readonly label: string;
  /** The only callables a pickle may invoke, by qualified name ("collections.OrderedDict"). */
  readonly reducers?: Readonly<Record<string, (args: PyValue[]) => PyValue>>;
  /** Resolves BINPERSID ids (PyTorch's storages); without it a persistent id is an error. */
  readonly persistentLoad?: (pid: PyValue) => PyValue;
}

/** Unpickle the pickle starting at `offset`; `end` is the offset after its STOP opcode. */
export function unpickle(bytes: Uint8Array, options: UnpickleOptions, offset = 0): { value: PyValue; end: number } {
  const { label, reducers = {}, persistentLoad } = options;
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
  const line = () => {
    const nl = bytes.indexOf(0x0a, pos);
    if (nl < 0) fail('truncated (a GLOBAL name has no newline)');
    return latin1.decode(take(nl - pos + 1)).slice(0, -1);
  };
  const text = (n: number) => {
    try {
      return utf8.decode(take(n));
    } catch (e) {
      if (e instanceof FianetError) throw e;
      return fail('string is not valid UTF-8');
    }
  };
  const pop = (): PyValue => (stack.length === 0 ? fail('stack underflow') : stack.pop());
  const top = (): PyValue => (stack.length === 0 ? fail('stack underflow') : stack[stack.length - 1]);
  const popMark = (): PyValue[] => {
    const items = stack;
    stack = marks.pop() ?? fail('no MARK on the stack');
    return items;
  };
  const get = (i: number) => (memo.has(i) ? memo.get(i) : fail(`memo entry ${i} was never stored`));
  const asMap = (v: PyValue, op: string): Map<PyValue, PyValue> =>
    v instanceof Map ? v : fail(`${op} on a ${v instanceof PyObject ? v.$class : typeof v}, expected a dict`);
  const asList = (v: PyValue, op: string): PyValue[] => (Array.isArray(v) ? v : fail(`${op} on a ${typeof v}, expected a list`));
  const setItems = (d: Map<PyValue, PyValue>, kv: PyValue[]) => {
    if (kv.length % 2) fail('odd number of items for a dict');
    for (let i = 0; i < kv.length; i += 2) d.set(kv[i], kv[i + 1]);
  };
  const call = (fn: PyValue, args: PyValue, op: string): PyValue => {
    if (!(fn instanceof PyGlobal)) return fail(`${op} of a ${typeof fn}, expected a class or function`);
    const argList = Array.isArray(args) ? args : fail(`${op} arguments must be a tuple`);
    const reducer = reducers[fn.qualname];
    return reducer ? reducer(argList) : new PyObject(fn.qualname, argList);
  };
  const signedLE = (b: Uint8Array): number | bigint => {
    let v = 0n;
    for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
    if (b.length > 0 && b[b.length - 1]! & 0x80) v -= 1n << BigInt(8 * b.length);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };

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
        stack.push(signedLE(take(u8())));
        break;
      case 0x8b: // LONG4
        stack.push(signedLE(take(i32())));
        break;
      case 0x47: // BINFLOAT: big-endian, unlike everything else
        need(8);
        stack.push(dv.getFloat64(pos, false));
        pos += 8;
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
      case 0x54: // BINSTRING (Python 2 str; torch reads these as latin-1)
        stack.push(latin1.decode(take(i32())));
        break;
      case 0x55: // SHORT_BINSTRING
        stack.push(latin1.decode(take(u8())));
        break;
      case 0x42: // BINBYTES
        stack.push(take(u32()).slice());
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(take(u8()).slice());
        break;
      case 0x8e: // BINBYTES8
        stack.push(take(u64()).slice());
        break;
      case 0x7d: // EMPTY_DICT
        stack.push(new Map());
        break;
      case 0x5d: // EMPTY_LIST
      case 0x29: // EMPTY_TUPLE
        stack.push([]);
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
        // APPENDS
        const items = popMark();
        asList(top(), 'APPENDS').push(...items);
        break;
      }
      case 0x63: // GLOBAL
        stack.push(new PyGlobal(line(), line()));
        break;
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof name !== 'string' || typeof module !== 'string') fail('STACK_GLOBAL needs two strings');
        stack.push(new PyGlobal(module, name));
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
      case 0x62: {
        // BUILD: only placeholders keep their state. Attributes set on dicts or tensors
        // (state_dict._metadata: module versions) carry nothing the engine needs.
        const state = pop();
        const obj = top();
        if (obj instanceof PyObject) obj.state = state;
        break;
      }
      case 0x51: // BINPERSID
        if (!persistentLoad) fail('persistent id (BINPERSID) outside a PyTorch archive');
        stack.push(persistentLoad(pop()));
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
      case 0x68: // BINGET
        stack.push(get(u8()));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(get(u32()));
        break;
      default: {
        const ch = op >= 0x20 && op < 0x7f ? ` ('${String.fromCharCode(op)}')` : '';
        fail(`unsupported opcode 0x${op.toString(16).padStart(2, '0')}${ch}; only the protocol-2 subset that torch.save writes is read`);
      }
    }
  }
}
