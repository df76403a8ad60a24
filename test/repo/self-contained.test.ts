// A plain `git clone` must be able to run its tests: every data file the suites read is in the
// repository, unchanged from what the authors made (test/SHA256SUMS), and no source, test,
// bench or script reaches outside the clone for it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const testDir = join(repo, 'test');
const DATA_ROOTS = ['fixtures', 'demo', 'scenes'];
const CODE = /\.(ts|mts|js|mjs|cjs|sh|py|json|html)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'models' ? [] : filesUnder(path);
    return e.isFile() ? [path] : [];
  });
}

describe('the repository is self-contained', () => {
  it('no code under src/, test/, bench/, scripts/ or web/ names the folder beside the checkout', () => {
    // Spelled in two parts so this file does not match itself.
    const outside = ['..', 'shared'].join('/');
    const offenders = ['src', 'test', 'bench', 'scripts', 'web']
      .flatMap((d) => filesUnder(join(repo, d)))
      .filter((f) => CODE.test(f) && !DATA_ROOTS.some((d) => f.startsWith(join(testDir, d) + '/')))
      .filter((f) => readFileSync(f, 'utf8').includes(outside))
      .map((f) => relative(repo, f));
    expect(offenders).toEqual([]);
  });

  it('test/SHA256SUMS lists every data file, and each one hashes to its entry', () => {
    const listed = new Map(
      readFileSync(join(testDir, 'SHA256SUMS'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
          if (!m) throw new Error(`test/SHA256SUMS: not a sha256sum line: ${line.slice(0, 100)}`);
          return [m[2]!, m[1]!] as const;
        }),
    );
    const present = DATA_ROOTS.flatMap((d) => filesUnder(join(testDir, d))).map((f) => relative(testDir, f)).sort();
    expect(present).toEqual([...listed.keys()].sort());
    const wrong = present.filter((f) => createHash('sha256').update(readFileSync(join(testDir, f))).digest('hex') !== listed.get(f));
    expect(wrong).toEqual([]);
  });
});
