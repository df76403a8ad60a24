/**
 * `fianet bench --compare BEFORE.json AFTER.json`: rows matched by suite, case and variant;
 * per row the time ratio after / before (GPU timestamps where both sides have them, else wall;
 * and CPU) and the rates, and a flag on every row
 * whose configuration differs (adapter, runs, the work it declares, the clock), since a ratio
 * between different configurations measures the configurations, not the change.
 */
import type { Clock } from './harness.js';
import { rowKey, type BenchReport, type BenchRow } from './schema.js';

export interface RowComparison {
  key: string;
  before?: BenchRow;
  after?: BenchRow;
  /** after / before time by `clock`; undefined when a side is missing or no clock is common. */
  ratio?: number;
  cpuRatio?: number;
  /** The clock both sides' compared times are from, and those times; undefined without a common clock (the row is flagged). */
  clock?: Clock;
  beforeMs?: number;
  afterMs?: number;
  /** What differs in the configuration; empty when the rows are comparable. */
  differs: string[];
}

/**
 * The times two rows are compared by, from like clocks only: GPU timestamp sums where both have
 * them, else wall medians where both are wall; null when no clock is common to both.
 */
function likeTimes(x: BenchRow, y: BenchRow): { before: number; after: number; clock: Clock } | null {
  const [gx, gy] = [x.figures.gpu?.value, y.figures.gpu?.value];
  if (gx != null && gy != null) return { before: gx, after: gy, clock: 'gpu-timestamp' };
  const wall = (r: BenchRow) => (r.figures.median.clock ?? 'wall') === 'wall';
  return wall(x) && wall(y) ? { before: x.figures.median.value!, after: y.figures.median.value!, clock: 'wall' } : null;
}

const clocksOf = (r: BenchRow) => [...new Set([r.figures.median.clock ?? 'wall', ...(r.figures.gpu?.value != null ? ['gpu-timestamp'] : [])])].join('+');

const adapterOf = ({ adapter: a }: BenchReport) => `${a.kind} (${[a.vendor, a.architecture, a.description].filter(Boolean).join(', ')})`;

/** Configuration differences that apply to every row. */
export function runDifferences(before: BenchReport, after: BenchReport): string[] {
  const out: string[] = [];
  if (adapterOf(before) !== adapterOf(after)) out.push(`adapter ${adapterOf(before)} vs ${adapterOf(after)}`);
  return out;
}

export function compareRows(before: BenchReport, after: BenchReport): RowComparison[] {
  const whole = runDifferences(before, after);
  const rowsOf = (r: BenchReport) => new Map(r.suites.flatMap((s) => s.rows).map((row) => [rowKey(row), row]));
  const [b, a] = [rowsOf(before), rowsOf(after)];
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return keys.map((key) => {
    const [x, y] = [b.get(key), a.get(key)];
    if (!x || !y) return { key, before: x, after: y, differs: [x ? 'not in AFTER' : 'not in BEFORE'] };
    const differs = [...whole];
    if (x.runs !== y.runs) differs.push(`runs ${x.runs} vs ${y.runs}`);
    if (x.flop !== y.flop || x.bytes !== y.bytes) differs.push(`work ${x.flop} FLOP / ${x.bytes} B vs ${y.flop} / ${y.bytes} (another shape or lowering)`);
    if (clocksOf(x) !== clocksOf(y)) differs.push(`clocks ${clocksOf(x)} vs ${clocksOf(y)}`);
    const like = likeTimes(x, y);
    if (!like) differs.push('no clock in common: no ratio');
    const cpu = [x.figures.cpu?.value, y.figures.cpu?.value];
    return {
      key, before: x, after: y, differs, clock: like?.clock, beforeMs: like?.before, afterMs: like?.after,
      ratio: like ? like.after / like.before : undefined,
      cpuRatio: cpu[0] && cpu[1] ? cpu[1] / cpu[0] : undefined,
    };
  });
}

const f = (v: number | null | undefined, digits: number) => (v == null ? '-' : v.toFixed(digits));

/** The comparison as Markdown: what was compared, then one line per row. */
export function compareMarkdown(before: BenchReport, after: BenchReport, labels: [string, string]): string {
  const rows = compareRows(before, after);
  const flagged = rows.filter((r) => r.differs.length).length;
  const loads = (r: BenchReport) => `load ${r.machine.loadBefore?.map((x) => x.toFixed(1)).join('/') ?? '?'}`;
  const out = [
    `## ${labels[1]} against ${labels[0]}`,
    '',
    `BEFORE: ${adapterOf(before)}, ${before.date}, engine ${before.versions.engine}, ${loads(before)}. AFTER: ${adapterOf(after)}, ${after.date}, engine ${after.versions.engine}, ${loads(after)}.`,
    `Ratio = AFTER / BEFORE time (below 1: faster), by the clock in "clock": GPU timestamp sums where both rows have them, else wall medians; CPU likewise. ${flagged} of ${rows.length} rows flagged: their configurations differ, so their ratios compare configurations.`,
    '',
    '| suite | case | variant | clock | before ms | after ms | ratio | CPU ratio | GFLOP/s before -> after | configuration |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const row = (r.before ?? r.after)!;
    const rates = `${f(r.before?.figures.gflops?.value, 2)} -> ${f(r.after?.figures.gflops?.value, 2)}`;
    const flag = r.differs.length ? `**differs: ${r.differs.join('; ')}**` : 'same';
    out.push(`| ${row.suite} | ${row.case} | ${row.variant} | ${r.clock ?? '-'} | ${f(r.beforeMs, 1)} | ${f(r.afterMs, 1)} | ${f(r.ratio, 3)} | ${f(r.cpuRatio, 3)} | ${rates} | ${flag} |`);
  }
  return out.join('\n');
}
