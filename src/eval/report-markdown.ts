/**
 * The report as Markdown, laid out like the paper's result tables (percentages, two
 * decimals): one row of mIoU, oIoU, Pr@0.5..0.9, then mIoU per category, what was skipped
 * and the throughput. A partial run says so in its first line.
 */
import { PRECISION_THRESHOLDS, precisionKey } from './metrics.js';
import type { EvalReport } from './report.js';

/** At most this many skipped samples are listed one by one; the JSON report has them all. */
const SKIPPED_LISTED = 20;

const pct = (x: number) => (100 * x).toFixed(2);
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

export function reportMarkdown(r: EvalReport): string {
  const d = r.dataset;
  const out: string[] = [];
  if (r.note) out.push(`**${r.note}**`, '');
  out.push(`## FIANet on ${d.format} ${d.split} (${d.path})`, '');
  out.push(
    `weights \`${r.weights}\`${r.config ? `, config \`${r.config}\`` : ''}; input ${r.input_size} x ${r.input_size}; ` +
      `adapter ${r.adapter.kind} (${r.adapter.description || r.adapter.device || r.adapter.backend}); ${r.date}` +
      (d.tokens ? `; tokens from \`${d.tokens}\`` : ''),
    '',
  );
  const head = ['samples', 'mIoU', 'oIoU', ...PRECISION_THRESHOLDS.map(precisionKey)];
  out.push(row(head), row(head.map(() => '---')));
  const m = r.metrics;
  out.push(m ? row([r.samples.evaluated, pct(m.mIoU), pct(m.oIoU), ...PRECISION_THRESHOLDS.map((x) => pct(m.precision[precisionKey(x)]!))]) : row([0, ...head.slice(1).map(() => '-')]));

  const categories = Object.entries(r.per_category);
  if (categories.length > 0) {
    out.push('', row(['category', 'samples', 'mIoU']), row(['---', '---', '---']));
    for (const [name, g] of categories) out.push(row([name, g.samples, pct(g.mIoU)]));
  }

  const s = r.samples;
  out.push('', `Samples: ${s.listed} listed, ${s.evaluated} evaluated, ${s.skipped} skipped${s.not_run ? `, ${s.not_run} not run` : ''}.`);
  if (s.skipped > 0) {
    out.push('', row(['reason', 'samples']), row(['---', '---']));
    for (const [reason, n] of Object.entries(s.skipped_by_reason)) out.push(row([reason, n]));
    out.push('');
    for (const k of r.skipped.slice(0, SKIPPED_LISTED)) out.push(`- ${k.name} (${k.reason}): ${k.message.replace(/\s*\n\s*/g, ' ')}`);
    if (r.skipped.length > SKIPPED_LISTED) out.push(`- ... and ${r.skipped.length - SKIPPED_LISTED} more (see the JSON report)`);
  }

  const t = r.throughput;
  const phases = Object.entries(t.phases_ms)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
    .join(', ');
  const first = t.first_sample_ms === undefined ? '' : `, first sample ${(t.first_sample_ms / 1000).toFixed(2)} s`;
  out.push('', `Throughput: ${t.samples_per_s.toFixed(2)} samples/s (wall ${t.wall_s.toFixed(1)} s${first}). Phase totals: ${phases}.`);
  if (r.error) out.push('', `Error: ${r.error}`);
  return `${out.join('\n')}\n`;
}
