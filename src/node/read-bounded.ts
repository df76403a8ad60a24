/**
 * Reads a whole file that the user names (an image, a config, tokens, a dataset listing) with a
 * size cap: only regular files, never more than `cap` bytes, so `/dev/zero`, a FIFO or a
 * 10 GB file ends at once with one clear error naming the file instead of reading until
 * memory runs out.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FianetError } from '../errors.js';
import { fileErrorReason } from './file-error.js';

/** Text inputs (configs, tokens, vocabularies, expression lists) are far smaller than this. */
export const MAX_TEXT_FILE_BYTES = 64 << 20;

export interface BoundedRead {
  /** What the file is, put before its path in messages: 'image', 'config', '--tokens file' ('' for the path alone). */
  what: string;
  /** What to do about a genuine file over the cap. */
  raise?: string;
}

export async function readBoundedFile(path: string, cap: number, o: BoundedRead): Promise<Uint8Array> {
  const name = o.what ? `${o.what} ${path}` : path;
  const tooLarge = () => new FianetError('bad-input', `${name}: the file is larger than ${(cap / 2 ** 20).toFixed(0)} MiB, more than a valid ${o.what || 'file'} needs${o.raise ? `; ${o.raise}` : ''}`);
  let handle: FileHandle | undefined;
  try {
    // Non-blocking, so opening a FIFO with no writer cannot hang before the check below.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new FianetError('bad-input', `${name}: it is a directory, not a file`);
    if (!stat.isFile()) throw new FianetError('bad-input', `${name}: not a regular file (a device, pipe or socket)`);
    if (stat.size > cap) throw tooLarge();
    // The size can change while we read (or be wrong, as on /proc): read to the cap, no further.
    let bytes = new Uint8Array(stat.size + 1);
    let filled = 0;
    for (;;) {
      if (filled === bytes.length) {
        if (filled > cap) throw tooLarge();
        const grown = new Uint8Array(Math.min(cap + 1, 2 * bytes.length));
        grown.set(bytes);
        bytes = grown;
      }
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } catch (e) {
    if (e instanceof FianetError) throw e;
    throw new FianetError('bad-input', `${name}: ${fileErrorReason(e)}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A text file read with the text cap, decoded as UTF-8. */
export async function readBoundedText(path: string, what: string): Promise<string> {
  return new TextDecoder().decode(await readBoundedFile(path, MAX_TEXT_FILE_BYTES, { what }));
}
