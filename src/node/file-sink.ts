/**
 * A ByteSink on a file, written atomically while it streams: bytes go to a temporary file
 * created exclusively (`wx`, random name, same folder) and it is renamed over the real name
 * only when complete, so a crash or an error never leaves a partial output under that name.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FianetError } from '../errors.js';
import type { ByteSink } from '../scene/geotiff-writer.js';

export async function fileSink(path: string): Promise<ByteSink> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  const fail = (e: unknown): never => {
    throw e instanceof FianetError ? e : new FianetError('bad-input', `${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  };
  try {
    handle = await open(tmp, 'wx');
  } catch (e) {
    fail(e);
  }
  let position = 0;
  const writeAt = async (bytes: Uint8Array, at: number) => {
    let done = 0;
    while (done < bytes.length) done += (await handle!.write(bytes, done, bytes.length - done, at + done)).bytesWritten;
  };
  const abort = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await rm(tmp, { force: true });
  };
  return {
    async write(bytes) {
      await writeAt(bytes, position).catch(fail);
      position += bytes.length;
    },
    patch: (offset, bytes) => writeAt(bytes, offset).catch(fail),
    async close() {
      try {
        await handle!.sync();
        await handle!.close();
        handle = undefined;
        await rename(tmp, path);
      } catch (e) {
        await abort();
        fail(e);
      }
    },
    abort,
  };
}
