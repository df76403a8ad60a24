/**
 * The CLI under misuse (issue 13): one line and exit 1 for every bad input, exit 2 with
 * "internal error" for a bug; outputs all or nothing (a failed --overlay leaves no --out),
 * never written over an input or through a planted symlink, and removed on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, type Command } from '../../src/cli/main.js';
import { FianetError } from '../../src/errors.js';
import { encodeSafetensors } from '../../src/io/safetensors.js';
import { bundleForNode } from '../helpers/bundle.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const WEIGHTS = repo('weights/demo.safetensors');
const IMAGE = repo('examples/example1.png');

let dir: string;
let lines: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fianet-cli-'));
  lines = [];
  const keep = (...a: unknown[]) => void lines.push(a.join(' '));
  vi.spyOn(console, 'error').mockImplementation(keep);
  vi.spyOn(console, 'log').mockImplementation(keep);
});
afterEach(() => vi.restoreAllMocks());

const temporaries = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const segment = (...args: string[]) => ['segment', '--weights', WEIGHTS, '--adapter', TEST_ADAPTER, '--image', IMAGE, '--text', 'a green tennis court', ...args];

describe('outputs are all or nothing', () => {
  it('an --overlay in a missing folder is refused before the model runs, leaving no --out', async () => {
    const out = join(dir, 'ok.png');
    expect(await main(segment('--out', out, '--overlay', join(dir, 'missing', 'o.png')))).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/cannot write .*missing\/o\.png: the folder .*missing does not exist \(--overlay\)/)]);
    expect(existsSync(out)).toBe(false);
    expect(temporaries()).toEqual([]);
  });

  it('a --logits that is a directory leaves neither mask nor overlay', async () => {
    mkdirSync(join(dir, 'logits.safetensors'));
    const [out, overlay] = [join(dir, 'm.png'), join(dir, 'o.png')];
    expect(await main(segment('--out', out, '--overlay', overlay, '--logits', join(dir, 'logits.safetensors')))).toBe(1);
    expect(lines.at(-1)).toMatch(/logits\.safetensors: cannot write \(it is a directory\)/);
    expect(readdirSync(dir)).toEqual(['logits.safetensors']);
  });

  it('a symlink planted at the output is replaced, not written through', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'm.png');
    symlinkSync(victim, out);
    expect(await main(segment('--out', out))).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(temporaries()).toEqual([]);
  });
});

describe('an output equal to an input is refused before any work', () => {
  it('--out equal to --image, directly or through a symlink or another spelling', async () => {
    const image = join(dir, 'scene.png');
    writeFileSync(image, readFileSync(IMAGE));
    symlinkSync(image, join(dir, 'link.png'));
    // Missing weights: the refusal must come first.
    for (const out of [image, join(dir, 'link.png'), `${dir}/./sub/../scene.png`]) {
      lines = [];
      expect(await main(['segment', '--weights', join(dir, 'none.safetensors'), '--image', image, '--text', 'x', '--out', out])).toBe(1);
      expect(lines).toEqual([expect.stringMatching(/--out .* is the same file as --image .*: refusing to overwrite an input/)]);
    }
    expect(readFileSync(image)).toEqual(readFileSync(IMAGE));
  });

  it('two outputs on one path, and convert onto its input', async () => {
    const out = join(dir, 'm.png');
    expect(await main(['segment', '--weights', WEIGHTS, '--image', IMAGE, '--text', 'x', '--out', out, '--overlay', out])).toBe(1);
    expect(lines.at(-1)).toMatch(/--overlay .* is the same file as --out/);
    expect(await main(['convert', WEIGHTS, WEIGHTS])).toBe(1);
    expect(lines.at(-1)).toMatch(/OUT\.safetensors .* is the same file as IN\.pth/);
  });
});

describe('exit codes', () => {
  const table = (error: unknown): Record<string, Command> => ({
    boom: { summary: 'throws', load: async () => ({ run: async () => Promise.reject(error) }) },
  });

  it('an internal bug exits 2 with one line saying so; --verbose adds the stack', async () => {
    expect(await main(['boom'], table(new TypeError("Cannot read properties of undefined (reading 'x')")))).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^fianet boom: internal error \(a bug in fianet.*TypeError: Cannot read properties/)]);
    lines = [];
    expect(await main(['boom', '--verbose'], table(new RangeError('Maximum call stack size exceeded')))).toBe(2);
    expect(lines.join('\n')).toMatch(/RangeError: Maximum call stack size exceeded\n\s+at /);
  });

  it('a FianetError or a system error on a file exits 1 with one line', async () => {
    expect(await main(['boom'], table(new FianetError('bad-weights', 'w.safetensors: tensor x is [2], expected [3]')))).toBe(1);
    const eisdir = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', syscall: 'read' });
    expect(await main(['boom'], table(eisdir))).toBe(1);
    expect(lines).toEqual(['fianet boom: w.safetensors: tensor x is [2], expected [3]', 'fianet boom: EISDIR: illegal operation on a directory, read']);
  });

  // Misuse a user can make without the model running to completion: each gives one line and exit 1.
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const withTokens = (d: string) => ['segment', '--weights', WEIGHTS, '--adapter', TEST_ADAPTER, '--image', IMAGE, '--out', join(d, 'm.png'), '--quiet', '--tokens'];
  const misuses: [string, (d: string) => string[]][] = [
    ['no command', () => ['nope']],
    ['unknown option', () => ['segment', '--wieghts', 'x']],
    ['segment without arguments', () => ['segment']],
    ['segment without --text', () => ['segment', '--weights', WEIGHTS, '--image', IMAGE, '--out', 'x.png']],
    ['segment with a missing image', (d) => segment('--image', join(d, 'none.png'), '--out', join(d, 'm.png'))],
    ['segment with a directory as --image', (d) => segment('--image', d, '--out', join(d, 'm.png'))],
    ['segment with a directory as --weights', (d) => ['segment', '--weights', d, '--image', IMAGE, '--text', 'x', '--out', join(d, 'm.png')]],
    ['segment with a directory as --config', (d) => segment('--config', d, '--out', join(d, 'm.png'))],
    ['segment with a bad --adapter', (d) => segment('--adapter', 'quantum', '--out', join(d, 'm.png'))],
    ['segment with a bad --dataset', (d) => segment('--dataset', 'mnist', '--out', join(d, 'm.png'))],
    ['segment with 100k-deep --tokens JSON', (d) => [...withTokens(d), `{"input_ids": ${deep(100_000)}}`]],
    ['segment with a 100k-deep --tokens file', (d) => (writeFileSync(join(d, 't.json'), deep(100_000)), [...withTokens(d), join(d, 't.json')])],
    ['segment with --tokens naming a directory', (d) => [...withTokens(d), d]],
    ['convert without arguments', () => ['convert']],
    ['convert a missing file', (d) => ['convert', join(d, 'none.pth'), join(d, 'o.safetensors')]],
    ['convert a directory', (d) => ['convert', d, join(d, 'o.safetensors')]],
    ['convert a file that is not a checkpoint', (d) => ['convert', IMAGE, join(d, 'o.safetensors')]],
    ['info on a missing file', (d) => ['info', join(d, 'none.safetensors')]],
    ['info on a directory', (d) => ['info', d]],
    ['eval without arguments', () => ['eval']],
    ['eval with a bad --format', (d) => ['eval', '--weights', WEIGHTS, '--data', d, '--format', 'csv']],
    ['eval with a missing --data', (d) => ['eval', '--weights', WEIGHTS, '--data', join(d, 'none'), '--format', 'jsonl']],
    ['eval with a bad --limit', (d) => ['eval', '--weights', WEIGHTS, '--data', d, '--format', 'jsonl', '--limit', '-3']],
    ['tokenize without arguments', () => ['tokenize']],
  ];
  for (const [what, args] of misuses) {
    it(`${what}: one line, exit 1`, async () => {
      expect(await main(args(dir))).toBe(1);
      expect(lines.length, lines.join('\n')).toBe(1);
      expect(lines[0]).toMatch(/^fianet( \w+)?: /);
      expect(lines[0]).not.toMatch(/\n|internal error/);
      expect(readdirSync(dir).filter((f) => f.endsWith('.png') || f.endsWith('.tmp'))).toEqual([]);
    });
  }
});

it('info lists a file of 140,000 tensors (the column widths once spread every row into Math.max)', async () => {
  const path = join(dir, 'many.safetensors');
  const tensors = Array.from({ length: 140_000 }, (_, i) => ({ name: `t.${i}`, dtype: 'F32' as const, shape: [1], data: Float32Array.of(i) }));
  writeFileSync(path, Buffer.concat(encodeSafetensors(tensors)));
  expect(await main(['info', path])).toBe(0);
  expect(lines.join('\n')).toMatch(/t\.139999 +F32/);
});

describe('signals', () => {
  for (const [signal, code, mode] of [['SIGINT', 130, ''], ['SIGTERM', 143, ''], ['SIGINT', 130, 'own-handler']] as const) {
    it(`${signal} while outputs are being written removes every temporary${mode ? ` (${mode})` : ''}`, async () => {
      const child = spawn(process.execPath, [await bundleForNode(fileURLToPath(new URL('./signal-child.ts', import.meta.url))), dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve()));
      expect(temporaries().length).toBe(2);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      child.kill(signal);
      expect(await exit).toBe(code);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
