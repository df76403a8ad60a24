// Pixel-edge polygons of random masks at awkward sizes: rasterized back they give the mask
// exactly, one polygon per 4-connected component, rings closed, exteriors and holes told apart.
import { describe, expect, it } from 'vitest';
import { polygonize, shoelace } from '../../src/scene/polygonize.js';
import { rasterize } from '../helpers/rasterize.js';

function randomMask(width: number, height: number, density: number, seed: number): Uint8Array {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Uint8Array.from({ length: width * height }, () => (next() < density ? 1 : 0));
}

describe('polygonize', () => {
  for (const [w, h, density] of [[1, 1, 1], [7, 5, 0.5], [31, 17, 0.6], [64, 3, 0.3], [13, 29, 0.8]] as const) {
    it(`${w} x ${h} at density ${density}: rasterized back equals the mask`, () => {
      const mask = randomMask(w, h, density, w * 1000 + h);
      const polygons = polygonize(mask, undefined, w, h);
      expect(rasterize(polygons.map((p) => p.rings), w, h)).toEqual(mask);
      expect(polygons.reduce((n, p) => n + p.pixelCount, 0)).toBe(mask.reduce((n, v) => n + v, 0));
      for (const p of polygons) {
        expect(shoelace(p.rings[0]!)).toBeLessThan(0); // exterior first (y down)
        for (const ring of p.rings) expect(ring[ring.length - 1]).toEqual(ring[0]);
        for (const hole of p.rings.slice(1)) expect(shoelace(hole)).toBeGreaterThan(0);
        // 4-connectivity: the exterior ring's area minus its holes is the pixel count.
        expect(-p.rings.reduce((a, r) => a + shoelace(r), 0) / 2).toBe(p.pixelCount);
      }
    });
  }

  it('a ring with a hole, and diagonal pixels as separate components (4-connected)', () => {
    const ring = Uint8Array.from([1, 1, 1, 1, 0, 1, 1, 1, 1]);
    const [donut] = polygonize(ring, undefined, 3, 3);
    expect(donut!.rings).toHaveLength(2);
    expect(polygonize(Uint8Array.from([1, 0, 0, 1]), undefined, 2, 2)).toHaveLength(2);
  });
});
