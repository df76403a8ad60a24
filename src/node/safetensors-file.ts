/**
 * Node side of the file formats: a ByteSource over a file handle (reads by offset, so a
 * multi-GB checkpoint is never loaded whole) and an atomic safetensors writer.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { FianetError } from '../errors.js';
import { encodeSafetensors, type ByteSource, type TensorToWrite } from '../io/safetensors.js';
import { writeFileAtomic } from './atomic-write.js';
import { fileErrorReason } from './file-error.js';

// Node refuses single reads over 2 GiB; large tensors are read in pieces.
const MAX_READ = 1 << 30;

export async function fileSource(path: string): Promise<ByteSource> {
  const label = basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new FianetError('bad-input', `${path}: ${fileErrorReason(e)}`);
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    // A directory opens on Linux and fails only at the first read (EISDIR); a FIFO or device has no size.
    throw new FianetError('bad-input', `${path}: ${stats.isDirectory() ? 'it is a directory, not a file' : 'not a regular file (a device or a pipe)'}`);
  }
  const { size } = stats;
  return {
    size,
    label,
    freshReads: true,
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

export async function writeSafetensorsFile(
  path: string,
  tensors: readonly TensorToWrite[],
  metadata?: Readonly<Record<string, string>>,
): Promise<void> {
  await writeFileAtomic(path, encodeSafetensors(tensors, metadata));
}
