/**
 * The accumulators for the tile rows in flight: per pixel the weighted sum of the logit
 * difference (object - background), the sum of weights and validity, for rows
 * [base, base + capacity) of the window only. Tiles are added in grid order, so sums are the
 * same however the tiles were computed (one process, shards, a resumed cache).
 */
import { nearestIndices } from '../io/mask-resize.js';
import { axisWeights, type TileGrid } from './tile-grid.js';

export const NODATA = 255;
/** Probabilities are written as 0..PROB_MAX; NODATA stays apart. */
export const PROB_MAX = 254;

export class BlendBand {
  private base = 0;
  private readonly sumWD: Float64Array;
  private readonly sumW: Float64Array;
  private readonly valid: Uint8Array;

  constructor(
    private readonly grid: TileGrid,
    private readonly capacity: number,
  ) {
    const n = grid.width * capacity;
    this.sumWD = new Float64Array(n);
    this.sumW = new Float64Array(n);
    this.valid = new Uint8Array(n).fill(1);
  }

  /** Adds one tile: logits [2, S, S] mapped onto its source pixels with `--original-size`'s nearest rule. */
  add(x0: number, y0: number, logits: Float32Array | undefined, size: number, valid: Uint8Array): void {
    const { tileWidth: tw, tileHeight: th, width } = this.grid;
    const wx = axisWeights(x0, tw, width);
    const wy = axisWeights(y0, th, this.grid.height);
    const xi = nearestIndices(size, tw);
    const yi = nearestIndices(size, th);
    const plane = size * size;
    for (let y = 0; y < th; y++) {
      const row = (y0 + y - this.base) * width + x0;
      for (let x = 0; x < tw; x++) {
        const p = row + x;
        if (!valid[y * tw + x]) this.valid[p] = 0;
        if (!logits) continue;
        const s = yi[y]! * size + xi[x]!;
        // The float64 difference of two float32 logits is exact, and w > 0 keeps its sign:
        // a pixel covered by one tile gets exactly that tile's argmax.
        const d = logits[plane + s]! - logits[s]!;
        const w = wx[x]! * wy[y]!;
        this.sumWD[p] += w * d;
        this.sumW[p] += w;
      }
    }
  }

  /** Mask (0/1/255) and probability (0..254/255) rows [base, end), then drops them from the band. */
  take(end: number): { rows: number; mask: Uint8Array; probs: Uint8Array } {
    const rows = end - this.base;
    const n = rows * this.grid.width;
    const mask = new Uint8Array(n);
    const probs = new Uint8Array(n);
    for (let p = 0; p < n; p++) {
      if (!this.valid[p] || this.sumW[p] === 0) {
        mask[p] = probs[p] = NODATA;
        continue;
      }
      mask[p] = this.sumWD[p]! > 0 ? 1 : 0;
      probs[p] = Math.round(PROB_MAX / (1 + Math.exp(-this.sumWD[p]! / this.sumW[p]!)));
    }
    const keep = this.capacity * this.grid.width;
    this.sumWD.copyWithin(0, n, keep).fill(0, keep - n);
    this.sumW.copyWithin(0, n, keep).fill(0, keep - n);
    this.valid.copyWithin(0, n, keep).fill(1, keep - n);
    this.base = end;
    return { rows, mask, probs };
  }
}
