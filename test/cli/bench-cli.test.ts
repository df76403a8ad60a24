/**
 * `fianet bench` without a device: --compare on two saved reports (one line per row, the
 * differing row flagged), --plot --from (the SVG written whole), and the user's mistakes
 * refused with one line naming them. A synthetic report stands in for a run.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/bench.js';
import { rowOf, SCHEMA_NAME, SCHEMA_VERSION, withCeilings, type BenchReport } from '../../src/bench/schema.js';

const ceilings = { computeGflops: 40, copyGbps: 4 };
const timing = (medianMs: number, runs: number) => ({ medianMs, runs, flop: 2 * 512 ** 3, bytes: 3 * 4 * 512 ** 2, cpuMs: 2 * medianMs });

function report(medianMs: number, runs: number): BenchReport {
  return {
    schema: SCHEMA_NAME, version: SCHEMA_VERSION, date: '2026-12-02T07:00:00.000Z',
    adapter: { kind: 'llvmpipe', backend: 'opengles', vendor: 'mesa', architecture: '', device: '', description: 'llvmpipe (LLVM 15)' },
    versions: { engine: 'test' }, machine: { cpus: 2, platform: 'test', loadBefore: [1, 1, 1], loadAfter: [1, 1, 1] },
    options: { runs, suites: ['matmul'] }, ceilings,
    suites: [{ suite: 'matmul', title: 'Matmul', notes: [], rows: [
      withCeilings(rowOf('matmul', '512x512x512', 'uniform-blocked', timing(medianMs, 3)), ceilings),
      withCeilings(rowOf('matmul', '512x512x512', 'tiled 8x8', timing(4 * medianMs, runs)), ceilings),
    ] }],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
const save = (name: string, doc: unknown) => {
  writeFileSync(join(dir, name), typeof doc === 'string' ? doc : JSON.stringify(doc));
  return join(dir, name);
};

afterEach(() => vi.restoreAllMocks());

describe('fianet bench without a device', () => {
  it('--compare prints per-row ratios and flags the row whose runs differ', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void printed.push(s));
    expect(await run(['--compare', save('before.json', report(20, 3)), save('after.json', report(10, 5))])).toBe(0);
    const text = printed.join('\n');
    expect(text).toMatch(/\| matmul \| 512x512x512 \| uniform-blocked \| wall \| 20\.0 \| 10\.0 \| 0\.500 \| 0\.500 \| 13\.42 -> 26\.84 \| same \|/);
    expect(text).toMatch(/\| matmul \| 512x512x512 \| tiled 8x8 \| wall \| 80\.0 \| 40\.0 \| 0\.500 \| .* \| \*\*differs: runs 3 vs 5\*\* \|/);
    expect(text).toContain('1 of 2 rows flagged');
  });

  it('--plot --from writes the roofline whole, nothing else in the folder', async () => {
    const from = save('run.json', report(20, 3));
    expect(await run(['--plot', join(dir, 'roofline.svg'), '--from', from])).toBe(0);
    const svg = readFileSync(join(dir, 'roofline.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^]*<\/svg>\n$/);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it('refuses mistakes with one line naming them', async () => {
    const good = save('good.json', report(20, 3));
    await expect(run(['--compare', good])).rejects.toThrow('--compare takes two reports, BEFORE.json AFTER.json; got 1');
    await expect(run(['--compare', good, save('bad.json', '{"schema": "fianet-bench", ')])).rejects.toThrow(/bad\.json: not JSON/);
    await expect(run(['--compare', good, save('other.json', { schema: 'something else' })])).rejects.toThrow(/other\.json: not a fianet bench report \(schema is "something else"/);
    await expect(run(['--compare', good, join(dir, 'missing.json')])).rejects.toThrow(/missing\.json/);
    await expect(run(['--from', good])).rejects.toThrow('--from REPORT.json needs --plot FILE.svg');
    await expect(run([good])).rejects.toThrow(`unexpected argument '${good}'`);
    await expect(run(['--runs', '0'])).rejects.toThrow("--runs takes a whole number from 1 to 1000, got '0'");
    // Before any device is opened or anything measured:
    await expect(run(['--only', 'matmul,gemm'])).rejects.toThrow("unknown suite 'gemm' (matmul, bert, window, decoder, tmem, e2e, f16)");
    await expect(run(['--only', 'matmul', '--cases', '77'])).rejects.toThrow(/^no case of matmul starts with '77' \('512x512x512', /);
    await expect(run(['--json', join(dir, 'no-such-folder', 'run.json')])).rejects.toThrow(/no-such-folder/);
  });
});
