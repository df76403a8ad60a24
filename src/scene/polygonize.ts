/**
 * Mask -> polygons, like gdal_polygonize with 4-connectivity: the 4-connected components of
 * the object pixels, each traced along pixel edges into one exterior ring and its holes.
 * Rings are in pixel-edge coordinates, only corners kept (collinear vertices dropped).
 * Boundary edges run with the component on one fixed side, so in pixel coordinates (y down)
 * an exterior ring has negative shoelace area and a hole positive; the component label tells
 * which polygon a hole belongs to, so no point-in-polygon test is needed.
 */

export interface PixelPolygon {
  /** Exterior ring first, then holes; each closed (last vertex = first), as [col, row]. */
  rings: Array<Array<[number, number]>>;
  pixelCount: number;
  /** Sum and maximum of the probability bytes (0..254) over the component. */
  probSum: number;
  probMax: number;
}

// Edge directions: 0 = -x (top edge), 1 = +y (left edge), 2 = +x (bottom edge), 3 = -y (right edge).
const DX = [-1, 0, 1, 0];
const DY = [0, 1, 0, -1];

/** 4-connected labels of pixels equal to 1 (0 = not object), labels from 1 in scan order. */
function label(mask: Uint8Array, width: number, height: number): { labels: Int32Array; count: number } {
  const labels = new Int32Array(width * height);
  const stack: number[] = [];
  let count = 0;
  for (let start = 0; start < labels.length; start++) {
    if (mask[start] !== 1 || labels[start]) continue;
    labels[start] = ++count;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width;
      for (const q of [x > 0 ? p - 1 : -1, x + 1 < width ? p + 1 : -1, p - width, p + width]) {
        if (q >= 0 && q < labels.length && mask[q] === 1 && !labels[q]) {
          labels[q] = count;
          stack.push(q);
        }
      }
    }
  }
  return { labels, count };
}

export function polygonize(mask: Uint8Array, probs: Uint8Array | undefined, width: number, height: number): PixelPolygon[] {
  const { labels, count } = label(mask, width, height);
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= width || y >= height ? 0 : labels[y * width + x]!);
  const polygons: PixelPolygon[] = Array.from({ length: count }, () => ({ rings: [], pixelCount: 0, probSum: 0, probMax: 0 }));
  // Outgoing boundary edges per vertex (vertex = y * (width + 1) + x): direction and label.
  const out = new Map<number, Array<{ dir: number; label: number; used: boolean }>>();
  const vw = width + 1;
  const addEdge = (x: number, y: number, dir: number, l: number) => {
    const v = y * vw + x;
    const list = out.get(v);
    const edge = { dir, label: l, used: false };
    if (list) list.push(edge);
    else out.set(v, [edge]);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const l = labels[y * width + x]!;
      if (!l) continue;
      const poly = polygons[l - 1]!;
      poly.pixelCount++;
      const pr = probs ? probs[y * width + x]! : 0;
      poly.probSum += pr;
      if (pr > poly.probMax) poly.probMax = pr;
      if (at(x, y - 1) !== l) addEdge(x + 1, y, 0, l);
      if (at(x - 1, y) !== l) addEdge(x, y, 1, l);
      if (at(x, y + 1) !== l) addEdge(x, y + 1, 2, l);
      if (at(x + 1, y) !== l) addEdge(x + 1, y + 1, 3, l);
    }
  }
  for (const [start, edges] of out) {
    for (const first of edges) {
      if (first.used) continue;
      const ring: Array<[number, number]> = [];
      let v = start;
      let edge = first;
      for (;;) {
        edge.used = true;
        const x = v % vw;
        const y = (v - x) / vw;
        ring.push([x, y]);
        v = (y + DY[edge.dir]!) * vw + x + DX[edge.dir]!;
        const next = (out.get(v) ?? []).filter((e) => !e.used && e.label === edge.label);
        if (next.length === 0) break;
        // Two ways on at a vertex where the component touches itself diagonally: turn toward
        // the component, so diagonal neighbours stay apart (4-connectivity).
        const inward = (edge.dir + 1) % 4;
        edge = next.find((e) => e.dir === inward) ?? next[0]!;
      }
      const corners = dropCollinear(ring);
      corners.push(corners[0]!);
      const poly = polygons[first.label - 1]!;
      if (shoelace(corners) < 0) poly.rings.unshift(corners);
      else poly.rings.push(corners);
    }
  }
  return polygons;
}

function dropCollinear(ring: Array<[number, number]>): Array<[number, number]> {
  const n = ring.length;
  return ring.filter((p, i) => {
    const a = ring[(i + n - 1) % n]!;
    const b = ring[(i + 1) % n]!;
    return (p[0] - a[0]) * (b[1] - p[1]) !== (p[1] - a[1]) * (b[0] - p[0]);
  });
}

/** Twice the signed area of a closed ring (x right, y as given). */
export function shoelace(ring: ReadonlyArray<readonly [number, number]>): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s;
}
