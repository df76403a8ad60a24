/**
 * Checks a run's output paths before any work is done: each output's folder exists (a typo
 * fails in milliseconds, not after the model ran), and no output is the same file as one of
 * the inputs (`--out` equal to `--image` silently replaced the image, issue 13) or as another
 * output. Paths are compared after resolving symlinks, and existing files also by device and
 * inode (hard links, bind mounts).
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FianetError } from '../errors.js';

/** Option label (e.g. '--image') -> path; undefined entries are options not given. */
export type NamedPaths = Record<string, string | undefined>;

interface Identity {
  label: string;
  path: string;
  real: string;
  inode?: string;
}

async function identify(label: string, path: string): Promise<Identity> {
  const absolute = resolve(path);
  // A file that does not exist yet: its folder resolved, its own name kept.
  const real = await realpath(absolute).catch(async () => join(await realpath(dirname(absolute)).catch(() => dirname(absolute)), basename(absolute)));
  const s = await stat(absolute).catch(() => undefined);
  return { label, path, real, ...(s ? { inode: `${s.dev}:${s.ino}` } : {}) };
}

export async function checkOutputPaths(outputs: NamedPaths, inputs: NamedPaths): Promise<void> {
  for (const [label, path] of Object.entries(outputs)) {
    if (path === undefined) continue;
    const folder = dirname(resolve(path));
    if (!(await stat(folder).catch(() => undefined))?.isDirectory()) throw new FianetError('bad-input', `cannot write ${path}: the folder ${folder} does not exist (${label})`);
  }
  const given = async (paths: NamedPaths) => Promise.all(Object.entries(paths).flatMap(([label, p]) => (p === undefined ? [] : [identify(label, p)])));
  const outs = await given(outputs);
  const ins = await given(inputs);
  const same = (a: Identity, b: Identity) => a.real === b.real || (a.inode !== undefined && a.inode === b.inode);
  for (const [i, out] of outs.entries()) {
    const input = ins.find((x) => same(x, out));
    if (input) throw new FianetError('bad-input', `${out.label} ${out.path} is the same file as ${input.label} ${input.path}: refusing to overwrite an input`);
    const other = outs.slice(0, i).find((x) => same(x, out));
    if (other) throw new FianetError('bad-input', `${out.label} ${out.path} is the same file as ${other.label} ${other.path}: give each output its own path`);
  }
}
