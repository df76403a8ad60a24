/**
 * Evaluation progress on stderr. On a terminal: one bar redrawn in place with count, rate,
 * ETA, running mIoU and skips. Otherwise (a log file, CI) a plain line every ~5% of the run,
 * since carriage returns would turn a log into one enormous line.
 */
import type { EvalProgress } from '../eval/evaluate.js';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  update(p: EvalProgress): void;
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
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const eta = p.done > 0 ? (p.elapsedMs / p.done) * (p.total - p.done) : 0;
  const share = p.total > 0 ? p.done / p.total : 1;
  const parts = [
    `${p.done}/${p.total}`,
    `${Math.floor(share * 100)}%`,
    `${rate.toFixed(2)} samples/s`,
    p.done < p.total ? `ETA ${formatDuration(eta)}` : `took ${formatDuration(p.elapsedMs)}`,
    `mIoU ${(100 * p.runningMIoU).toFixed(2)}`,
  ];
  if (p.skipped) parts.push(`skipped ${p.skipped}`);
  return `${bar ? `${drawBar(share)} ` : 'eval: '}${parts.join('  ')}`;
}

export function progress(out: ProgressOutput): Progress {
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
        shown = formatProgress(p, true).slice(0, Math.max(20, (out.columns ?? 100) - 1));
        out.write(`\r\x1b[K${shown}`);
        return;
      }
      const step = Math.max(1, Math.ceil(p.total / 20));
      if (p.done === p.total || p.done - lastStep >= step) {
        lastStep = p.done;
        out.write(`${formatProgress(p, false)}\n`);
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
