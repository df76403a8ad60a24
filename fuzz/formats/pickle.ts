/**
 * Pickle-aware mutations: opcode snippets spliced into the stream (huge LONG4 / BINUNICODE
 * lengths, memo gets and puts at edge indices, deep MARK nesting, 200k-item APPENDS, REDUCE
 * and BUILD on odd stacks, GLOBALs the loader must refuse), opcodes swapped for others.
 */
import { concat, INTERESTING, writeInt } from '../mutate-bytes.js';
import type { Rng } from '../rng.js';

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const withU32 = (op: number, value: number, rest: Uint8Array = new Uint8Array(0)) => {
  const b = new Uint8Array(5);
  b[0] = op;
  writeInt(b, 1, 4, value, true);
  return concat(b, rest);
};

const GLOBALS = ['collections\nOrderedDict\n', 'torch._utils\n_rebuild_tensor_v2\n', 'torch._utils\n_rebuild_parameter\n', 'torch\nFloatStorage\n', 'torch\nHalfStorage\n', 'os\nsystem\n', 'builtins\neval\n', '__builtin__\nset\n'];
const OPCODES = [...'()].}NKJMhjqrRbe\x85\x86\x87tu\x88\x89sQ\x93\x94\x81\x8a\x8b\x95XUVBCaplgd0'].map((c) => c.charCodeAt(0));

const SNIPPETS: ((rng: Rng) => Uint8Array)[] = [
  (rng) => withU32(0x8b, rng.chance(0.2) ? 1 << 20 : rng.int(4096), rng.bytes(rng.chance(0.2) ? 1 << 20 : rng.int(4096))), // LONG4
  (rng) => withU32(0x8b, rng.pick(INTERESTING)), // LONG4 claiming more than the file
  (rng) => withU32(0x58, rng.pick(INTERESTING)), // BINUNICODE
  (rng) => Uint8Array.of(0x68, rng.int(256)), // BINGET
  (rng) => withU32(0x6a, rng.pick(INTERESTING)), // LONG_BINGET
  (rng) => withU32(0x72, rng.pick(INTERESTING)), // LONG_BINPUT
  (rng) => Uint8Array.of(0x71, rng.int(256)), // BINPUT
  (rng) => concat(Uint8Array.of(0x95), Uint8Array.from({ length: 8 }, () => rng.int(256))), // FRAME
  (rng) => concat(enc('c'), enc(rng.pick(GLOBALS))),
  (rng) => enc('('.repeat(rng.chance(0.3) ? 100_000 : 1 + rng.int(64))),
  (rng) => concat(enc(']('), new Uint8Array(2 * (rng.chance(0.3) ? 200_000 : rng.int(100))).map((_, i) => (i % 2 ? 1 : 0x4b)), enc('e')),
  (rng) => enc(']q\x00h\x00a'.repeat(1 + rng.int(4))), // a list that appends itself (a cycle through the memo)
  (rng) => enc(rng.pick(['R', 'b', '\x81', '\x93', 'Q', 't', 'u', 's', 'e', '0', '2', '\x85', '\x86', '\x87', '.'])),
  (rng) => concat(enc('J'), rng.bytes(4)),
  (rng) => concat(enc('\x8a'), Uint8Array.of(rng.int(256)), rng.bytes(rng.int(16))), // LONG1
];

export function mutatePickle(input: Uint8Array, rng: Rng): Uint8Array {
  let out = input;
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const at = rng.int(out.length + 1);
    if (rng.chance(0.3) && out.length) {
      out = out.slice();
      out[rng.int(out.length)] = rng.pick(OPCODES);
    } else out = concat(out.subarray(0, at), rng.pick(SNIPPETS)(rng), out.subarray(at));
  }
  return out;
}
