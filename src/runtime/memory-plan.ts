/**
 * Static memory plan: every input and activation gets an offset in one of a few arena buffers,
 * reusing bytes whose previous tenant is dead. Greedy by size (largest first, lowest
 * offset that does not collide with a placed tensor whose lifetime overlaps), the
 * strategy TFLite's arena planner uses; good to within a few percent of optimal here.
 * Several arenas because WebGPU binds a buffer either as a uniform or as storage in one
 * dispatch (below).
 */
import type { Call, Tensor } from './graph.js';
import { storageWords } from './graph.js';

/** Offsets are aligned for storage bindings (minStorageBufferOffsetAlignment <= 256). */
export const ARENA_ALIGN = 256;

export interface Placement {
  tensor: Tensor;
  /** Which arena buffer: never one holding a tensor that a call binding this one binds the other way (uniform or storage). */
  arena: number;
  offset: number;
  /** Bytes bound: 4 per storage word rounded up to 16 so vec4 views of any tensor are legal. */
  bytes: number;
  first: number;
  last: number;
}

export interface MemoryPlan {
  placements: Map<number, Placement>;
  /** Size of each arena buffer (Placement.arena). */
  arenaBytes: number[];
  /** What one buffer per tensor would cost. */
  naiveBytes: number;
  /** Largest sum of sizes of tensors alive at one call: a lower bound for any plan. */
  peakLiveBytes: number;
  /** Largest sum of sizes of the activations one call reads and writes: what that layer alone needs. */
  largestCallBytes: number;
}

export const tensorBytes = (t: Tensor): number => Math.ceil((storageWords(t) * 4) / 16) * 16;
const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** Each tensor's calls, with how each binds it: as a uniform window or as storage. */
function bindingsByTensor(calls: readonly Call[]): Map<number, { call: Call; uniform: boolean }[]> {
  const of = new Map<number, { call: Call; uniform: boolean }[]>();
  for (const call of calls) {
    call.args.forEach((t, j) => {
      if (!t || t.kind === 'weight') return;
      const list = of.get(t.id) ?? [];
      if (list.at(-1)?.call !== call) list.push({ call, uniform: !!call.bindings[j].uniform });
      of.set(t.id, list);
    });
  }
  return of;
}

export function planMemory(calls: readonly Call[], pinned: readonly Tensor[], outputs: readonly Tensor[]): MemoryPlan {
  const lifetimes = new Map<number, Placement>();
  const touch = (t: Tensor | undefined, at: number): void => {
    if (!t || t.kind === 'weight') return;
    const p = lifetimes.get(t.id);
    if (p) {
      p.first = Math.min(p.first, at);
      p.last = Math.max(p.last, at);
    } else lifetimes.set(t.id, { tensor: t, arena: 0, offset: 0, bytes: tensorBytes(t), first: at, last: at });
  };
  // Inputs are written before the first call; outputs are read after the last one.
  for (const t of pinned) touch(t, -1);
  calls.forEach((c, i) => c.args.forEach((t) => touch(t, i)));
  for (const t of outputs) touch(t, calls.length);

  // A buffer bound as a uniform must not also be bound as storage (every storage binding is
  // read_write) in the same dispatch. So a tensor may not share an arena with one that a call
  // binding it binds the other way (a matmul's uniform A blocks and its output; the blocks a
  // matmul-blocked reads and those it stores for the next product, lowering/fuse-block-rows.ts);
  // among the arenas it may use, it takes the one it grows least.
  const bound = bindingsByTensor(calls);
  const order = [...lifetimes.values()].sort((a, b) => b.bytes - a.bytes || a.first - b.first);
  const placed: Placement[][] = [];
  const isPlaced = new Set<number>();
  const arenaBytes: number[] = [];
  const offsetIn = (arena: number, p: Placement): number => {
    const clashes = (placed[arena] ?? []).filter((q) => q.first <= p.last && p.first <= q.last).sort((a, b) => a.offset - b.offset);
    let offset = 0;
    for (const q of clashes) {
      if (offset + p.bytes <= q.offset) break;
      offset = Math.max(offset, alignUp(q.offset + q.bytes, ARENA_ALIGN));
    }
    return offset;
  };
  for (const p of order) {
    const barred = new Set<number>();
    for (const { call, uniform } of bound.get(p.tensor.id) ?? []) {
      call.args.forEach((t, j) => {
        if (t && t.id !== p.tensor.id && isPlaced.has(t.id) && !!call.bindings[j].uniform !== uniform) barred.add(lifetimes.get(t.id)!.arena);
      });
    }
    // A new arena only when every arena is barred (an existing one grows by at most p.bytes).
    let best: { arena: number; offset: number; growth: number } | undefined;
    for (let arena = 0; arena < arenaBytes.length; arena++) {
      if (barred.has(arena)) continue;
      const offset = offsetIn(arena, p);
      const growth = Math.max(0, offset + p.bytes - arenaBytes[arena]);
      if (!best || growth < best.growth) best = { arena, offset, growth };
    }
    best ??= { arena: arenaBytes.length, offset: 0, growth: p.bytes };
    p.arena = best.arena;
    p.offset = best.offset;
    (placed[p.arena] ??= []).push(p);
    isPlaced.add(p.tensor.id);
    arenaBytes[p.arena] = Math.max(arenaBytes[p.arena] ?? 0, p.offset + p.bytes);
  }
  if (!arenaBytes.length) arenaBytes.push(0);

  let peakLiveBytes = 0;
  const all = placed.flat();
  for (let i = -1; i <= calls.length; i++) {
    let live = 0;
    for (const p of all) if (p.first <= i && i <= p.last) live += p.bytes;
    peakLiveBytes = Math.max(peakLiveBytes, live);
  }
  const naiveBytes = all.reduce((s, p) => s + p.bytes, 0);
  let largestCallBytes = 0;
  for (const c of calls) {
    const own = new Set(c.args.filter((t): t is Tensor => !!t && t.kind !== 'weight'));
    largestCallBytes = Math.max(largestCallBytes, [...own].reduce((s, t) => s + tensorBytes(t), 0));
  }
  return {
    placements: lifetimes,
    arenaBytes: arenaBytes.map((b) => alignUp(Math.max(b, 16), ARENA_ALIGN)),
    naiveBytes,
    peakLiveBytes,
    largestCallBytes,
  };
}
