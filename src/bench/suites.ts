/**
 * The suites `fianet bench` and the browser bench page run, and one run of them into a
 * report: peaks first (the ceilings every row's % is of), then each suite asked for, every
 * row given its rates against the ceilings. Hosts supply the device, clocks and versions.
 */
import { FianetError } from '../errors.js';
import { MATMUL_CASES } from '../kernels/matmul.js';
import { DECODER_CONV_CASES } from '../kernels/conv2d.js';
import { WINDOW_ATTENTION_CASES } from '../kernels/window-attention.js';
import { benchBert } from './bert.js';
import { benchDecoderConv, CONV_VARIANTS } from './decoder.js';
import { benchEndToEnd } from './end-to-end.js';
import { benchF16Weights, F16_CASE_NAMES } from './f16-weights.js';
import type { BenchHost } from './harness.js';
import { benchMatmul, MATMUL_VARIANTS } from './matmul.js';
import { measurePeaks, type Ceilings } from './peaks.js';
import { SCHEMA_NAME, SCHEMA_VERSION, withCeilings, type BenchReport, type BenchSuiteResult } from './schema.js';
import { benchTmem } from './tmem.js';
import { benchWindowAttention, WINDOW_ATTENTION_KERNELS } from './window-attention.js';

interface Suite {
  /** Case and variant names, for --cases / --variants prefixes (none: the suite has one configuration). */
  cases: readonly string[];
  variants: readonly string[];
  run(host: BenchHost, pick: { cases?: string[]; variants?: string[] }, ceilings: Ceilings): Promise<BenchSuiteResult>;
}

export const SUITES: Record<string, Suite> = {
  matmul: { cases: [...MATMUL_CASES.square, MATMUL_CASES.model[1]].map((c) => c.name), variants: Object.keys(MATMUL_VARIANTS), run: benchMatmul },
  bert: { cases: [], variants: [], run: (host) => benchBert(host) },
  window: { cases: WINDOW_ATTENTION_CASES.model.map((c) => c.name), variants: Object.keys(WINDOW_ATTENTION_KERNELS), run: benchWindowAttention },
  decoder: { cases: DECODER_CONV_CASES.base480.map((c) => c.name), variants: Object.keys(CONV_VARIANTS), run: benchDecoderConv },
  tmem: { cases: [], variants: [], run: (host) => benchTmem(host) },
  e2e: { cases: [], variants: [], run: (host, _, ceilings) => benchEndToEnd(host, { matmul: ceilings.matmul }) },
  f16: { cases: F16_CASE_NAMES, variants: [], run: benchF16Weights },
};

/** What runs without --only: 'e2e' (minutes on CPU adapters) and 'f16' (f16 weights against f32) only when asked. */
export const DEFAULT_SUITES = ['matmul', 'bert', 'window', 'decoder', 'tmem'];

export interface BenchRequest {
  suites?: string[];
  cases?: string[];
  variants?: string[];
}

/** The prefixes that select something in `names`; a suite without names takes none. */
const within = (prefixes: string[] | undefined, names: readonly string[]) => prefixes?.filter((p) => names.some((n) => n.startsWith(p)));

/** Checks the request before anything runs: known suites, and each prefix selects something in one of them. */
export function checkRequest(req: BenchRequest): string[] {
  const suites = req.suites ?? DEFAULT_SUITES;
  for (const s of suites) if (!SUITES[s]) throw new FianetError('bad-input', `unknown suite '${s}' (${Object.keys(SUITES).join(', ')})`);
  for (const [what, prefixes] of [['case', req.cases], ['variant', req.variants]] as const) {
    for (const p of prefixes ?? []) {
      const names = suites.flatMap((s) => (what === 'case' ? SUITES[s].cases : SUITES[s].variants));
      if (!names.some((n) => n.startsWith(p))) throw new FianetError('bad-input', `no ${what} of ${suites.join(', ')} starts with '${p}' (${names.map((n) => `'${n}'`).join(', ')})`);
    }
  }
  return suites;
}

/**
 * Runs the peaks, then the suites; `meta` is what only the host knows (versions, machine).
 * `onSuite` sees each suite's rows as soon as they are measured (tables printed as they come).
 */
export async function runBench(
  host: BenchHost,
  req: BenchRequest,
  meta: Pick<BenchReport, 'versions' | 'machine'>,
  onSuite?: (s: BenchSuiteResult, report: BenchReport) => void,
): Promise<BenchReport> {
  const suites = checkRequest(req);
  const a = host.gpu.adapter;
  const peaks = await measurePeaks(host);
  const finish = (s: BenchSuiteResult): BenchSuiteResult => ({ ...s, rows: s.rows.map((r) => withCeilings(r, peaks.ceilings)) });
  const report: BenchReport = {
    schema: SCHEMA_NAME,
    version: SCHEMA_VERSION,
    date: new Date().toISOString(),
    adapter: { kind: a.kind, backend: a.backend, vendor: a.vendor, architecture: a.architecture, device: a.device, description: a.description },
    versions: meta.versions,
    machine: meta.machine,
    options: { runs: host.runs, suites, ...(req.variants ? { variants: req.variants } : {}), ...(req.cases ? { cases: req.cases } : {}) },
    ceilings: peaks.ceilings,
    suites: [finish(peaks.suite)],
  };
  onSuite?.(report.suites[0], report);
  for (const name of suites) {
    const s = SUITES[name];
    const pick = { cases: within(req.cases, s.cases), variants: within(req.variants, s.variants) };
    const done = finish(await s.run(host, { cases: pick.cases?.length ? pick.cases : undefined, variants: pick.variants?.length ? pick.variants : undefined }, peaks.ceilings));
    report.suites.push(done);
    onSuite?.(done, report);
  }
  return report;
}
