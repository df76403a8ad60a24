/**
 * A ByteSink in memory: the browser's output (then a Blob to download), and small outputs in
 * tests. The pieces are kept as written and joined once at the end.
 */
import type { ByteSink } from './geotiff-writer.js';

export interface MemorySink extends ByteSink {
  /** The whole file, once closed. */
  bytes(): Uint8Array;
}

export function memorySink(): MemorySink {
  const chunks: Uint8Array[] = [];
  let joined: Uint8Array | undefined;
  return {
    write: async (bytes) => void chunks.push(bytes.slice()),
    async patch(offset, bytes) {
      // Only the header is ever patched; it lies in the first chunks.
      let start = 0;
      for (const chunk of chunks) {
        for (let i = 0; i < bytes.length; i++) {
          const at = offset + i - start;
          if (at >= 0 && at < chunk.length) chunk[at] = bytes[i]!;
        }
        start += chunk.length;
        if (start >= offset + bytes.length) break;
      }
    },
    async close() {
      const total = chunks.reduce((n, c) => n + c.length, 0);
      joined = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        joined.set(c, at);
        at += c.length;
      }
      chunks.length = 0;
    },
    async abort() {
      chunks.length = 0;
    },
    bytes() {
      if (!joined) throw new Error('memorySink: bytes() before close()');
      return joined;
    },
  };
}
