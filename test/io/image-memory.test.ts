// The hostile images of issue #13 decoded in a fresh Node process, its peak resident memory
// read from the kernel (resourceUsage().maxRSS): before the limits these took 2.5 to 8 GiB
// (a 200-byte PNG header, a 650-byte TIFF, 1 GiB IDAT and iCCP bombs, a 32768^2 deflate strip).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'fianet-image-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Measured (2-core VM, Node 20, garbage collected between cases): the process starts at
 * ~90 MiB peak and the whole set raises it by 6 to 9 MiB, all of it from the two 1 GiB bombs
 * (PNG IDAT, TIFF Deflate strip), which inflate in 4 KiB slices and stop ~4 MiB past their
 * declared size; every other case adds < 0.4 MiB. 64 MiB leaves room for allocator noise and
 * is still 40x below the smallest figure before the limits.
 */
const MAX_GROWTH_MIB = 64;

it('hostile images never raise the peak memory by more than 64 MiB', () => {
  const script = join(dir, 'child.mjs');
  buildSync({ entryPoints: [fileURLToPath(new URL('image-memory-child.ts', import.meta.url))], outfile: script, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  const { before, after } = JSON.parse(execFileSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8', timeout: 60_000 })) as { before: number; after: Record<string, number> };
  const growth = Object.entries(after).map(([name, peak]) => `${name}: +${(peak - before).toFixed(1)} MiB`);
  expect(Math.max(...Object.values(after)) - before, growth.join(', ')).toBeLessThan(MAX_GROWTH_MIB);
});
