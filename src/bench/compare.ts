/**
 * `fianet bench --compare BEFORE.json AFTER.json`: rows matched by suite, case and variant;
 * per row the time ratio after / before (wall and CPU) and the rates, and a flag on every row
 * whose configuration differs (adapter, runs, the work it declares, the clock), since a ratio
 * between different configurations measures the configurations, not the change.
 */
import { rowKey, type BenchReport, type BenchRow } from './schema.js';

export interface RowComparison {
  key: string;
  before?: BenchRow;
  after?: BenchRow;
  /** after / before median time; undefined when a side is missing. */
  ratio?: number;
  cpuRatio?: number;
  /** What differs in the configuration; empty when the rows are comparable. */
  differs: string[];
}

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
    const clock = (r: BenchRow) => (r.figures.gpu?.value != null ? 'gpu-timestamp' : 'wall');
    if (clock(x) !== clock(y)) differs.push(`clock ${clock(x)} vs ${clock(y)}`);
    const cpu = [x.figures.cpu?.value, y.figures.cpu?.value];
    return {
      key, before: x, after: y, differs,
      ratio: y.figures.median.value! / x.figures.median.value!,
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
    `Ratio = AFTER / BEFORE median time (below 1: faster); CPU likewise. ${flagged} of ${rows.length} rows flagged: their configurations differ, so their ratios compare configurations.`,
    '',
    '| suite | case | variant | before ms | after ms | ratio | CPU ratio | GFLOP/s before -> after | configuration |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const row = (r.before ?? r.after)!;
    const rates = `${f(r.before?.figures.gflops?.value, 2)} -> ${f(r.after?.figures.gflops?.value, 2)}`;
    const flag = r.differs.length ? `**differs: ${r.differs.join('; ')}**` : 'same';
    out.push(`| ${row.suite} | ${row.case} | ${row.variant} | ${f(r.before?.figures.median.value, 1)} | ${f(r.after?.figures.median.value, 1)} | ${f(r.ratio, 3)} | ${f(r.cpuRatio, 3)} | ${rates} | ${flag} |`);
  }
  return out.join('\n');
}
