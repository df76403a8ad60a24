/**
 * Static memory plan: every input and activation gets an offset in one arena buffer,
 * reusing bytes whose previous tenant is dead. Greedy by size (largest first, lowest
 * offset that does not collide with a placed tensor whose lifetime overlaps), the
 * strategy TFLite's arena planner uses; good to within a few percent of optimal here.
 */
import type { Call, Tensor } from './graph.js';
import { storageWords } from './graph.js';

/** Offsets are aligned for storage bindings (minStorageBufferOffsetAlignment <= 256). */
export const ARENA_ALIGN = 256;

export interface Placement {
  tensor: Tensor;
  /** 0: the main arena; 1, 2, ...: arenas of tensors some call reads as a uniform window (arenaOf). */
  arena: number;
  offset: number;
  /** Bytes bound: 4 per storage word rounded up to 16 so vec4 views of any tensor are legal. */
  bytes: number;
  first: number;
  last: number;
}

export interface MemoryPlan {
  placements: Map<number, Placement>;
  /** Size of each arena (Placement.arena); only arena 0 when no call reads an activation through a uniform window. */
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

/**
 * The arena of each activation. A buffer bound as a uniform must not also be bound as storage
 * (every storage binding is read_write) in the same dispatch, so tensors only ever bound as
 * storage share arena 0, and a tensor some call reads as a uniform window takes the lowest arena
 * from 1 that no call binding it also binds, the other way, for another tensor. One arena for
 * those is enough until a call both reads uniform windows and writes a tensor read that way
 * (matmul-blocked storing the next product's A blocks: lowering/fuse-block-rows.ts).
 */
function arenaOf(calls: readonly Call[]): Map<number, number> {
  const uniformRead = new Set<number>();
  const callsOf = new Map<number, Call[]>();
  for (const c of calls) {
    c.args.forEach((t, j) => {
      if (!t || t.kind === 'weight') return;
      if (c.bindings[j].uniform) uniformRead.add(t.id);
      const of = callsOf.get(t.id) ?? [];
      if (of.at(-1) !== c) of.push(c);
      callsOf.set(t.id, of);
    });
  }
  const arena = new Map<number, number>();
  for (const id of callsOf.keys()) {
    if (!uniformRead.has(id)) {
      arena.set(id, 0);
      continue;
    }
    const taken = new Set<number>();
    for (const c of callsOf.get(id)!) {
      const asUniform = !!c.bindings[c.args.findIndex((t) => t?.id === id)].uniform;
      c.args.forEach((t, j) => {
        const a = t && t.id !== id ? arena.get(t.id) : undefined;
        if (a !== undefined && !!c.bindings[j].uniform !== asUniform) taken.add(a);
      });
    }
    let a = 1;
    while (taken.has(a)) a++;
    arena.set(id, a);
  }
  return arena;
}

export function planMemory(calls: readonly Call[], pinned: readonly Tensor[], outputs: readonly Tensor[]): MemoryPlan {
  const lifetimes = new Map<number, Placement>();
  const arenas = arenaOf(calls);
  const touch = (t: Tensor | undefined, at: number): void => {
    if (!t || t.kind === 'weight') return;
    const p = lifetimes.get(t.id);
    if (p) {
      p.first = Math.min(p.first, at);
      p.last = Math.max(p.last, at);
    } else lifetimes.set(t.id, { tensor: t, arena: arenas.get(t.id) ?? 0, offset: 0, bytes: tensorBytes(t), first: at, last: at });
  };
  // Inputs are written before the first call; outputs are read after the last one.
  for (const t of pinned) touch(t, -1);
  calls.forEach((c, i) => c.args.forEach((t) => touch(t, i)));
  for (const t of outputs) touch(t, calls.length);

  const order = [...lifetimes.values()].sort((a, b) => b.bytes - a.bytes || a.first - b.first);
  const placed: Placement[] = [];
  const arenaBytes = new Array<number>([...arenas.values()].reduce((m, a) => Math.max(m, a), 0) + 1).fill(0);
  for (const p of order) {
    const clashes = placed
      .filter((q) => q.arena === p.arena && q.first <= p.last && p.first <= q.last)
      .sort((a, b) => a.offset - b.offset);
    let offset = 0;
    for (const q of clashes) {
      if (offset + p.bytes <= q.offset) break;
      offset = Math.max(offset, alignUp(q.offset + q.bytes, ARENA_ALIGN));
    }
    p.offset = offset;
    placed.push(p);
    arenaBytes[p.arena] = Math.max(arenaBytes[p.arena], offset + p.bytes);
  }

  let peakLiveBytes = 0;
  for (let i = -1; i <= calls.length; i++) {
    let live = 0;
    for (const p of placed) if (p.first <= i && i <= p.last) live += p.bytes;
    peakLiveBytes = Math.max(peakLiveBytes, live);
  }
  const naiveBytes = placed.reduce((s, p) => s + p.bytes, 0);
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
