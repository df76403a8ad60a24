/**
 * Format sniffing in openWeights: a safetensors file starts with its header length, whose first
 * byte can be 0x80 (a pickle's PROTO) or whose first two can be 'PK' (a zip): 1 in 256 valid
 * files. Found by the fuzzer: such files were parsed as PyTorch checkpoints and rejected as
 * corrupt pickles. They must be read as safetensors.
 */
import { expect, it } from 'vitest';
import { bytesSource, encodeSafetensors } from '../../src/io/safetensors.js';
import { openWeights } from '../../src/model/open-weights.js';

/** One tiny tensor, with metadata padding chosen so the header length has the given low bytes. */
function safetensorsWithHeaderLength(low: number, second?: number): Uint8Array {
  const encode = (pad: number) => encodeSafetensors([{ name: 'w', dtype: 'F32', shape: [2], data: Float32Array.of(1.5, -2) }], { format: 'pt', pad: 'x'.repeat(pad) });
  const headerLength = (pad: number) => Number(new DataView(encode(pad)[0]!.buffer).getBigUint64(0, true));
  // Each padding character adds one byte before the header's 8-byte alignment.
  const base = headerLength(0);
  const wanted = low + 256 * (second ?? 0);
  const modulus = second === undefined ? 256 : 65536;
  for (let pad = (wanted - base + modulus * 4) % modulus; pad < 70_000; pad += 1) {
    const parts = encode(pad);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    if (bytes[0] === low && (second === undefined || bytes[1] === second)) return bytes;
  }
  throw new Error('no padding gives that header length');
}

for (const [what, low, second] of [['0x80', 0x80, undefined], ["'PK'", 0x50, 0x4b]] as const) {
  it(`a safetensors file whose header length starts with ${what} is read as safetensors`, async () => {
    const bytes = safetensorsWithHeaderLength(low, second);
    const opened = await openWeights(bytesSource(bytes, 'w.safetensors'), { dataset: 'rrsisd' });
    expect(opened.store.names()).toEqual(['w']);
    expect([...(await opened.store.load('w'))]).toEqual([1.5, -2]);
  });
}
