/**
 * Writing a run's outputs so that readers only ever see the old files or the complete new
 * set: each output goes to a temporary file in its own folder (random name, opened with
 * O_EXCL so a planted file or symlink cannot redirect the write), and the temporaries are
 * renamed over the real names only once every output has been written. On failure, and on
 * SIGINT/SIGTERM while temporaries exist, they are removed. Rename is atomic on POSIX file
 * systems within one folder, which the same-folder temporaries guarantee.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FianetError } from '../errors.js';

// Node refuses single writes over 2 GiB; large buffers go in pieces.
const MAX_WRITE = 1 << 30;

export type OutputData = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Temporaries of every open OutputSet in this process, removed by the signal handlers. */
const live = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

function removeLive(): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone: nothing to clean.
    }
  }
  live.clear();
}

function onSignal(signal: keyof typeof SIGNALS): void {
  // A command with its own handler (eval: finish the sample, write PARTIAL reports) decides
  // whether to stop; the exit hook removes the temporaries if it does.
  if (process.listenerCount(signal) > 1) return;
  removeLive();
  process.exit(SIGNALS[signal]);
}

function track(tmp: string): void {
  if (live.size === 0) {
    for (const s of Object.keys(SIGNALS)) process.on(s, onSignal);
    process.on('exit', removeLive);
  }
  live.add(tmp);
}

function untrack(tmp: string): void {
  if (!live.delete(tmp) || live.size > 0) return;
  for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
  process.off('exit', removeLive);
}

const cannotWrite = (path: string, e: unknown): FianetError =>
  e instanceof FianetError ? e : new FianetError('bad-input', `${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);

/** The outputs of one run: `write` each one, then `commit` renames them all (or `abort` removes them). */
export class OutputSet {
  private readonly staged: { tmp: string; path: string }[] = [];
  private done = false;

  /** Writes `data` (one buffer, or chunks produced one at a time) to a new temporary next to `path`. */
  async write(path: string, data: OutputData): Promise<void> {
    if (this.done) throw new Error('OutputSet: write after commit or abort');
    const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
    let handle: FileHandle | undefined;
    try {
      handle = await open(tmp, 'wx');
      track(tmp);
      this.staged.push({ tmp, path });
      for await (const chunk of data instanceof Uint8Array ? [data] : data) {
        let at = 0;
        while (at < chunk.byteLength) at += (await handle.write(chunk, at, Math.min(chunk.byteLength - at, MAX_WRITE))).bytesWritten;
      }
      await handle.sync();
    } catch (e) {
      await this.abort();
      throw cannotWrite(path, e);
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /** Renames every temporary over its real name. */
  async commit(): Promise<void> {
    try {
      // The one rename failure that can be foreseen is checked before the first rename.
      for (const s of this.staged) {
        if ((await stat(s.path).catch(() => undefined))?.isDirectory()) throw new FianetError('bad-input', `${s.path}: cannot write (it is a directory)`);
      }
      for (const s of this.staged) {
        await rename(s.tmp, s.path).catch((e: unknown) => {
          throw cannotWrite(s.path, e);
        });
        untrack(s.tmp);
      }
      this.done = true;
    } finally {
      await this.abort();
    }
  }

  /** Removes every temporary not yet renamed. */
  async abort(): Promise<void> {
    this.done = true;
    for (const s of this.staged.splice(0)) {
      if (!live.has(s.tmp)) continue;
      await rm(s.tmp, { force: true });
      untrack(s.tmp);
    }
  }
}

/** Runs `write` on a new OutputSet and commits it; on any failure removes what was written and rethrows. */
export async function writeOutputs(write: (outputs: OutputSet) => Promise<void>): Promise<void> {
  const outputs = new OutputSet();
  try {
    await write(outputs);
    await outputs.commit();
  } finally {
    await outputs.abort();
  }
}

/** One file, atomically: the old content or the complete new one. */
export function writeFileAtomic(path: string, data: OutputData): Promise<void> {
  return writeOutputs((outputs) => outputs.write(path, data));
}
