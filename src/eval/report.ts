/**
 * The evaluation report: what was run (weights, adapter, dataset, date), the paper's metrics
 * overall and per category, every sample's I / U / IoU, every skipped sample with its reason,
 * and throughput. Metrics are fractions in [0, 1] as in test/demo/metrics.json; the
 * Markdown view (report-markdown.ts) shows percentages like the paper's tables.
 * A run that did not finish is marked in `status` and `note`; its metrics cover only the
 * samples it evaluated.
 */
import type { AdapterDescription } from '../runtime/device.js';
import type { DatasetFormat } from './dataset.js';
import type { EvalRecord, EvalRun } from './evaluate.js';
import type { SkippedSample } from './load-sample.js';
import { groupMeanIoU, summarize, type GroupMetrics } from './metrics.js';

export interface ReportContext {
  weights: string;
  config?: string;
  adapter: AdapterDescription;
  inputSize: number;
  dataset: { format: DatasetFormat; path: string; split: string; listing: string[]; limit?: number; tokens?: string };
  /** ISO 8601. */
  date: string;
  /** Opening the device, reading the weights and building the model. */
  modelLoadMs?: number;
}

export interface EvalReport {
  status: EvalRun['status'];
  note?: string;
  error?: string;
  date: string;
  weights: string;
  config?: string;
  adapter: AdapterDescription;
  input_size: number;
  dataset: ReportContext['dataset'];
  samples: { listed: number; evaluated: number; skipped: number; not_run: number; skipped_by_reason: Record<string, number> };
  /** null when no sample was evaluated. */
  metrics: { mIoU: number; oIoU: number; precision: Record<string, number>; cum_I: number; cum_U: number } | null;
  per_category: Record<string, GroupMetrics>;
  throughput: {
    samples_per_s: number;
    wall_s: number;
    model_load_ms?: number;
    first_sample_ms?: number;
    phases_ms: Record<string, number>;
  };
  per_sample: Array<{ name: string; image: string; expression: string; category?: string; I: number; U: number; iou: number; pred_pixels: number; target_pixels: number }>;
  skipped: SkippedSample[];
}

export function buildReport(run: EvalRun, ctx: ReportContext): EvalReport {
  const done = run.records.length + run.skipped.length;
  const byReason: Record<string, number> = {};
  for (const s of run.skipped) byReason[s.reason] = (byReason[s.reason] ?? 0) + 1;
  const m = run.records.length > 0 ? summarize(run.records) : undefined;
  const t = run.timings;
  const report: EvalReport = {
    status: run.status,
    date: ctx.date,
    weights: ctx.weights,
    adapter: ctx.adapter,
    input_size: ctx.inputSize,
    dataset: ctx.dataset,
    samples: { listed: run.total, evaluated: run.records.length, skipped: run.skipped.length, not_run: run.total - done, skipped_by_reason: byReason },
    metrics: m ? { mIoU: m.mIoU, oIoU: m.oIoU, precision: m.precision, cum_I: m.cumI, cum_U: m.cumU } : null,
    per_category: groupMeanIoU(run.records, (r) => r.category),
    throughput: {
      samples_per_s: t.wallMs > 0 ? (run.records.length * 1000) / t.wallMs : 0,
      wall_s: t.wallMs / 1000,
      // Samples are read while the GPU works on the previous one: read_samples overlaps the
      // segment phases; wait_for_samples is the time the GPU actually waited for them.
      phases_ms: { read_samples: t.loadMs, wait_for_samples: t.waitMs, save_masks: t.saveMs, ...prefixed('segment.', t.segment) },
    },
    per_sample: run.records.map(perSample),
    skipped: run.skipped,
  };
  if (ctx.config !== undefined) report.config = ctx.config;
  if (ctx.modelLoadMs !== undefined) report.throughput.model_load_ms = ctx.modelLoadMs;
  if (t.firstSampleMs !== undefined) report.throughput.first_sample_ms = t.firstSampleMs;
  if (run.status !== 'complete') {
    const why = run.status === 'interrupted' ? 'interrupted' : 'stopped by an error';
    report.note = `PARTIAL RESULTS: the run was ${why} after ${done} of ${run.total} samples; the metrics cover only the ${run.records.length} evaluated`;
  }
  if (run.error !== undefined) report.error = run.error instanceof Error ? run.error.message : String(run.error);
  return report;
}

function perSample(r: EvalRecord): EvalReport['per_sample'][number] {
  const out: EvalReport['per_sample'][number] = { name: r.name, image: r.image, expression: r.expression, I: r.I, U: r.U, iou: r.iou, pred_pixels: r.predPixels, target_pixels: r.targetPixels };
  if (r.category !== undefined) out.category = r.category;
  return out;
}

function prefixed(prefix: string, o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [prefix + k, v]));
}
