/** A bench report as Markdown: a header naming the adapter and ceilings, then one table per suite. */
import type { BenchReport, BenchRow, BenchSuiteResult, Figure } from './schema.js';

const cell = (f: Figure | undefined, digits: number, suffix = ''): string => (f?.value == null ? '-' : `${f.value.toFixed(digits)}${suffix}`);
const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;

export function reportHeader(r: BenchReport): string[] {
  const a = r.adapter;
  const load = (l: number[] | null) => (l ? l.map((x) => x.toFixed(2)).join(' ') : 'unknown (the host cannot tell)');
  const versions = Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `## ${a.kind} (${[a.description, a.architecture].filter(Boolean).join(', ')}), ${r.date.slice(0, 10)}`,
    '',
    `${versions}; ${r.machine.cpus ?? '?'} CPUs (${r.machine.platform}), load average ${load(r.machine.loadBefore)} before${r.machine.loadAfter ? `, ${load(r.machine.loadAfter)} after` : ''}.`,
    `Median of ${r.options.runs} warm runs (fewer in the model suites) after a warm-up, each output checked before timing; compile time apart; CPU = this process's CPU time per run (llvmpipe's threads run in it); wall = host time around each submit, GPU = the sum of per-dispatch timestamps where the device has them; the rates divide by the time in "rates by".`,
    `Ceilings: compute probe ${r.ceilings.computeGflops.toFixed(2)} GFLOP/s, copy ${r.ceilings.copyGbps.toFixed(2)} GB/s (ridge at ${(r.ceilings.computeGflops / r.ceilings.copyGbps).toFixed(1)} FLOP/byte), by the ${r.ceilings.clock === 'gpu-timestamp' ? 'GPU timestamp' : 'wall'} clock; % of copy is given where a row is memory-bound.`,
    '',
  ];
}

export const TABLE_HEADER = ['case', 'variant', 'wall ms', 'GPU ms', 'CPU ms', 'rates by', 'GFLOP/s', 'GB/s', 'FLOP/B', '% of ceiling', '% of copy', 'compile ms'];

/** A row's cells under TABLE_HEADER (Markdown here, HTML on the bench page); each time under the clock it is from. */
export function rowCells(r: BenchRow): string[] {
  const f = r.figures;
  const wall = f.median.clock === 'gpu-timestamp' ? undefined : f.median;
  const ratesBy = { wall: 'wall', 'gpu-timestamp': 'GPU', cpu: 'CPU' }[f.gflops?.clock ?? 'wall'];
  return [r.case, r.variant, cell(wall, 1), cell(f.gpu, 2), cell(f.cpu, 0), ratesBy, cell(f.gflops, 2), cell(f.gbps, 2), cell(f.intensity, 1), cell(f.ceilingPct, 1, '%'), cell(f.copyPct, 1, '%'), cell(f.compile, 0)];
}

export function suiteTable(s: BenchSuiteResult): string[] {
  const out = [`### ${s.title}`, '', line(TABLE_HEADER), line(['---', '---', ...Array(TABLE_HEADER.length - 2).fill('---:')])];
  for (const r of s.rows) out.push(line(rowCells(r)));
  if (s.notes.length) out.push('', ...s.notes);
  out.push('');
  return out;
}

export function reportMarkdown(r: BenchReport): string {
  return [...reportHeader(r), ...r.suites.flatMap(suiteTable)].join('\n');
}
