/**
 * The 1,000-run soak (issue 13): 1,000 consecutive segmentations on one model (tiny fixture,
 * 96 x 96, a different image size and expression each run), RSS and JS heap recorded after
 * each. Measured on llvmpipe (medians of the first and the last fifth of runs after 10 warm-up
 * runs): over 300 runs RSS +4.3 MiB and heap +0.8 MiB; over 1,000 runs (267 ms per run) RSS
 * -30 MiB and heap -17.5 MiB (the allocator and GC settle; nothing grows with the run count).
 * Band for 1,000 runs: 32 MiB of RSS growth (a leaked 96 x 96 logits array per call, 74 KB,
 * would add 70 MiB) and 16 MiB of heap growth.
 */
import { expect, it } from 'vitest';
import { growth, soak } from '../helpers/soak.js';

it('1,000 segmentations in a row keep RSS within 32 MiB and the heap within 16 MiB', async () => {
  const { warm, msPerRun } = await soak(1000);
  const g = growth(warm, 10);
  console.info(`soak: ${warm.length} runs, ${msPerRun.toFixed(0)} ms per run, RSS +${g.rss.toFixed(2)} MiB, heap +${g.heap.toFixed(2)} MiB`);
  expect(g.rss).toBeLessThan(32);
  expect(g.heap).toBeLessThan(16);
});
