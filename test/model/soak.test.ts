/**
 * 50 consecutive segmentations (the 1,000-run soak is test/full/soak.test.ts): RSS and the JS
 * heap stay flat. Measured on llvmpipe (tiny fixture, 96 x 96, ~0.26 s per run): from the
 * first to the last fifth of runs 10..50, RSS +0.75 MiB and heap +0.06 MiB (medians; the heap
 * saws between ~39 and ~54 MiB with GC). Band: 8 MiB for each, ~10x the RSS figure.
 */
import { expect, it } from 'vitest';
import { growth, soak } from '../helpers/soak.js';

it('50 segmentations in a row keep RSS and heap flat (within 8 MiB)', async () => {
  const { warm } = await soak(50);
  const g = growth(warm, 10);
  expect(g.rss, `RSS growth ${g.rss.toFixed(2)} MiB`).toBeLessThan(8);
  expect(g.heap, `heap growth ${g.heap.toFixed(2)} MiB`).toBeLessThan(8);
});
