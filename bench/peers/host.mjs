// One side of the benchmark (the Node process, or the page): its engines by id, prepared per
// workload, timed where they run (no IPC inside a timing) and checked against the workload's
// reference. The driver (main.mjs) calls these methods directly in Node and through
// page.evaluate for the page.
import { checker } from './workloads.ts';

/**
 * engines: { [id]: { label, workloads: [names], prepare(w) -> { run(), output(), layout?, profile?(), destroy() } } }
 * cpuUsage: process.cpuUsage in Node (all threads: llvmpipe's and ORT's workers), absent in the page.
 * adapters: { current, seen: [{ by, info }] }, filled by recordAdapters' hook: which engine got which adapter.
 */
export function makeHost({ engines, assets, cpuUsage, adapters }) {
  // Every engine runs in this one process, so threads an engine leaves spinning after its run
  // (ORT's wasm thread pool does, measured: our BERT layer's CPU per run 31 -> 55 ms beside it)
  // would be charged to, and slow, the next engine's run. Each run starts once the process is
  // quiet: under a quarter of a core over 20 ms, waiting at most a second.
  const settle = async () => {
    for (const end = performance.now() + 1000; performance.now() < end; ) {
      const c0 = cpuUsage();
      const t0 = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const c = cpuUsage(c0);
      if ((c.user + c.system) / 1000 < 0.25 * (performance.now() - t0)) return;
    }
  };
  const live = new Map();
  const checkers = new Map();
  const get = (w, id) => {
    const e = live.get(`${w}/${id}`);
    if (!e) throw new Error(`${id} is not prepared for ${w}`);
    return e;
  };
  return {
    list: () => Object.entries(engines).map(([id, e]) => ({ id, label: e.label, workloads: e.workloads })),
    adapters: () => adapters.seen,
    async prepare(w, id) {
      adapters.current = id;
      const t0 = performance.now();
      live.set(`${w}/${id}`, await engines[id].prepare(w));
      return { ms: performance.now() - t0 };
    },
    async run(w, id) {
      const e = get(w, id);
      if (cpuUsage) await settle();
      const c0 = cpuUsage?.();
      const t0 = performance.now();
      await e.run();
      const ms = performance.now() - t0;
      const c = c0 && cpuUsage(c0);
      return { ms, cpuMs: c ? (c.user + c.system) / 1000 : null };
    },
    async check(w, id) {
      if (!checkers.has(w)) checkers.set(w, await checker(w, assets));
      const e = get(w, id);
      return checkers.get(w)(e.output(), e.layout);
    },
    /** Per-call times of one extra run, for engines that offer them (ours). */
    profile: async (w, id) => (get(w, id).profile ? get(w, id).profile() : null),
    async destroy(w, id) {
      await get(w, id).destroy();
      live.delete(`${w}/${id}`);
    },
  };
}

/** Wraps gpu.requestAdapter to record the adapter each engine got; `tweak` may change the request options. */
export function recordAdapters(gpu, adapters, tweak = (o) => o) {
  const request = gpu.requestAdapter.bind(gpu);
  gpu.requestAdapter = async (options) => {
    const adapter = await request(tweak(options ?? {}));
    const i = adapter?.info;
    adapters.seen.push({ by: adapters.current ?? 'startup', info: i ? [i.vendor, i.architecture, i.device, i.description].filter(Boolean).join(' / ') : 'none' });
    return adapter;
  };
}
