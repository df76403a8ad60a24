// Markdown for the peer benchmark's results (main.mjs): a table per host, then issue #9's
// targets with the measured ratios (peer median / our median, same host, same run).
import type { Load } from './cpu-load.js';
import { WORKLOADS, type WorkloadName } from './workloads.js';

/** One engine on one workload and host, as main.mjs records it (times in ms). */
export interface EngineResult {
  engine: string;
  label: string;
  error?: string;
  prepareMs?: number;
  firstMs?: number;
  check?: { maxAbsErr: number; ok: boolean };
  runs?: number[];
  medianMs?: number;
  minMs?: number;
  cpuMs?: number | null;
  /** Ours with --profile: ms per call label. */
  profile?: Record<string, number> | null;
}

export interface PeerRun {
  date: string;
  commit?: string;
  dirty: string[];
  machine: { cpu?: string; cores: number };
  versions: Record<string, string>;
  /** The whole run. */
  load: Load;
  hosts: Partial<Record<HostName, { workloads: Partial<Record<WorkloadName, EngineResult[]>>; load?: Partial<Record<WorkloadName, Load>>; adapters?: { by: string; info: string }[] }>>;
}

type HostName = 'node' | 'chromium';
type Measured = EngineResult & { medianMs: number };

const HOST_TITLES: Record<HostName, string> = { node: 'Node, Dawn (npm `webgpu`), llvmpipe', chromium: 'headless Chromium, WebGPU on SwiftShader' };
/** What the CPU column counts on each host. */
const CPU_NOTES: Record<HostName, string> = {
  node: "CPU/run: this process's CPU time per run (llvmpipe's and ORT's worker threads included).",
  chromium: "CPU/run: CPU time of all of Chromium's processes per run (the GPU process runs SwiftShader).",
};

/** Issue #9: ours at least `min` x faster than `peer` on `workload` in `host`. */
export const TARGETS: { workload: WorkloadName; peer: string; host: HostName; min: number }[] = [
  { workload: 'swin', peer: 'ort-webgpu', host: 'chromium', min: 3 },
  { workload: 'swin', peer: 'ort-webgpu', host: 'node', min: 1.5 },
  { workload: 'bert', peer: 'ort-webgpu', host: 'chromium', min: 3 },
  { workload: 'bert', peer: 'ort-webgpu', host: 'node', min: 1.5 },
  { workload: 'matmul', peer: 'tfjs-webgpu', host: 'chromium', min: 3 },
  { workload: 'matmul', peer: 'tfjs-webgpu', host: 'node', min: 3 },
  { workload: 'conv', peer: 'tfjs-webgpu', host: 'chromium', min: 3 },
  { workload: 'conv', peer: 'tfjs-webgpu', host: 'node', min: 3 },
];

/** Above this share of the machine's CPU time taken by other processes, a run is not one of record. */
export const QUIET_SHARE = 0.05;

