/**
 * The bench report: a real (small) run on the test adapter survives JSON and parseReport
 * unchanged, carries every figure with its unit and clock, and rates against its ceilings;
 * --compare matches rows and flags the ones whose configuration differs; the roofline SVG
 * holds the ceilings and one point per row with work. A wrong kernel result stops the run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareMarkdown, compareRows } from '../../src/bench/compare.js';
import { timeGraph } from '../../src/bench/harness.js';
import { checkLinear } from '../../src/bench/matmul.js';
import { randomArray } from '../../src/bench/random.js';
import { MATMUL_CASES } from '../../src/kernels/matmul.js';
import { linear } from '../../src/lowering/ops.js';
import { rooflinePoints, rooflineSvg } from '../../src/bench/roofline.js';
import { parseReport, SCHEMA_VERSION, type BenchReport } from '../../src/bench/schema.js';
import { runBench } from '../../src/bench/suites.js';
import { reportMarkdown } from '../../src/bench/tables.js';
import { testGpu } from '../helpers/gpu.js';

const META = { versions: { engine: 'test' }, machine: { cpus: 2, platform: 'test', loadBefore: [1, 1, 1], loadAfter: null } };
let report: BenchReport;

beforeAll(async () => {
  const host = { gpu: await testGpu(), runs: 2, log: () => {}, cpuTime: () => performance.now() };
  report = await runBench(host, { suites: ['matmul', 'window'], cases: ['512', 'stage 3 SW'], variants: ['uniform', 'window-attention-blocked'] }, META);
});

const copy = (r: BenchReport): BenchReport => JSON.parse(JSON.stringify(r));

describe('bench report', () => {
  it('round-trips through JSON and parseReport, every figure with unit and clock', () => {
    const back = parseReport(JSON.parse(JSON.stringify(report)), 'report.json');
    expect(back).toEqual(report);
    expect(back.version).toBe(SCHEMA_VERSION);
    expect(back.suites.map((s) => s.suite)).toEqual(['peaks', 'matmul', 'window']);
    expect(back.suites[1].rows.map((r) => [r.case, r.variant])).toEqual([['512x512x512', 'uniform-blocked (16 rows/thread)']]);
    expect(back.suites[2].rows.map((r) => r.variant)).toEqual(['window-attention-blocked']);
    for (const row of back.suites.flatMap((s) => s.rows)) {
      expect(row.figures.median).toMatchObject({ unit: 'ms', clock: 'wall' });
      expect(row.figures.cpu).toMatchObject({ unit: 'ms', clock: 'cpu' });
      expect(row.figures.ceilingPct.unit).toBe('%');
    }
    const mm = back.suites[1].rows[0];
    expect(mm.flop).toBeGreaterThanOrEqual(2 * 512 ** 3); // the matmul, and block-rows declares none
    expect(mm.figures.gflops.value).toBeCloseTo(mm.flop / (mm.figures.median.value! * 1e6), 9);
    expect(mm.figures.ceilingPct.value).toBeCloseTo((100 * mm.figures.gflops.value!) / back.ceilings.computeGflops, 9);
    // The e2e suite's yardstick: the peaks' 1024^3 matmul row, with at least 7 runs whatever --runs says.
    const best = back.suites[0].rows.find((r) => r.case.startsWith('best matmul'))!;
    expect(back.ceilings.matmul).toEqual({ gflops: best.figures.gflops.value, gflopsPerCpuSecond: best.flop / (best.figures.cpu.value! * 1e6), runs: best.runs });
    expect(best.runs).toBe(7);
    const copyRow = back.suites[0].rows.find((r) => r.variant === 'bench-copy')!;
    expect(copyRow.figures.copyPct.value).toBeCloseTo(100, 9);
    expect(reportMarkdown(back)).toContain('| 512x512x512 | uniform-blocked (16 rows/thread) |');
  });

  it('refuses documents that are not reports of this version, naming the problem', () => {
    expect(() => parseReport([], 'a.json')).toThrow('a.json: not a fianet bench report (schema is undefined');
    expect(() => parseReport({ ...report, version: 99 }, 'b.json')).toThrow('b.json: bench report version 99, this fianet reads versions 1 and 2');
    const broken = copy(report);
    delete (broken.suites[1].rows[0].figures as Record<string, unknown>).median;
    expect(() => parseReport(broken, 'c.json')).toThrow("c.json: not a fianet bench report (suite \"matmul\", row \"512x512x512\": no median in ms)");
  });

  it('compares rows: ratio 1 against itself, configuration differences flagged', () => {
    for (const r of compareRows(report, report)) {
      expect(r.ratio, r.key).toBe(1);
      expect(r.differs, r.key).toEqual([]);
    }
    const after = copy(report);
    after.suites[1].rows[0].runs = 7;
    after.suites[1].rows[0].figures.median.value! *= 0.5;
    after.suites[2].rows[0].flop += 1;
    after.suites[0].rows.pop();
    after.adapter.description = 'another adapter';
    const rows = compareRows(report, after);
    const byCase = (c: string) => rows.find((r) => r.before?.case === c || r.after?.case === c)!;
    expect(byCase('512x512x512').ratio).toBeCloseTo(0.5, 12);
    expect(byCase('512x512x512').differs).toEqual([expect.stringContaining('adapter'), 'runs 2 vs 7']);
    expect(byCase('stage 3 SW-MSA 30x30 C512 16h w12').differs[1]).toMatch(/^work .* \(another shape or lowering\)$/);
    expect(rows.find((r) => r.key.startsWith('peaks | best matmul'))!.differs).toEqual(['not in AFTER']);
    const text = compareMarkdown(report, after, ['before.json', 'after.json']);
    expect(text).toContain(`${rows.length} of ${rows.length} rows flagged`);
    expect(text).toMatch(/\| matmul \| 512x512x512 \| uniform-blocked \(16 rows\/thread\) \| wall \| [\d.]+ \| [\d.]+ \| 0\.500 \|/);
  });

  it('compares like clocks only: GPU sums where both rows have them, else wall; mixed clocks flagged', () => {
    const gpuRow = (r: BenchReport, ms: number) => {
      const row = r.suites[1].rows[0];
      row.figures.gpu = { value: ms, unit: 'ms', clock: 'gpu-timestamp' };
      return r;
    };
    const [before, after] = [gpuRow(copy(report), 4), gpuRow(copy(report), 3)];
    const both = compareRows(before, after).find((r) => r.key.startsWith('matmul'))!;
    expect(both).toMatchObject({ clock: 'gpu-timestamp', beforeMs: 4, afterMs: 3, ratio: 0.75, differs: [] });
    const mixed = compareRows(report, after).find((r) => r.key.startsWith('matmul'))!;
    expect(mixed).toMatchObject({ clock: 'wall', ratio: 1, differs: ['clocks wall vs wall+gpu-timestamp'] });
    const phaseOnly = copy(after);
    phaseOnly.suites[1].rows[0].figures.median.clock = 'gpu-timestamp';
    delete (phaseOnly.suites[1].rows[0].figures as Record<string, unknown>).gpu;
    const none = compareRows(report, phaseOnly).find((r) => r.key.startsWith('matmul'))!;
    expect(none.ratio).toBeUndefined();
    expect(none.differs).toEqual(['clocks wall vs gpu-timestamp', 'no clock in common: no ratio']);
  });

  it('draws the roofline: both ceilings named, one numbered point per row with work', () => {
    const svg = rooflineSvg(report, 'test <roofline>');
    const points = rooflinePoints(report);
    expect(points.map((p) => p.row.variant)).toEqual(['matmul-blocked', 'uniform-blocked (16 rows/thread)', 'window-attention-blocked'].map((v) => expect.stringContaining(v.split(' ')[0])));
    expect(svg.match(/<circle /g)).toHaveLength(points.length);
    expect(svg).toContain(`compute probe ${report.ceilings.computeGflops.toPrecision(3).replace(/\.?0+$/, '')}`);
    expect(svg).toMatch(/copy [\d.]+ GB\/s/);
    expect(svg).toContain('test &lt;roofline&gt;');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const p of points) expect(p.roofPct).toBeGreaterThan(0);
  });

  it('refuses to time a kernel whose output is wrong', async () => {
    const c = MATMUL_CASES.awkward[5];
    const [a, w] = [randomArray(c.M * c.K, 1), randomArray(c.N * c.K, 2)];
    const wrong = w.map((v, i) => (i === 5 ? v + 0.01 : v));
    const host = { gpu: await testGpu(), runs: 1, log: () => {} };
    const build = (g: Parameters<Parameters<typeof timeGraph>[1]>[0]) => linear(g, 'mm', { x: g.input('a', [c.M, c.K]), w: g.weight('w', [c.N, c.K], wrong) });
    await expect(timeGraph(host, build, checkLinear(c, 'nudged weight', a, w))).rejects.toThrow(/^matmul 129x67x257, nudged weight: out\[0, 0\] is .*; not timing a wrong result$/);
  });
});
