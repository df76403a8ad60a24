/**
 * Node side of the file formats: a ByteSource over a file handle (reads by offset, so a
 * multi-GB checkpoint is never loaded whole) and an atomic safetensors writer.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { FianetError } from '../errors.js';
import { encodeSafetensors, type ByteSource, type TensorToWrite } from '../io/safetensors.js';

// Node refuses single reads over 2 GiB; large tensors are read in pieces.
const MAX_READ = 1 << 30;

export async function fileSource(path: string): Promise<ByteSource> {
  const label = basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new FianetError('bad-input', `${path}: cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { size } = await handle.stat();
  return {
    size,
    label,
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new FianetError('bad-input', `${label}: read of ${length} bytes at offset ${offset} is past the end (${size} bytes)`);
      }
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, Math.min(length - done, MAX_READ), offset + done);
        if (bytesRead === 0) throw new FianetError('bad-input', `${label}: file shrank while reading (at offset ${offset + done})`);
        done += bytesRead;
      }
      return out;
    },
    close: () => handle.close(),
  };
}

/**
 * Write `chunks` to `path` atomically: into `path.tmp-<pid>` first, renamed over `path` only
 * once complete, so a crash or a full disk never leaves a half-written file under the real
 * name. The temporary file is removed on failure. An async iterable lets the caller produce
 * the chunks one at a time (a converter holds one tensor, not the whole model).
 */
export async function writeFileAtomic(path: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, 'w');
    for await (const chunk of chunks) {
      let done = 0;
      while (done < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, done, Math.min(chunk.byteLength - done, MAX_READ));
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

export async function writeSafetensorsFile(
  path: string,
  tensors: readonly TensorToWrite[],
  metadata?: Readonly<Record<string, string>>,
): Promise<void> {
  await writeFileAtomic(path, encodeSafetensors(tensors, metadata));
}