const ms = (v: number | null | undefined): string => (v === undefined || v === null ? '' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

const pct = (x: number): string => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;

/** Peer over ours by median wall time, and by median CPU time where both have it. */
const ratios = (peer: Measured, ours: Measured): { wall: number; cpu?: number } => ({ wall: peer.medianMs / ours.medianMs, cpu: peer.cpuMs && ours.cpuMs ? peer.cpuMs / ours.cpuMs : undefined });

/** 'peer / ours' as a table cell: `2.94x (CPU 3.10x)`. */
export function ratioCell(peer: Measured, ours: Measured): string {
  const { wall, cpu } = ratios(peer, ours);
  return `${wall.toFixed(2)}x${cpu ? ` (CPU ${cpu.toFixed(2)}x)` : ''}`;
}

/** One interval of cpu-load.ts in words: load averages, and whether others competed for the CPU. */
export function loadWords(load: Load): string {
  const avg = `1-min load average ${load.loadBefore.toFixed(2)} -> ${load.loadAfter.toFixed(2)} (${load.cores} cores)`;
  if (load.otherCpuShare === null) return `${avg}; other processes' CPU time not measured (no /proc)`;
  const verdict = load.otherCpuShare < QUIET_SHARE ? 'quiet' : '**loaded**: not figures of record';
  return `${avg}; other processes used ${pct(load.otherCpuShare)} of the machine's CPU time, ours ${(load.ownCpuMs! / load.wallMs).toFixed(2)} cores: ${verdict}`;
}

/** Our median over the peer's, per target that both sides of were measured for. */
export function targetRows(out: PeerRun) {
  return TARGETS.flatMap((t) => {
    const results = out.hosts[t.host]?.workloads[t.workload];
    const ours = results?.find((r): r is Measured => r.engine === 'ours' && !!r.medianMs);
    const peer = results?.find((r): r is Measured => r.engine === t.peer && !!r.medianMs);
    if (!ours || !peer) return [];
    const { wall: ratio, cpu: cpuRatio } = ratios(peer, ours);
    return [{ ...t, peerLabel: peer.label, ours: ours.medianMs, theirs: peer.medianMs, ratio, cpuRatio, met: ratio >= t.min }];
  });
}

export function report(out: PeerRun): string {
  const lines = [`Peers side by side, ${out.date.slice(0, 10)}; our commit ${out.commit}${out.dirty.length ? ` + uncommitted ${out.dirty.join(', ')}` : ''}`];
  lines.push(`Machine: ${out.machine.cpu}, ${out.machine.cores} cores. Whole run: ${loadWords(out.load)}.`);
  lines.push(`Versions: ${Object.entries(out.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  for (const [hostName, entry] of Object.entries(out.hosts) as [HostName, NonNullable<PeerRun['hosts'][HostName]>][]) {
    const adapters = [...new Set((entry.adapters ?? []).map((a) => `${a.by}: ${a.info}`))];
    lines.push('', `### ${HOST_TITLES[hostName]}`, '', `Adapters: ${adapters.join('; ')}.`, '');
    lines.push(row(['workload', 'engine', 'prepare', 'first run', 'median', 'min', 'CPU/run', 'GFLOP/s', 'peer / ours: wall (CPU)', 'max abs err (tol)']));
    lines.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const [w, results] of Object.entries(entry.workloads) as [WorkloadName, EngineResult[]][]) {
      const ours = results.find((r): r is Measured => r.engine === 'ours' && !!r.medianMs);
      for (const r of results as Measured[]) {
        if (r.error || !r.check) {
          lines.push(row([w, r.label, 'failed', '', '', '', '', '', '', (r.error ?? 'no check').replaceAll('|', '/')]));
          continue;
        }
        const gflops = WORKLOADS[w].gflop / (r.medianMs / 1000);
        const ratio = ours && r !== ours ? ratioCell(r, ours) : '';
        const err = `${r.check.maxAbsErr.toExponential(1)} (${WORKLOADS[w].tolerance})${r.check.ok ? '' : ' **WRONG**'}`;
        lines.push(row([w, r.engine === 'ours' ? '**ours**' : r.label, ms(r.prepareMs), ms(r.firstMs), ms(r.medianMs), ms(r.minMs), ms(r.cpuMs), gflops.toFixed(2), ratio, err]));
      }
    }
    for (const [w, results] of Object.entries(entry.workloads) as [WorkloadName, EngineResult[]][]) {
      const p = results.find((r) => r.profile)?.profile;
      if (!p || Object.keys(p).length < 2) continue;
      const total = Object.values(p).reduce((a, b) => a + b, 0);
      const top = Object.entries(p).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${ms(v)}`);
      lines.push('', `Ours on ${w}, each call submitted apart (${ms(total)} in all): ${top.join(', ')}.`);
    }
    lines.push('', 'Load during the warm runs:', ...Object.entries(entry.load ?? {}).map(([w, load]) => `- ${w}: ${loadWords(load)}.`));
    lines.push('', CPU_NOTES[hostName], `Medians of ${Object.values(entry.workloads).map((rs) => rs!.find((r) => r.runs?.length)?.runs?.length).filter(Boolean).join('/')} warm runs per workload (first run apart).`);
  }
  const targets = targetRows(out);
  if (targets.length) {
    lines.push('', '### Issue #9 targets (ours vs the peer, same adapter, same run)', '');
    lines.push(row(['workload', 'host', 'peer', 'ours median', 'peer median', 'ratio (CPU-time ratio)', 'target', 'met']));
    lines.push(row(['---', '---', '---', '---:', '---:', '---:', '---:', '---']));
    for (const t of targets) {
      const cpu = t.cpuRatio ? ` (${t.cpuRatio.toFixed(2)}x)` : '';
      lines.push(row([t.workload, t.host, t.peerLabel, ms(t.ours), ms(t.theirs), `**${t.ratio.toFixed(2)}x**${cpu}`, `>= ${t.min}x`, t.met ? 'met' : '**not met**']));
    }
  }
  return lines.join('\n');
}
