// The tests' own polygon rasterizer: even-odd fill of every ring at pixel centres (holes
// cancel), on a width x height grid of pixel-edge coordinates.
export function rasterize(polygons: ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly [number, number]>>>, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const edges: Array<[number, number, number, number]> = [];
  for (const rings of polygons) for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) edges.push([...ring[i]!, ...ring[i + 1]!] as [number, number, number, number]);
  for (let y = 0; y < height; y++) {
    const yc = y + 0.5;
    const xs: number[] = [];
    for (const [x0, y0, x1, y1] of edges) if ((y0 <= yc) !== (y1 <= yc)) xs.push(x0 + ((yc - y0) * (x1 - x0)) / (y1 - y0));
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      for (let x = Math.max(0, Math.ceil(xs[k]! - 0.5)); x < width && x + 0.5 < xs[k + 1]!; x++) out[y * width + x] ^= 1;
    }
  }
  return out;
}
