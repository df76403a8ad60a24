/**
 * The fuzz harness in the default suite: every target's seeds pass through the watched child
 * process (so the harness itself works), and every committed reproducer under
 * test/data/fuzz/<target>/ (raw .bin or gzipped .bin.gz) now passes: a clean result or a FianetError, within the 5 s hang
 * watchdog and the 1 GiB memory limits. The short fuzz budget runs as `npm run fuzz:ci`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzChild } from '../../fuzz/child.js';
import { TARGETS } from '../../fuzz/targets.js';
import { bundleForNode } from '../helpers/bundle.js';

const REPRODUCERS = new URL('../data/fuzz/', import.meta.url);
let child: FuzzChild | undefined;
const worker = async (): Promise<FuzzChild> => (child ??= new FuzzChild(await bundleForNode(fileURLToPath(new URL('../../fuzz/worker.ts', import.meta.url)))));
afterAll(() => child?.close());

describe('fuzz targets', () => {
  for (const target of TARGETS) {
    it(`${target.name}: every seed passes in the watched child`, async () => {
      const w = await worker();
      for (const seed of await target.seeds()) expect(await w.run(target.name, seed)).toEqual({ kind: 'ok' });
    });
  }
});

describe('fuzz reproducers', () => {
  for (const target of TARGETS) {
    const dir = new URL(`${target.name}/`, REPRODUCERS);
    // Reproducers may be gzipped (a 100k-deep pickle is 400 KB raw).
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bin') || f.endsWith('.bin.gz')) : [];
    for (const file of files) {
      it(`${target.name}/${file} passes (a result or a FianetError)`, async () => {
        const bytes = readFileSync(new URL(file, dir));
        const outcome = await (await worker()).run(target.name, new Uint8Array(file.endsWith('.gz') ? gunzipSync(bytes) : bytes));
        expect(['ok', 'rejected'], `${outcome.kind}: ${outcome.detail ?? ''}`).toContain(outcome.kind);
      });
    }
  }
});
