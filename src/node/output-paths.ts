/**
 * Refuses a run whose output would overwrite one of its inputs (`--out` equal to `--image`
 * silently replaced the image, issue 13) or another output, before any work is done. Paths
 * are compared after resolving symlinks, and existing files also by device and inode (hard
 * links, bind mounts).
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

export async function refuseOverwritingInputs(outputs: NamedPaths, inputs: NamedPaths): Promise<void> {
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
