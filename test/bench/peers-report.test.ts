/**
 * The peer benchmark's report (bench/peers/report.ts) and load accounting (cpu-load.ts):
 * every ratio is given by wall time and by CPU time, and every run says how busy the machine
 * was (load averages, other processes' share of the CPU) and whether that makes it loaded.
 */
import { describe, expect, it } from 'vitest';
import { loadBetween, loadSnapshot, type Load, type LoadSnapshot } from '../../bench/peers/cpu-load.js';
import { loadWords, ratioCell, report, type EngineResult, type PeerRun } from '../../bench/peers/report.js';

const check = { maxAbsErr: 1e-6, ok: true };
const engine = (engine: string, medianMs: number, cpuMs: number | null): EngineResult => ({
  engine, label: engine, prepareMs: 10, firstMs: medianMs * 2, check, runs: [medianMs], medianMs, minMs: medianMs, cpuMs,
});
const load = (otherCpuShare: number | null): Load => ({ loadBefore: 0.21, loadAfter: 1.93, cores: 2, wallMs: 1000, ownCpuMs: 1900, otherCpuShare });

function run(share: number | null): PeerRun {
  return {
    date: '2026-12-02T07:00:00.000Z',
    commit: 'abc1234',
    dirty: [],
    machine: { cpu: 'Test CPU', cores: 2 },
    versions: { node: 'v20' },
    load: load(share),
    hosts: {
      node: {
        workloads: { swin: [engine('ours', 720, 1400), engine('ort-webgpu', 2119, 4340), engine('ort-wasm', 188, null)] },
        load: { swin: load(share) },
        adapters: [{ by: 'ours', info: 'llvmpipe' }],
      },
    },
  };
}

describe('peer report', () => {
  it('gives each peer / ours ratio by wall time and by CPU time where both were measured', () => {
    const [ours, ort, wasm] = run(0).hosts.node!.workloads.swin! as (EngineResult & { medianMs: number })[];
    expect(ratioCell(ort, ours)).toBe('2.94x (CPU 3.10x)');
    expect(ratioCell(wasm, ours)).toBe('0.26x');
    const text = report(run(0.01));
    expect(text).toContain('| swin | ort-webgpu | 10.0 ms | 4238 ms | 2119 ms | 2119 ms | 4340 ms | 3.17 | 2.94x (CPU 3.10x) |');
    expect(text).toContain('| swin | node | ort-webgpu | 720 ms | 2119 ms | **2.94x** (3.10x) | >= 1.5x | met |');
  });

  it('says how busy the machine was, for the whole run and per workload, and flags a loaded run', () => {
    const quiet = report(run(0.01));
    expect(quiet).toContain("Whole run: 1-min load average 0.21 -> 1.93 (2 cores); other processes used 1.0% of the machine's CPU time, ours 1.90 cores: quiet.");
    expect(quiet).toContain("- swin: 1-min load average 0.21 -> 1.93 (2 cores); other processes used 1.0% of the machine's CPU time, ours 1.90 cores: quiet.");
    const loaded = report(run(0.42));
    expect(loaded).toContain('other processes used 42% of the machine\'s CPU time, ours 1.90 cores: **loaded**: not figures of record.');
    expect(loadWords(load(null))).toBe("1-min load average 0.21 -> 1.93 (2 cores); other processes' CPU time not measured (no /proc)");
  });
});

describe('load accounting', () => {
  it("counts the machine's busy time beyond ours as other processes' share", () => {
    const at = (ms: number, busy: number, total: number, own: number): LoadSnapshot => ({ at: ms, loadavg: [0.5, 0, 0], machine: { busy, total }, ownMs: own });
    // 1 s on 2 cores (2000 ms of CPU): we used 1200 ms, the machine was busy 1700 ms.
    expect(loadBetween(at(0, 10_000, 50_000, 300), at(1000, 11_700, 52_000, 1500))).toEqual({
      loadBefore: 0.5, loadAfter: 0.5, cores: expect.any(Number), wallMs: 1000, ownCpuMs: 1200, otherCpuShare: 0.25,
    });
    // 10 ms ticks can put our time above the machine's busy time: never a negative share.
    expect(loadBetween(at(0, 0, 0, 0), at(100, 10, 200, 15)).otherCpuShare).toBe(0);
    expect(loadBetween({ ...at(0, 0, 0, 0), machine: null }, at(1, 1, 1, 1)).otherCpuShare).toBeNull();
  });

  it("measures this process's own CPU time from /proc", () => {
    const before = loadSnapshot();
    const end = performance.now() + 60;
    let x = 0;
    while (performance.now() < end) x += Math.sqrt(x + 1);
    const l = loadBetween(before, loadSnapshot());
    expect(x).toBeGreaterThan(0);
    expect(l.ownCpuMs).toBeGreaterThan(20);
    expect(l.otherCpuShare).toBeGreaterThanOrEqual(0);
    expect(l.otherCpuShare).toBeLessThanOrEqual(1);
  });
});
