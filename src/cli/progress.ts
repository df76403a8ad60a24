/**
 * Progress on stderr (evaluation, scenes). On a terminal: one bar redrawn in place with count,
 * rate, ETA and the task's own figures (running mIoU and skips, tiles from the cache). Otherwise (a log file, CI) a plain line every ~5% of the run,
 * since carriage returns would turn a log into one enormous line.
 */
import type { EvalProgress } from '../eval/evaluate.js';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What every progress report has; each task formats the rest. */
interface Counted {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface Progress<P extends Counted = EvalProgress> {
  update(p: P): void;
  /** A message (a skipped sample) that must not be drawn over by the bar. */
  note(line: string): void;
  /** Ends the bar's line. */
  finish(): void;
}

const BAR = 24;
/** Terminal redraws at most this often; the last sample is always drawn. */
export const REDRAW_MS = 100;

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** `[#####-------]`: the share done of a whole, for a line redrawn in place. */
export const drawBar = (share: number): string => {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * BAR);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}]`;
};

export function formatProgress(p: EvalProgress, bar: boolean): string {
  return formatCounted(p, bar, 'eval', 'samples', [`mIoU ${(100 * p.runningMIoU).toFixed(2)}`, ...(p.skipped ? [`skipped ${p.skipped}`] : [])]);
}

/** Count, share, rate, ETA (or time taken), then `extra`; with a bar on a terminal, `label:` otherwise. */
export function formatCounted(p: Counted, bar: boolean, label: string, unit: string, extra: string[]): string {
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const eta = p.done > 0 ? (p.elapsedMs / p.done) * (p.total - p.done) : 0;
  const share = p.total > 0 ? p.done / p.total : 1;
  const parts = [
    `${p.done}/${p.total}`,
    `${Math.floor(share * 100)}%`,
    `${rate.toFixed(2)} ${unit}/s`,
    p.done < p.total ? `ETA ${formatDuration(eta)}` : `took ${formatDuration(p.elapsedMs)}`,
    ...extra,
  ];
  return `${bar ? `${drawBar(share)} ` : `${label}: `}${parts.join('  ')}`;
}

export function progress(out: ProgressOutput): Progress;
export function progress<P extends Counted>(out: ProgressOutput, format: (p: P, bar: boolean) => string): Progress<P>;
export function progress<P extends Counted>(out: ProgressOutput, format = formatProgress as unknown as (p: P, bar: boolean) => string): Progress<P> {
  const tty = out.isTTY === true;
  let shown = '';
  let lastDraw = 0;
  let lastStep = 0;
  return {
    update(p) {
      if (tty) {
        const now = performance.now();
        if (p.done < p.total && now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        shown = format(p, true).slice(0, Math.max(20, (out.columns ?? 100) - 1));
        out.write(`\r\x1b[K${shown}`);
        return;
      }
      const step = Math.max(1, Math.ceil(p.total / 20));
      if (p.done === p.total || p.done - lastStep >= step) {
        lastStep = p.done;
        out.write(`${format(p, false)}\n`);
      }
    },
    note(line) {
      out.write(tty ? `\r\x1b[K${line}\n${shown}` : `${line}\n`);
    },
    finish() {
      if (tty && shown) out.write('\n');
      shown = '';
    },
  };
}
