/**
 * The tile grid over the processed window: tiles of `tile` source pixels every
 * `tile - overlap` pixels from the top-left, the last row/column shifted back inside the
 * window (never padded); a window smaller than a tile is one tile of the window's size.
 * And each tile's blend weight: a separable Hann taper with a small floor, flat (1) on every
 * side that touches the window border, so border pixels are never down-weighted.
 */
import { FianetError } from '../errors.js';

export interface TileGrid {
  /** Window size. */
  width: number;
  height: number;
  /** Tile size along each axis (the tile, or the window when smaller). */
  tileWidth: number;
  tileHeight: number;
  /** Left columns and top rows of the tiles. */
  xs: number[];
  ys: number[];
}

/** Keeps weights strictly positive so every covered pixel gets a defined value. */
const FLOOR = 0.01;

function starts(size: number, tile: number, stride: number): number[] {
  if (size <= tile) return [0];
  const out: number[] = [];
  for (let s = 0; s + tile < size; s += stride) out.push(s);
  out.push(size - tile);
  return out;
}

export function tileGrid(width: number, height: number, tile: number, overlap: number): TileGrid {
  if (!(Number.isInteger(tile) && tile >= 16 && tile <= 8192)) throw new FianetError('bad-input', `--tile must be an integer in 16..8192, got ${tile}`);
  if (!(Number.isInteger(overlap) && overlap >= 0 && 2 * overlap < tile)) {
    throw new FianetError('bad-input', `--overlap must be an integer in 0..${Math.ceil(tile / 2) - 1} (under half the tile), got ${overlap}`);
  }
  const stride = tile - overlap;
  return { width, height, tileWidth: Math.min(tile, width), tileHeight: Math.min(tile, height), xs: starts(width, tile, stride), ys: starts(height, tile, stride) };
}

/** Weights along one axis of a tile of `size` at `start` in a window of `total`. */
export function axisWeights(start: number, size: number, total: number): Float64Array {
  const w = new Float64Array(size);
  const first = start === 0;
  const last = start + size === total;
  for (let i = 0; i < size; i++) {
    const inFirstHalf = 2 * i + 1 < size;
    if ((inFirstHalf && first) || (!inFirstHalf && last)) {
      w[i] = 1;
    } else {
      const s = Math.sin((Math.PI * (i + 0.5)) / size);
      w[i] = FLOOR + (1 - FLOOR) * s * s;
    }
  }
  return w;
}
