/**
 * targetFor's adapter-specific choices that no kernel test can see on one adapter: matmul-blocked
 * shares A's loads over subgroups only where every subgroup has the size its broadcasts name.
 */
import { describe, expect, it } from 'vitest';
import { matmulBlocked } from '../../src/kernels/matmul-blocked.js';
import { targetFor } from '../../src/lowering/target.js';
import type { AdapterDescription } from '../../src/runtime/device.js';
import { kernelSource } from '../../src/runtime/kernel.js';

const adapter = (description: string, subgroupSizes?: { min: number; max: number }): AdapterDescription => ({
  kind: 'test', backend: 'test', vendor: '', architecture: '', device: '', description, featureLevel: 'core', features: [], limits: {},
  ...(subgroupSizes ? { subgroupSizes } : {}),
});

describe('targetFor', () => {
  it('shares A over subgroups of one fixed size on a CPU adapter, and nowhere else', () => {
    expect(targetFor(adapter('SwiftShader driver 5.0.0', { min: 4, max: 4 })).subgroupSize).toBe(4);
    // llvmpipe through OpenGL ES: no subgroups feature (its adapter still reports 4 to 128).
    expect(targetFor(adapter('OpenGL ES 3.2 Mesa 22.3.6 (llvmpipe)')).subgroupSize).toBe(0);
    expect(targetFor(adapter('llvmpipe', { min: 4, max: 8 })).subgroupSize).toBe(0);
    // GPUs take the tiled kernels, which do not use it.
    expect(targetFor(adapter('a GPU', { min: 32, max: 32 })).subgroupSize).toBe(0);
  });

  it("enables subgroups in matmul-blocked's WGSL only for the shared-A variant", () => {
    expect(kernelSource(matmulBlocked, { ...matmulBlocked.constants, SG: 4 }).startsWith('enable subgroups;\n')).toBe(true);
    expect(kernelSource(matmulBlocked, matmulBlocked.constants)).not.toMatch(/enable|subgroup/);
  });
});
