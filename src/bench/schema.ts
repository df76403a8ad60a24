/**
 * The `fianet bench --json` document (bench/SCHEMA.md describes it for people): versioned,
 * every figure with its unit and clock, enough about the adapter, versions and machine to
 * tell whether two runs are comparable. Written by Node and by the browser page alike.
 */
import { FianetError, quote } from '../errors.js';
import type { AdapterDescription } from '../runtime/device.js';
import type { Clock, Timing } from './harness.js';
import type { Ceilings } from './peaks.js';

export const SCHEMA_NAME = 'fianet-bench';
/** Bump on any change a reader must know about; bench/SCHEMA.md lists what each version holds. */
export const SCHEMA_VERSION = 2;
/** Versions this reader takes: version 1 is version 2 with every median on the wall clock. */
const READABLE_VERSIONS: readonly number[] = [1, 2];

export type Unit = 'ms' | 'GFLOP/s' | 'GB/s' | 'FLOP/B' | '%';

export interface Figure {
  value: number | null;
  unit: Unit;
  /** Times: 'wall', 'gpu-timestamp' or 'cpu' (this process's CPU time); rates: the clock of the time they divide by. */
  clock?: Clock | 'cpu';
}

/** One measured configuration: a case (shape) run with one variant (kernel or tiling). */
export interface BenchRow {
  suite: string;
  case: string;
  variant: string;
  runs: number;
  /** Declared FLOPs (multiply-adds count 2) and bytes of the distinct tensors bound, per run. */
  flop: number;
  bytes: number;
  /** median, min, first, compile, cpu, gpu, gpuWall (ms); gflops, gbps, intensity, ceilingPct, copyPct. */
  figures: Record<string, Figure>;
}

export interface BenchSuiteResult {
  suite: string;
  title: string;
  rows: BenchRow[];
  /** Lines printed under the table (compile times, memory plans). */
  notes: string[];
}

export interface BenchReport {
  schema: typeof SCHEMA_NAME;
  version: typeof SCHEMA_VERSION | 1;
  /** ISO 8601 time the run started. */
  date: string;
  adapter: Pick<AdapterDescription, 'kind' | 'backend' | 'vendor' | 'architecture' | 'device' | 'description'>;
  versions: { engine: string; node?: string; dawn?: string; browser?: string };
  machine: { cpus: number | null; platform: string; loadBefore: number[] | null; loadAfter: number[] | null };
  options: { runs: number; suites: string[]; variants?: string[]; cases?: string[] };
  ceilings: Ceilings;
  suites: BenchSuiteResult[];
}

const ms = (value: number | null, clock: Figure['clock'] = 'wall'): Figure => ({ value, unit: 'ms', clock });

/**
 * A row from a timing; rates and ceilings are added by `withCeilings` once the peaks are known.
 * `clock` is the median's: 'gpu-timestamp' for a group's share of a timestamp profile (no wall
 * time of its own), which then is the row's 'gpu' figure too.
 */
export function rowOf(suite: string, name: string, variant: string, t: Pick<Timing, 'medianMs' | 'runs' | 'flop' | 'bytes'> & Partial<Timing>, clock: Clock = 'wall'): BenchRow {
  const figures: Record<string, Figure> = { median: ms(t.medianMs, clock) };
  if (clock === 'gpu-timestamp') figures.gpu = ms(t.medianMs, clock);
  if (t.minMs !== undefined) figures.min = ms(t.minMs);
  if (t.firstMs !== undefined) figures.first = ms(t.firstMs);
  if (t.compileMs !== undefined) figures.compile = ms(t.compileMs);
  if (t.cpuMs !== undefined) figures.cpu = ms(t.cpuMs, 'cpu');
  if (t.gpuMs != null) figures.gpu = ms(t.gpuMs, 'gpu-timestamp');
  if (t.gpuWallMs != null) figures.gpuWall = ms(t.gpuWallMs);
  return { suite, case: name, variant, runs: t.runs, flop: t.flop, bytes: t.bytes, figures };
}

/**
 * Rates of a row against the ceilings: GFLOP/s, GB/s, FLOP/byte, % of the compute probe, and
 * % of copy bandwidth where the row is memory-bound (its intensity under the ridge point).
 */
export function withCeilings(row: BenchRow, c: Ceilings): BenchRow {
  const t = row.figures.gpu?.value ?? row.figures.median.value!;
  const clock = row.figures.gpu?.value != null ? 'gpu-timestamp' : 'wall';
  const gflops = row.flop ? row.flop / (t * 1e6) : null;
  const gbps = row.bytes ? row.bytes / (t * 1e6) : null;
  const intensity = row.flop && row.bytes ? row.flop / row.bytes : null;
  const memoryBound = intensity === null ? !row.flop : intensity < c.computeGflops / c.copyGbps;
  return {
    ...row,
    figures: {
      ...row.figures,
      gflops: { value: gflops, unit: 'GFLOP/s', clock },
      gbps: { value: gbps, unit: 'GB/s', clock },
      intensity: { value: intensity, unit: 'FLOP/B' },
      ceilingPct: { value: gflops === null ? null : (100 * gflops) / c.computeGflops, unit: '%', clock },
      copyPct: { value: memoryBound && gbps !== null ? (100 * gbps) / c.copyGbps : null, unit: '%', clock },
    },
  };
}

/** The key two runs' rows are matched by. */
export const rowKey = (r: Pick<BenchRow, 'suite' | 'case' | 'variant'>): string => `${r.suite} | ${r.case} | ${r.variant}`;

function need(ok: unknown, label: string, what: string): asserts ok {
  if (!ok) throw new FianetError('bad-input', `${label}: not a fianet bench report (${what})`);
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks a parsed `--json` document: schema name and version first, then every row's fields. */
export function parseReport(doc: unknown, label: string): BenchReport {
  const r = doc as Partial<BenchReport> | null;
  need(r && typeof r === 'object', label, 'not a JSON object');
  need(r.schema === SCHEMA_NAME, label, `schema is ${quote(r.schema)}, expected '${SCHEMA_NAME}'`);
  if (!READABLE_VERSIONS.includes(r.version as number)) throw new FianetError('bad-input', `${label}: bench report version ${quote(r.version)}, this fianet reads versions ${READABLE_VERSIONS.join(' and ')}`);
  need(typeof r.date === 'string' && r.adapter && typeof r.adapter.kind === 'string', label, 'no date or adapter');
  need(r.ceilings && isNum(r.ceilings.computeGflops) && isNum(r.ceilings.copyGbps), label, 'no ceilings');
  need(r.options && isNum(r.options.runs), label, 'no options.runs');
  need(Array.isArray(r.suites), label, 'no suites');
  for (const s of r.suites) {
    need(s && typeof s.suite === 'string' && Array.isArray(s.rows), label, 'a suite without rows');
    for (const row of s.rows) {
      const where = `suite ${quote(s.suite)}, row ${quote(row?.case)}`;
      need(row && typeof row.case === 'string' && typeof row.variant === 'string' && isNum(row.runs) && isNum(row.flop) && isNum(row.bytes), label, `${where}: case, variant, runs, flop, bytes`);
      need(row.figures && row.figures.median && isNum(row.figures.median.value) && row.figures.median.unit === 'ms', label, `${where}: no median in ms`);
    }
  }
  return r as BenchReport;
}
