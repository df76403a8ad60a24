/**
 * Write a file so that readers only ever see the old content or the complete new one: the
 * bytes go to `path.tmp-<pid>` first and are renamed over `path` once flushed. A crash, a
 * full disk or a failed model run therefore never leaves a half-written output under the
 * real name, and the temporary file is removed on failure. (Rename is atomic on POSIX file
 * systems when both names are in the same directory, which the suffix guarantees.)
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { FianetError } from '../errors.js';

// Node refuses single writes over 2 GiB; large buffers go in pieces.
const MAX_WRITE = 1 << 30;

/**
 * `data` is one buffer or a sequence of chunks (e.g. a safetensors header then tensors); an
 * async sequence lets the caller produce one chunk at a time (a converter holds one tensor).
 */
export async function writeFileAtomic(path: string, data: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  const chunks = data instanceof Uint8Array ? [data] : data;
  const tmp = `${path}.tmp-${process.pid}`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, 'w');
    for await (const chunk of chunks) {
      let done = 0;
      while (done < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, done, Math.min(chunk.byteLength - done, MAX_WRITE));
        done += bytesWritten;
      }
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    if (e instanceof FianetError) throw e;
    throw new FianetError('bad-input', `${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
