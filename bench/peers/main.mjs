// The peer benchmark (issue #9): each workload on each host (Node on llvmpipe, headless
// Chromium on SwiftShader) with ours and the peers side by side: every engine prepared, its
// first run (shader compilation) timed apart and its output checked, then `runs` rounds of one
// warm run per engine, the engine order rotating each round. Markdown on stdout, progress on
// stderr, JSON with --json. Started by run.mjs (which bundles this first).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../../src/bench/harness.ts';
import { WORKLOAD_NAMES } from './workloads.ts';
import { nodeHost } from './node-host.mjs';
import { chromiumHost } from './chromium-host.mjs';
import { report } from './report.ts';
import { loadBetween, loadSnapshot } from './cpu-load.ts';

const HOSTS = ['node', 'chromium'];
/** Cheap workloads get more rounds: as many as fit in this many seconds (by the first round), up to MAX_ROUNDS. */
const CHEAP_S = 60;
const MAX_ROUNDS = 15;
/** After a round, no further round starts once the warm rounds took this long (at least one round runs). */
const DEFAULT_BUDGET_S = 900;

const USAGE = `usage: node bench/peers/run.mjs [--only ITEMS] [--runs N] [--budget S] [--profile] [--json FILE]
  --only   comma-separated workloads (${WORKLOAD_NAMES.join(', ')}), hosts (${HOSTS.join(', ')})
           and engines (ours, ort-webgpu, ort-wasm, tfjs-webgpu); each kind left out means all
  --runs   warm runs per engine (default 3; for short rounds as many as fit in ~${CHEAP_S} s, up to ${MAX_ROUNDS})
  --budget no further round starts once a workload's warm rounds took S seconds (default ${DEFAULT_BUDGET_S};
           TF.js's conv takes 4-7 min per run)
  --profile after the timed runs, one more run of ours with every call timed apart (the slowest listed)
  --json   also write the results as JSON to FILE`;

const log = (s) => process.stderr.write(`${s}\n`);
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);

function parse(argv) {
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' }, runs: { type: 'string' }, budget: { type: 'string' }, profile: { type: 'boolean' }, json: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const runs = Number(values.runs ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a positive integer\n${USAGE}`);
  const budgetS = Number(values.budget ?? DEFAULT_BUDGET_S);
  if (!(budgetS > 0)) throw new Error(`--budget ${values.budget}: expected a positive number of seconds\n${USAGE}`);
  const items = values.only?.split(',').filter(Boolean) ?? [];
  const engines = ['ours', 'ort-webgpu', 'ort-wasm', 'tfjs-webgpu'];
  const unknown = items.filter((i) => ![...WORKLOAD_NAMES, ...HOSTS, ...engines].includes(i));
  if (unknown.length) throw new Error(`--only: unknown ${unknown.join(', ')}\n${USAGE}`);
  const pick = (all) => (items.some((i) => all.includes(i)) ? all.filter((x) => items.includes(x)) : all);
  return { runs, budgetS, profile: !!values.profile, json: values.json, workloads: pick(WORKLOAD_NAMES), hosts: pick(HOSTS), engines: pick(engines) };
}

/**
 * One workload on one host: prepare and first-run each engine, then alternate warm runs;
 * `load`: how busy the machine was during the warm runs (cpu-load.ts).
 */
