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
  /** 0: the main arena; 1: the arena of tensors some call reads as a uniform window (a buffer
   * bound as uniform must not also be bound writable in the same dispatch). */
  arena: 0 | 1;
  offset: number;
  /** Bytes bound: 4 per storage word rounded up to 16 so vec4 views of any tensor are legal. */
  bytes: number;
  first: number;
  last: number;
}

export interface MemoryPlan {
  placements: Map<number, Placement>;
  arenaBytes: number;
  /** Size of arena 1 (0 when no call reads an activation through a uniform window). */
  uniformArenaBytes: number;
  /** What one buffer per tensor would cost. */
  naiveBytes: number;
  /** Largest sum of sizes of tensors alive at one call: a lower bound for any plan. */
  peakLiveBytes: number;
  /** Largest sum of sizes of the activations one call reads and writes: what that layer alone needs. */
  largestCallBytes: number;
}

export const tensorBytes = (t: Tensor): number => Math.ceil((storageWords(t) * 4) / 16) * 16;
const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

export function planMemory(calls: readonly Call[], pinned: readonly Tensor[], outputs: readonly Tensor[]): MemoryPlan {
  const lifetimes = new Map<number, Placement>();
  const uniformRead = new Set<number>();
  for (const c of calls) c.args.forEach((t, j) => t && c.bindings[j].uniform && uniformRead.add(t.id));
  const touch = (t: Tensor | undefined, at: number): void => {
    if (!t || t.kind === 'weight') return;
    const p = lifetimes.get(t.id);
    if (p) {
      p.first = Math.min(p.first, at);
      p.last = Math.max(p.last, at);
    } else lifetimes.set(t.id, { tensor: t, arena: uniformRead.has(t.id) ? 1 : 0, offset: 0, bytes: tensorBytes(t), first: at, last: at });
  };
  // Inputs are written before the first call; outputs are read after the last one.
  for (const t of pinned) touch(t, -1);
  calls.forEach((c, i) => c.args.forEach((t) => touch(t, i)));
  for (const t of outputs) touch(t, calls.length);

  const order = [...lifetimes.values()].sort((a, b) => b.bytes - a.bytes || a.first - b.first);
  const placed: Placement[] = [];
  const arenaBytes = [0, 0];
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
    arenaBytes: alignUp(Math.max(arenaBytes[0], 16), ARENA_ALIGN),
    uniformArenaBytes: alignUp(arenaBytes[1], ARENA_ALIGN),
    naiveBytes,
    peakLiveBytes,
    largestCallBytes,
  };
}
