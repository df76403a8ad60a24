/**
 * Model loading progress (weights uploaded, kernels compiled). On a terminal: one line redrawn
 * in place (bar, percent, ETA) and erased once loaded, so only the answers stay on screen.
 * Elsewhere (a log, a pipe, a test) nothing, or a plain line every 10% when verbose.
 */
import { drawBar, formatDuration, REDRAW_MS, type ProgressOutput } from './progress.js';

export interface LoadProgress {
  update(done: number, total: number): void;
  /** Erases the bar (loading ended, or failed). */
  finish(): void;
}

export function loadProgress(out: ProgressOutput, verbose: boolean): LoadProgress {
  const start = performance.now();
  let drawn = false;
  let lastDraw = 0;
  let lastPct = 0;
  return {
    update(done, total) {
      const share = total > 0 ? done / total : 1;
      if (out.isTTY !== true) {
        const pct = Math.floor(100 * share);
        if (verbose && (pct >= lastPct + 10 || done === total)) {
          lastPct = pct;
          out.write(`loading: ${pct}% (${done}/${total} weights and kernels)\n`);
        }
        return;
      }
      const now = performance.now();
      if (done < total && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const elapsed = now - start;
      const eta = done > 0 ? formatDuration((elapsed / done) * (total - done)) : '?';
      const line = `${drawBar(share)} ${Math.floor(100 * share)}%  ETA ${eta}  loading the model (${done}/${total} weights and kernels)`;
      out.write(`\r\x1b[K${line.slice(0, Math.max(20, (out.columns ?? 100) - 1))}`);
      drawn = true;
    },
    finish() {
      if (drawn) out.write('\r\x1b[K');
      drawn = false;
    },
  };
}
