import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, progress } from '../../src/cli/progress.js';

const at = (done: number, total = 200, elapsedMs = done * 500) => ({ done, total, evaluated: done, skipped: 0, runningMIoU: 0.6458, elapsedMs });

describe('progress', () => {
  it('formats count, rate, ETA and running mIoU', () => {
    expect(formatProgress(at(50), true)).toBe('[######------------------] 50/200  25%  2.00 samples/s  ETA 1:15  mIoU 64.58');
    expect(formatProgress({ ...at(200), skipped: 3 }, false)).toBe('eval: 200/200  100%  2.00 samples/s  took 1:40  mIoU 64.58  skipped 3');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('on a terminal: one line redrawn in place; notes go above the bar', () => {
    const writes: string[] = [];
    const p = progress({ isTTY: true, columns: 120, write: (s: string) => writes.push(s) });
    p.update(at(1, 2));
    p.note('skipped x');
    p.update(at(2, 2));
    p.finish();
    expect(writes[0]).toMatch(/^\r\x1b\[K\[#{12}-{12}\] 1\/2/);
    expect(writes[1]).toBe(`\r\x1b[Kskipped x\n${writes[0]!.slice(4)}`);
    expect(writes[2]).toMatch(/^\r\x1b\[K\[#{24}\] 2\/2 {2}100%/);
    expect(writes[3]).toBe('\n');
  });

  it('elsewhere: a plain line every 5% of the run and at the end', () => {
    const writes: string[] = [];
    const p = progress({ write: (s: string) => writes.push(s) });
    for (let i = 1; i <= 95; i++) p.update(at(i, 95));
    expect(writes.map((w) => Number(/eval: (\d+)\//.exec(w)![1]))).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95]);
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
  });
});
