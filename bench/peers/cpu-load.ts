// How busy the machine was while the peers ran, so a figure taken under load says so (issue
// #18, point 5). A snapshot holds the load averages, the machine's busy and total CPU time
// (/proc/stat) and our own CPU time: this process and its descendants (Chromium's browser,
// GPU and renderer processes; /proc/PID/stat). Between two snapshots, the machine's busy time
// minus ours is what other processes took from the benchmark. Linux only: elsewhere the /proc
// figures are null and only the load averages remain.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** A moment: load averages, machine CPU ms since boot (null without /proc), our CPU ms so far (null without /proc). */
export interface LoadSnapshot {
  at: number;
  loadavg: number[];
  machine: { busy: number; total: number } | null;
  ownMs: number | null;
}

/** Between two snapshots (see loadBetween). */
export interface Load {
  loadBefore: number;
  loadAfter: number;
  cores: number;
  wallMs: number;
  ownCpuMs: number | null;
  otherCpuShare: number | null;
}

/** /proc's clock ticks (USER_HZ), 100 per second on Linux. */
const TICK_MS = 10;

/** Machine CPU time in ms since boot, all cores: { busy, total } or null without /proc/stat. */
function machineCpuMs(): LoadSnapshot['machine'] {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy: busy * TICK_MS, total: (busy + idle + iowait) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU ms (user + system) used so far by the live descendants of this process, from /proc. */
export function descendantsCpuMs(): number {
  const procs: { pid: number; ppid: number; ticks: number }[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 'state' on
      procs.push({ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // exited meanwhile
    }
  }
  const children = new Map<number, typeof procs>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let ticks = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    ticks += p.ticks;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return ticks * TICK_MS;
}

export function loadSnapshot(): LoadSnapshot {
  const own = process.cpuUsage();
  let children = null;
  try {
    children = descendantsCpuMs();
  } catch {
    // no /proc
  }
  return { at: performance.now(), loadavg: loadavg(), machine: machineCpuMs(), ownMs: children === null ? null : (own.user + own.system) / 1000 + children };
}

/**
 * What happened between two snapshots: the 1-minute load average before and after, the wall
 * time, our CPU time, and the share of the machine's CPU time (all cores) other processes used.
 */
export function loadBetween(before: LoadSnapshot, after: LoadSnapshot): Load {
  const wallMs = after.at - before.at;
  const out: Load = { loadBefore: before.loadavg[0], loadAfter: after.loadavg[0], cores: cpus().length, wallMs, ownCpuMs: null, otherCpuShare: null };
  if (before.machine && after.machine && before.ownMs !== null && after.ownMs !== null) {
    const total = after.machine.total - before.machine.total;
    const busy = after.machine.busy - before.machine.busy;
    const own = after.ownMs - before.ownMs;
    out.ownCpuMs = own;
    // Ticks are 10 ms and counted per core: clamp the rounding at 0.
    out.otherCpuShare = total > 0 ? Math.max(0, busy - own) / total : null;
  }
  return out;
}
