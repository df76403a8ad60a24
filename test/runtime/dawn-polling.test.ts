/**
 * On SwiftShader, Dawn's polls for a pending promise are spaced 1 ms apart (gpu-node.ts:
 * pollDawnEveryMillisecond) instead of a setImmediate busy loop that takes a core from
 * SwiftShader's workers; every other setImmediate caller is left alone.
 */
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openAdapter } from '../helpers/gpu.js';

const { gpu, why } = await openAdapter('swiftshader');
afterAll(() => gpu?.destroy());

describe.skipIf(!gpu)(`Dawn's polling on SwiftShader${why ? ` (${why})` : ''}`, () => {
  it('polls through a 1 ms timer while the queue works', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      await gpu!.device.queue.onSubmittedWorkDone();
      const polls = timers.mock.calls.filter(([fn, ms]) => typeof fn === 'function' && fn.name === '' && ms === 1 && String(fn).includes('[native code]'));
      expect(polls.length).toBeGreaterThan(0);
    } finally {
      timers.mockRestore();
    }
  });

  it('leaves JavaScript callbacks on setImmediate', async () => {
    const order: string[] = [];
    await new Promise<void>((done) => {
      const immediate = setImmediate(() => order.push('immediate'));
      expect(immediate.constructor.name).toBe('Immediate');
      setImmediate(() => {
        order.push('second');
        done();
      });
    });
    expect(order).toEqual(['immediate', 'second']);
    expect(await promisify(setImmediate)('value')).toBe('value');
  });
});
