// Crafted hostile zip archives and .pth checkpoints: each must end in a one-line FianetError
// that names the file and the field, quickly and without allocating what the file claims.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { MAX_PICKLE_BYTES, openPth } from '../../src/io/pth.js';
import { bytesSource } from '../../src/io/safetensors.js';
import { openZip } from '../../src/io/zip.js';
import { buildPth, buildZip } from '../helpers/zip-builder.js';

async function failure(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FianetError);
  const message = (err as FianetError).message;
  expect(message.length).toBeLessThan(400);
  expect(message).not.toContain('\n');
  return message;
}

const openBad = (bytes: Uint8Array) => failure(openZip(bytesSource(bytes, 'bad.zip')));
const pthBad = (bytes: Uint8Array) => failure(openPth(bytesSource(bytes, 'bad.pth')));
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** A zip64 extended-information extra field holding the given 64-bit values. */
const zip64Extra = (values: bigint[], declared = values.length * 8) => {
  const b = new Uint8Array(4 + values.length * 8);
  const v = new DataView(b.buffer);
  v.setUint16(0, 1, true);
  v.setUint16(2, declared, true);
  values.forEach((x, i) => v.setBigUint64(4 + 8 * i, x, true));
  return b;
};
const data = new Uint8Array(100).fill(7);