async function benchWorkload(host, hostName, w, engines, { runs, budgetS, profile }) {
  const results = [];
  for (const e of engines) {
    const r = { engine: e.id, label: e.label, runs: [], cpu: [] };
    results.push(r);
    try {
      log(`[${hostName}] ${w}: ${e.label}: preparing`);
      r.prepareMs = (await host.prepare(w, e.id)).ms;
      const first = await host.run(w, e.id);
      r.firstMs = first.ms;
      r.check = await host.check(w, e.id);
      log(`[${hostName}] ${w}: ${e.label}: prepared in ${fmt(r.prepareMs)}, first run ${fmt(r.firstMs)}, max |err| ${r.check.maxAbsErr.toExponential(2)}${r.check.ok ? '' : ' OVER TOLERANCE'}`);
    } catch (err) {
      r.error = String(err?.message ?? err).split('\n')[0];
      log(`[${hostName}] ${w}: ${e.label}: FAILED: ${r.error}`);
    }
  }
  const live = results.filter((r) => !r.error);
  let rounds = runs;
  const start = performance.now();
  const loadBefore = loadSnapshot();
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no engine always runs right after the same neighbour.
    for (let i = 0; i < live.length; i++) {
      const r = live[(round + i) % live.length];
      const t = await host.run(w, r.engine);
      r.runs.push(t.ms);
      if (t.cpuMs !== null) r.cpu.push(t.cpuMs);
      log(`[${hostName}] ${w}: ${r.label}: run ${round + 1}/${rounds}: ${fmt(t.ms)}${t.cpuMs !== null ? ` (CPU ${fmt(t.cpuMs)})` : ''}`);
    }
    if (round === 0) rounds = Math.max(runs, Math.min(MAX_ROUNDS, Math.floor((CHEAP_S * 1000) / (performance.now() - start))));
    if (round + 1 < rounds && performance.now() - start > budgetS * 1000) {
      log(`[${hostName}] ${w}: stopping after ${round + 1} of ${rounds} rounds (--budget ${budgetS} s)`);
      break;
    }
  }
  const load = loadBetween(loadBefore, loadSnapshot());
  for (const r of live) {
    if (profile && r.engine === 'ours') r.profile = await host.profile(w, r.engine);
    await host.destroy(w, r.engine);
    r.medianMs = median(r.runs);
    r.minMs = Math.min(...r.runs);
    r.cpuMs = r.cpu.length ? median(r.cpu) : null;
    delete r.cpu;
  }
  return { results, load };
}

/** Git facts about the tree the benchmark was bundled from (`root`'s checkout). */
function git(root, args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function packageVersion(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

export async function main(argv, root) {
  let opts;
  try {
    opts = parse(argv);
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  const modelsDir = join(root, 'models');
  const out = {
    date: new Date().toISOString(),
    commit: git(root, ['log', '-1', '--format=%h']),
    // Uncommitted changes under src/ that the measured engine included.
    dirty: [git(root, ['diff', '--name-only', 'HEAD', '--', ':/src']), git(root, ['ls-files', '--others', '--exclude-standard', '--full-name', '--', ':/src'])].join('\n').split('\n').filter(Boolean),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length },
    versions: {
      node: process.version,
      webgpu: packageVersion(join(root, '../../node_modules/webgpu')),
      'onnxruntime-web': packageVersion(join(root, 'node_modules/onnxruntime-web')),
      '@tensorflow/tfjs-core': packageVersion(join(root, 'node_modules/@tensorflow/tfjs-core')),
      '@tensorflow/tfjs-backend-webgpu': packageVersion(join(root, 'node_modules/@tensorflow/tfjs-backend-webgpu')),
    },
    runs: opts.runs,
    hosts: {},
  };
  const startLoad = loadSnapshot();
  for (const hostName of opts.hosts) {
    const opened = hostName === 'node' ? { host: await nodeHost({ modelsDir }), close: async () => {} } : await chromiumHost({ root, log });
    if (opened.version) out.versions.chromium = opened.version;
    const { host } = opened;
    const entry = { workloads: {}, load: {} };
    out.hosts[hostName] = entry;
    try {
      const engines = (await host.list()).filter((e) => opts.engines.includes(e.id));
      for (const w of opts.workloads) {
        const here = engines.filter((e) => e.workloads.includes(w));
        if (!here.length) continue;
        const { results, load } = await benchWorkload(host, hostName, w, here, opts);
        entry.workloads[w] = results;
        entry.load[w] = load;
      }
      entry.adapters = await host.adapters();
    } finally {
      await opened.close();
    }
  }
  out.load = loadBetween(startLoad, loadSnapshot());
  const text = report(out);
  console.log(text);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(out, null, 2)}\n`);
  const wrong = Object.values(out.hosts).flatMap((h) => Object.values(h.workloads).flat()).filter((r) => r.error || !r.check?.ok);
  return wrong.length ? 1 : 0;
}
