// A full-size fixture's weights_manifest.json (base480, base480c) and the exact check of one generated tensor against it.
import { expect } from 'vitest';
import { fsum } from '../helpers/fsum.js';
import { FIXTURES, readJson } from '../helpers/test-data.js';

export interface ManifestEntry {
  name: string;
  shape: number[];
  numel: number;
  fnv1a32: string;
  rule: string;
  sum: number;
  sum_sq: number;
  first: number[];
  at: Record<string, number>;
}

export interface Manifest {
  n_tensors: number;
  n_params: number;
  tensors: ManifestEntry[];
}

const manifests = new Map<string, Manifest>();
export function loadManifest(fixture: 'base480' | 'base480c' = 'base480'): Manifest {
  let manifest = manifests.get(fixture);
  if (!manifest) manifests.set(fixture, (manifest = readJson<Manifest>(new URL(`${fixture}/weights_manifest.json`, FIXTURES))));
  return manifest;
}

/** Sums are correctly rounded on both sides, so they must be equal, not close. */
export function checkManifestEntry(e: ManifestEntry, data: Float32Array): void {
  expect(data.length, `${e.name}: numel`).toBe(e.numel);
  expect(Array.from(data.subarray(0, 4)), `${e.name}: first`).toEqual(e.first);
  for (const [i, v] of Object.entries(e.at)) expect(data[Number(i)], `${e.name}: value at ${i}`).toBe(v);
  expect(fsum(data), `${e.name}: sum`).toBe(e.sum);
  expect(fsum(data, (v) => v * v), `${e.name}: sum_sq`).toBe(e.sum_sq);
}