describe('zip: every field bounds-checked, every size checked before allocation', () => {
  it('a name, extra field or comment past the end of the central directory', async () => {
    const bytes = buildZip([{ name: 'a', data, patchCentral: (r) => r.setUint16(30, 5000, true) }]);
    expect(await openBad(bytes)).toBe(
      'bad.zip: central directory entry 0 of 1 (offset 0): its name, extra field and comment (1 + 5000 + 0 bytes) run past the end of the directory',
    );
  });

  it('a zip64 extra field past its end, or too short for the sizes it must hold', async () => {
    const past = buildZip([{ name: 'a', data, extra: zip64Extra([100n], 40) }]);
    expect(await openBad(past)).toMatch(/entry 0 of 1 \(offset 0\): extra field 0x0001 runs past the end of the entry's extra data$/);
    const saturated = (r: DataView) => {
      r.setUint32(20, 0xffffffff, true);
      r.setUint32(24, 0xffffffff, true);
    };
    const short = buildZip([{ name: 'a', data, extra: zip64Extra([100n]), patchCentral: saturated }]);
    expect(await openBad(short)).toMatch(/zip64 extra field is too short to hold the compressed size$/);
  });

  it('an entry claiming 4 GiB is refused before anything is allocated', async () => {
    const claim = (r: DataView) => r.setUint32(24, 0xffffffff, true);
    const stored = buildZip([{ name: 'big', data, patchCentral: claim }]);
    expect(await openBad(stored)).toBe("bad.zip: entry 'big': stored entry with different sizes");
    const deflated = buildZip([{ name: 'big', data, deflate: true, patchCentral: claim }]);
    expect(await openBad(deflated)).toMatch(/^bad\.zip: entry 'big': claims 4294967295 bytes from \d+ compressed, more than deflate can produce: corrupt$/);
    const huge = buildZip([{ name: 'big', data, extra: zip64Extra([1n << 62n]), patchCentral: (r) => r.setUint32(24, 0xffffffff, true) }]);
    expect(await openBad(huge)).toMatch(/: zip64 size 4611686018427387904 is out of range$/);
  });

  it('a deflated entry over the stated inflate limit; corrupt deflate data in words', async () => {
    const zeros = new Uint8Array(100_000);
    const zip = await openZip(bytesSource(buildZip([{ name: 'z', data: zeros, deflate: true }]), 'bad.zip'), { maxInflatedBytes: 50_000 });
    expect(await failure(zip.read('z'))).toBe("bad.zip: entry 'z' inflates to 100000 bytes, over the 50000-byte limit for a compressed entry");
    const bytes = buildZip([{ name: 'z', data: zeros, deflate: true }]);
    bytes[30 + 1] = 0xff; // the first byte of the deflate stream: an invalid block type
    const corrupt = await openZip(bytesSource(bytes, 'bad.zip'));
    expect(await failure(corrupt.read('z'))).toBe("bad.zip: entry 'z': its compressed (deflate) data is corrupt");
  });

  it('an entry count the directory has no room for; a name with control characters is escaped', async () => {
    const bytes = buildZip([{ name: 'a', data }]);
    new DataView(bytes.buffer).setUint16(bytes.length - 22 + 10, 60000, true);
    expect(await openBad(bytes)).toBe('bad.zip: central directory says 60000 entries but has room for 1: corrupt');
    const named = buildZip([{ name: 'x\u001b[31m', data, patchCentral: (r) => r.setUint32(20, 99, true) }]);
    expect(await openBad(named)).toBe("bad.zip: entry 'x\\u001b[31m': stored entry with different sizes");
  });
});

// Protocol-0 pickles (now read) keep these checkpoints readable in the test itself.
const storage = (count: string) => `(S'storage'\nctorch\nFloatStorage\nS'0'\nS'cpu'\n${count}tQ`;
const tensor = (size: string, stride: string, count = 'I1\n') =>
  `ctorch._utils\n_rebuild_tensor_v2\n(${storage(count)}I0\n${size}${stride}I00\nccollections\nOrderedDict\n)RtR`;
const stateDict = (value: string) => latin1(`(dS'model'\n(dS'w'\n${value}ss.`);

describe('.pth: hostile checkpoints', () => {
  it('a stride-0 view of 30000 x 30000 over one float is refused, naming the tensor', async () => {
    const pickle = stateDict(tensor('(I30000\nI30000\nt', '(I0\nI0\nt'));
    const bytes = buildPth(pickle, { '0': new Uint8Array(4) });
    expect(await pthBad(bytes)).toBe(
      "bad.pth: tensor 'w': size [30000, 30000], stride [0, 0] expands 4 bytes of storage to 3600000000 bytes, over 4x its storage; refused unless views may be expanded (fianet convert --expand-views)",
    );
    // asked for, it opens (and would be read whole only when asked)
    const ckpt = await openPth(bytesSource(bytes, 'ok.pth'), { expandViews: true });
    expect(ckpt.tensors.get('w')!.shape).toEqual([30000, 30000]);
    // BERT's position_ids are an expanded view of their own size: accepted
    const small = buildPth(stateDict(tensor('(I1\nI512\nt', '(I0\nI1\nt', 'I512\n')), { '0': new Uint8Array(2048) });
    expect((await openPth(bytesSource(small, 'ok.pth'))).tensors.get('w')!.shape).toEqual([1, 512]);
  });

  it('keeps its stricter rules: a numpy scalar in a state dict stays an inert object, never a number', async () => {
    const scalar = "cnumpy.core.multiarray\nscalar\n(cnumpy\ndtype\n(Vi8\nI00\nI01\ntR(I3\nV<\nNNNI-1\nI-1\nI0\ntbC\u0008\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000tR";
    const pickle = latin1(`(dS'model'\n(dS'w'\n${tensor('(I1\nt', '(I1\nt')}sS'step'\n${scalar}ss.`);
    const ckpt = await openPth(bytesSource(buildPth(pickle, { '0': new Uint8Array(4) }), 'ok.pth'));
    expect([...ckpt.tensors.keys()]).toEqual(['w']);
    expect(ckpt.skipped).toEqual([{ name: 'step', reason: 'not a dense tensor (numpy.core.multiarray.scalar)' }]);
  });

  it('many full views of one storage together are refused; memoized OrderedDict items are budgeted', async () => {
    const n = 262_144; // 1 MiB of float32
    const entries = [0, 1, 2, 3, 4].map((i) => `S'w${i}'\n${tensor(`(I${n}\nt`, '(I1\nt', `I${n}\n`)}s`).join('');
    expect(await pthBad(buildPth(latin1(`(dS'model'\n(d${entries}s.`)))).toBe(
      "bad.pth: the state dict's 5 tensors read as 5242880 bytes from 1048576 bytes of storage, over 4x; refused unless views may be expanded (fianet convert --expand-views)",
    );
    // one list of 100k pairs, memoized, given to OrderedDict 50 times: 5M items
    const od = [0x80, 2, ...latin1('ccollections\nOrderedDict\n'), 0x71, 0, 0x4b, 1, 0x4b, 2, 0x86, 0x71, 1, 0x5d, 0x28];
    for (let i = 0; i < 100_000; i++) od.push(0x68, 1);
    od.push(0x65, 0x85, 0x71, 2, 0x28);
    for (let i = 0; i < 50; i++) od.push(0x68, 0, 0x68, 2, 0x52);
    expect(await pthBad(buildPth(new Uint8Array([...od, 0x6c, 0x2e])))).toBe('bad.pth: OrderedDicts hold more than 4194304 items in all');
  });

  it('a legacy checkpoint is never read whole: pickles from its first 64 MiB, storages on demand', async () => {
    const real = new Uint8Array(readFileSync(new URL('../data/pth/views-legacy.pth', import.meta.url)));
    const reads: number[] = [];
    const huge = {
      size: 10 * 2 ** 30, // 10 GiB claimed, as a big or hostile file would be
      label: 'big.pth',
      read: async (offset: number, length: number) => {
        reads.push(length);
        const out = new Uint8Array(length);
        out.set(real.subarray(offset, offset + length));
        return out;
      },
    };
    const ckpt = await openPth(huge);
    expect(ckpt.format).toBe('legacy');
    const direct = await openPth(bytesSource(real, 'views-legacy.pth'));
    for (const name of ckpt.tensors.keys()) expect(await ckpt.read(name)).toEqual(await direct.read(name));
    expect(Math.max(...reads)).toBe(MAX_PICKLE_BYTES);
  });

  it('a data.pkl that would inflate past the pickle limit is refused before inflating', async () => {
    const noise = new Uint8Array(randomBytes(70_000)); // incompressible: 70 KB may claim up to 72 MB
    const bytes = buildZip([
      { name: 'archive/data.pkl', data: noise, deflate: true, patchCentral: (r) => r.setUint32(24, MAX_PICKLE_BYTES + 1, true) },
    ]);
    expect(await pthBad(bytes)).toBe(
      `bad.pth: archive/data.pkl is ${MAX_PICKLE_BYTES + 1} bytes, over the ${MAX_PICKLE_BYTES}-byte limit for a checkpoint's pickle: corrupt or not a checkpoint`,
    );
  });

  it('OrderedDict of non-pairs, odd sizes and persistent ids: quoted, depth- and BigInt-safe', async () => {
    const od = latin1("ccollections\nOrderedDict\n((I1\nltR.");
    expect(await pthBad(buildPth(od))).toMatch(/^bad\.pth: OrderedDict item 1 is not a \(key, value\) pair$/);
    const bigCount = stateDict(tensor('(I1\nt', '(I1\nt', `L${'9'.repeat(60)}L\n`));
    expect(await pthBad(buildPth(bigCount))).toBe("bad.pth: storage '0': bad element count <60 digits>");
    const noCount = stateDict(tensor('(I1\nt', '(I1\nt', ''));
    expect(await pthBad(buildPth(noCount))).toBe("bad.pth: storage '0': its persistent id has no element count");
    const mapCount = stateDict(tensor('(I1\nt', '(I1\nt', '(d'));
    expect(await pthBad(buildPth(mapCount))).toBe("bad.pth: storage '0': bad element count Map{}");
    const deepSize = stateDict(tensor(`${'('.repeat(100_000)}${'t'.repeat(100_000)}`, '(I1\nt'));
    expect(await pthBad(buildPth(deepSize, { '0': new Uint8Array(4) }))).toBe("bad.pth: storage '0': tensor size [[[[...]]]] is not a tuple of counts");
    const circularPid = latin1('(dS\'model\'\n(dS\'w\'\n]p0\ng0\naQss.');
    expect(await pthBad(buildPth(circularPid))).toBe('bad.pth: unexpected persistent id [<cycle>]');
  });
});
