/**
 * `npm run fuzz -- [--parser P[,Q]] [--count N] [--seconds S] [--seed X] [--out DIR]`:
 * mutates each target's seeds (structure-aware half the time, byte-level otherwise) and runs
 * every input in a watched child process. Findings (an exception other than FianetError, a
 * crash, a hang > 5 s, a memory blowup > 1 GiB, an image breaking its own invariants) are
 * saved as reproducers under DIR/<target>/ (at most 3 per distinct finding). Prints a table;
 * exits 1 when anything was found.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FuzzChild, type Outcome } from './child.js';
import { mutateBytes } from './mutate-bytes.js';
import { Rng } from './rng.js';
import { TARGETS, targetNamed, type Target } from './targets.js';

/** Inputs past this size are cut: the watchdogs look for amplification, not big files. */
const MAX_INPUT = 4 << 20;
const KEEP_PER_FINDING = 3;

interface Tally {
  target: string;
  inputs: number;
  ok: number;
  rejected: number;
  findings: Record<string, number>;
  distinct: Map<string, { kind: string; detail: string; file: string; count: number }>;
  seconds: number;
}

/** Findings with the same kind, message shape (numbers elided) and first two named stack frames are one finding. */
function signature(kind: string, detail: string): string {
  const [first = '', ...stack] = detail.split('\n');
  const frames = stack.map((l) => /at (?:async )?([\w.$<>]+) \(/.exec(l)?.[1]).filter((f) => f && f !== 'JSON.stringify');
  return `${kind}:${first.replace(/\d+/g, 'N').slice(0, 160)}@${frames.slice(0, 2).join('<')}`;
}

async function fuzzTarget(target: Target, child: FuzzChild, o: { count: number; seconds: number; seed: number; out: string }, progress: (line: string) => void): Promise<Tally> {
  const rng = new Rng(o.seed);
  const seeds = await target.seeds();
  const tally: Tally = { target: target.name, inputs: 0, ok: 0, rejected: 0, findings: {}, distinct: new Map(), seconds: 0 };
  const t0 = performance.now();
  for (const seed of seeds) {
    const outcome = await child.run(target.name, seed);
    if (outcome.kind !== 'ok') throw new Error(`fuzz ${target.name}: a seed does not pass (${outcome.kind}: ${outcome.detail ?? ''}); fix the seed or the target`);
  }
  while (tally.inputs < o.count && performance.now() - t0 < o.seconds * 1000) {
    const base = rng.pick(seeds);
    const input = ((rng.chance(0.5) && target.mutate(base, rng, seeds)) || mutateBytes(base, rng, seeds)).subarray(0, MAX_INPUT);
    const outcome: Outcome = await child.run(target.name, input);
    tally.inputs++;
    if (outcome.kind === 'ok') tally.ok++;
    else if (outcome.kind === 'rejected') tally.rejected++;
    else record(tally, { kind: outcome.kind, detail: outcome.detail ?? '' }, input, o.out);
    if (tally.inputs % 50 === 0) progress(`fuzz ${target.name}: ${tally.inputs} inputs, ${tally.distinct.size} distinct findings`);
  }
  tally.seconds = (performance.now() - t0) / 1000;
  return tally;
}

function record(tally: Tally, outcome: { kind: string; detail: string }, input: Uint8Array, out: string): void {
  tally.findings[outcome.kind] = (tally.findings[outcome.kind] ?? 0) + 1;
  const sig = signature(outcome.kind, outcome.detail);
  const seen = tally.distinct.get(sig);
  if (seen) seen.count++;
  if (seen && seen.count > KEEP_PER_FINDING) return;
  const dir = join(out, tally.target);
  mkdirSync(dir, { recursive: true });
  const name = `${outcome.kind}-${createHash('sha1').update(sig).digest('hex').slice(0, 8)}-${createHash('sha1').update(input).digest('hex').slice(0, 8)}`;
  writeFileSync(join(dir, `${name}.bin`), input);
  writeFileSync(join(dir, `${name}.txt`), `${outcome.kind}\n${outcome.detail}\n`);
  const where = /\(([^)]*src\/[^)]*)\)/.exec(outcome.detail)?.[1]?.replace(/^.*?(src\/)/, '$1');
  if (!seen) tally.distinct.set(sig, { kind: outcome.kind, detail: `${outcome.detail.split('\n')[0]!}${where ? ` (${where})` : ''}`, file: join(dir, `${name}.bin`), count: 1 });
}

export async function main(argv: string[], workerPath: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { parser: { type: 'string' }, count: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const targets = values.parser ? values.parser.split(',').map((n) => targetNamed(n.trim())) : TARGETS;
  const count = values.count ? Number(values.count) : values.seconds ? Infinity : 1000;
  const seconds = values.seconds ? Number(values.seconds) : Infinity;
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const out = values.out ?? 'fuzz/failures';
  const tty = process.stderr.isTTY;
  const progress = (line: string) => tty && process.stderr.write(`\r${line.padEnd(70)}`);
  const child = new FuzzChild(workerPath);
  const tallies: Tally[] = [];
  try {
    for (const target of targets) tallies.push(await fuzzTarget(target, child, { count, seconds, seed, out }, progress));
  } finally {
    child.close();
    if (tty) process.stderr.write('\r'.padEnd(72) + '\r');
  }
  console.log(`seed ${seed}\n`);
  console.log('| target | inputs | passed | rejected (FianetError) | exceptions | crashes | hangs > 5 s | memory > 1 GiB | distinct | inputs/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const t of tallies) {
    const f = (k: string) => t.findings[k] ?? 0;
    console.log(`| ${t.target} | ${t.inputs} | ${t.ok} | ${t.rejected} | ${f('exception')} | ${f('crash')} | ${f('hang')} | ${f('memory')} | ${t.distinct.size} | ${(t.inputs / t.seconds).toFixed(0)} |`);
  }
  const all = tallies.flatMap((t) => [...t.distinct.values()].map((d) => ({ target: t.target, ...d })));
  if (all.length) {
    console.log(`\nfindings (reproducers under ${out}/):`);
    for (const d of all) console.log(`- ${d.target} ${d.kind} x${d.count}: ${d.detail.slice(0, 140)}  [${d.file}]`);
  }
  return all.length ? 1 : 0;
}
