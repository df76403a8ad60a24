// Markdown for the peer benchmark's results (main.mjs): a table per host, then issue #9's
// targets with the measured ratios (peer median / our median, same host, same run).
import { WORKLOADS } from './workloads.ts';

const HOST_TITLES = { node: 'Node, Dawn (npm `webgpu`), llvmpipe', chromium: 'headless Chromium, WebGPU on SwiftShader' };
/** What the CPU column counts on each host. */
const CPU_NOTES = {
  node: "CPU/run: this process's CPU time per run (llvmpipe's and ORT's worker threads included).",
  chromium: "CPU/run: CPU time of all of Chromium's processes per run (the GPU process runs SwiftShader).",
};

/** Issue #9: ours at least `min` x faster than `peer` on `workload` in `host`. */
export const TARGETS = [
  { workload: 'swin', peer: 'ort-webgpu', host: 'chromium', min: 3 },
  { workload: 'swin', peer: 'ort-webgpu', host: 'node', min: 1.5 },
  { workload: 'bert', peer: 'ort-webgpu', host: 'chromium', min: 3 },
  { workload: 'bert', peer: 'ort-webgpu', host: 'node', min: 1.5 },
  { workload: 'matmul', peer: 'tfjs-webgpu', host: 'chromium', min: 3 },
  { workload: 'matmul', peer: 'tfjs-webgpu', host: 'node', min: 3 },
  { workload: 'conv', peer: 'tfjs-webgpu', host: 'chromium', min: 3 },
  { workload: 'conv', peer: 'tfjs-webgpu', host: 'node', min: 3 },
];

const ms = (v) => (v === undefined || v === null ? '' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const row = (cells) => `| ${cells.join(' | ')} |`;

/** Our median over the peer's, per target that both sides of were measured for. */
export function targetRows(out) {
  return TARGETS.flatMap((t) => {
    const results = out.hosts[t.host]?.workloads[t.workload];
    const ours = results?.find((r) => r.engine === 'ours' && r.medianMs);
    const peer = results?.find((r) => r.engine === t.peer && r.medianMs);
    if (!ours || !peer) return [];
    const ratio = peer.medianMs / ours.medianMs;
    const cpuRatio = ours.cpuMs && peer.cpuMs ? peer.cpuMs / ours.cpuMs : undefined;
    return [{ ...t, peerLabel: peer.label, ours: ours.medianMs, theirs: peer.medianMs, ratio, cpuRatio, met: ratio >= t.min }];
  });
}

export function report(out) {
  const lines = [`Peers side by side, ${out.date.slice(0, 10)}; our commit ${out.commit}${out.dirty.length ? ` + uncommitted ${out.dirty.join(', ')}` : ''}`];
  lines.push(`Machine: ${out.machine.cpu}, ${out.machine.cores} cores, load average ${out.machine.loadavg.map((l) => l.toFixed(1)).join(' ')} at the start, ${out.loadavgAfter.map((l) => l.toFixed(1)).join(' ')} at the end.`);
  lines.push(`Versions: ${Object.entries(out.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  for (const [hostName, entry] of Object.entries(out.hosts)) {
    const adapters = [...new Set((entry.adapters ?? []).map((a) => `${a.by}: ${a.info}`))];
    lines.push('', `### ${HOST_TITLES[hostName]}`, '', `Adapters: ${adapters.join('; ')}.`, '');
    lines.push(row(['workload', 'engine', 'prepare', 'first run', 'median', 'min', 'CPU/run', 'GFLOP/s', 'peer / ours', 'max abs err (tol)']));
    lines.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const [w, results] of Object.entries(entry.workloads)) {
      const ours = results.find((r) => r.engine === 'ours' && r.medianMs);
      for (const r of results) {
        if (r.error) {
          lines.push(row([w, r.label, 'failed', '', '', '', '', '', '', r.error.replaceAll('|', '/')]));
          continue;
        }
        const gflops = WORKLOADS[w].gflop / (r.medianMs / 1000);
        const ratio = ours && r !== ours ? `${(r.medianMs / ours.medianMs).toFixed(2)}x` : '';
        const err = `${r.check.maxAbsErr.toExponential(1)} (${WORKLOADS[w].tolerance})${r.check.ok ? '' : ' **WRONG**'}`;
        lines.push(row([w, r.engine === 'ours' ? '**ours**' : r.label, ms(r.prepareMs), ms(r.firstMs), ms(r.medianMs), ms(r.minMs), ms(r.cpuMs), gflops.toFixed(2), ratio, err]));
      }
    }
    for (const [w, results] of Object.entries(entry.workloads)) {
      const p = results.find((r) => r.profile)?.profile;
      if (!p || Object.keys(p).length < 2) continue;
      const total = Object.values(p).reduce((a, b) => a + b, 0);
      const top = Object.entries(p).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${ms(v)}`);
      lines.push('', `Ours on ${w}, each call submitted apart (${ms(total)} in all): ${top.join(', ')}.`);
    }
    lines.push('', CPU_NOTES[hostName], `Medians of ${Object.values(entry.workloads).map((rs) => rs.find((r) => r.runs?.length)?.runs.length).filter(Boolean).join('/')} warm runs per workload (first run apart).`);
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
