/**
 * The roofline picture of a bench report as SVG text (our own writer, no dependency): every
 * row with declared FLOPs and bytes as a numbered point (arithmetic intensity in FLOP/byte
 * against achieved GFLOP/s, log-log) under the measured ceilings: the copy bandwidth's slope
 * up to the ridge point, then the compute probe's flat roof. A legend names each point with
 * its suite, case, variant and % of the roof above it, so the picture reads without tables;
 * rows that declare no FLOPs (layout passes, norms) are listed under it with their bandwidth.
 */
import type { BenchReport, BenchRow } from './schema.js';

const SUITE_COLOURS: Record<string, string> = { peaks: '#444444', matmul: '#1f77b4', window: '#d62728', decoder: '#2ca02c', bert: '#9467bd', tmem: '#ff7f0e', e2e: '#8c564b' };
const PLOT = { left: 70, top: 50, width: 560, height: 420 };
const LEGEND_X = PLOT.left + PLOT.width + 30;
const LINE = 15;
/** Legend lines are cut at this many characters; ~6.6 px each at 12 px sans-serif. */
const LEGEND_CHARS = 130;
const CHAR_WIDTH = 6.6;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toPrecision(3).replace(/\.?0+$/, '') : v.toPrecision(2));

export interface RooflinePoint {
  row: BenchRow;
  intensity: number;
  gflops: number;
  /** Of the roof at this intensity (min of compute and bandwidth x intensity). */
  roofPct: number;
}

/** The rows that have a place on the picture: declared FLOPs and bytes and a rate (the copy and probe are the ceilings themselves). */
export function rooflinePoints(r: BenchReport): RooflinePoint[] {
  const { computeGflops, copyGbps } = r.ceilings;
  return r.suites
    .flatMap((s) => s.rows)
    .filter((row) => row.variant !== 'bench-compute-probe' && row.flop > 0 && row.bytes > 0 && (row.figures.gflops?.value ?? 0) > 0)
    .map((row) => {
      const intensity = row.flop / row.bytes;
      const gflops = row.figures.gflops!.value!;
      return { row, intensity, gflops, roofPct: (100 * gflops) / Math.min(computeGflops, copyGbps * intensity) };
    });
}

export function rooflineSvg(r: BenchReport, title: string): string {
  const { computeGflops, copyGbps } = r.ceilings;
  const points = rooflinePoints(r);
  const ridge = computeGflops / copyGbps;
  const xs = [ridge, ...points.map((p) => p.intensity)];
  const ys = [computeGflops, ...points.map((p) => p.gflops)];
  const decade = (v: number, up: boolean) => 10 ** (up ? Math.ceil(Math.log10(v) + 1e-9) : Math.floor(Math.log10(v) - 1e-9));
  const [x0, x1] = [decade(Math.min(...xs) / 2, false), decade(Math.max(...xs) * 2, true)];
  const [y0, y1] = [decade(Math.min(...ys, copyGbps * x0) / 2, false), decade(computeGflops * 2, true)];
  const X = (v: number) => PLOT.left + (PLOT.width * Math.log10(v / x0)) / Math.log10(x1 / x0);
  const Y = (v: number) => PLOT.top + PLOT.height - (PLOT.height * Math.log10(v / y0)) / Math.log10(y1 / y0);
  const legend = points.map((p, i) => {
    const text = `${i + 1}. ${p.row.suite}: ${p.row.case}, ${p.row.variant} - ${fmt(p.gflops)} at ${fmt(p.intensity)} (${p.roofPct.toFixed(0)}%)`;
    return text.length > LEGEND_CHARS ? `${text.slice(0, LEGEND_CHARS - 3)}...` : text;
  });
  // Rows that move data but declare no FLOPs have no place on log axes: listed under the points with their bandwidth.
  const memoryOnly = r.suites.flatMap((s) => s.rows).filter((row) => !row.flop && row.bytes > 0 && row.suite !== 'peaks' && (row.figures.gbps?.value ?? 0) > 0);
  if (memoryOnly.length) legend.push('', 'No FLOPs (not on the axes): GB/s (% of copy)');
  for (const row of memoryOnly) legend.push(`${row.suite}: ${row.case}, ${row.variant} - ${fmt(row.figures.gbps!.value!)} GB/s (${(row.figures.copyPct?.value ?? 0).toFixed(0)}%)`.slice(0, LEGEND_CHARS));
  const width = LEGEND_X + CHAR_WIDTH * Math.max(80, ...legend.map((t) => t.length)) + 20;
  const legendHeight = 40 + LINE * (legend.length + 4);
  const height = Math.max(PLOT.top + PLOT.height + 70, legendHeight);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${PLOT.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`,
    `<text x="${PLOT.left}" y="38" fill="#555">${esc(`${r.adapter.kind} (${[r.adapter.architecture, r.adapter.description].filter(Boolean).join(', ')}), ${r.date.slice(0, 10)}; wall-clock medians; load average ${r.machine.loadBefore?.map((v) => v.toFixed(1)).join(' ') ?? '?'}`)}</text>`,
  ];
  // Decade grid and tick labels.
  for (let v = x0; v <= x1 * 1.001; v *= 10) {
    out.push(`<line x1="${X(v)}" y1="${PLOT.top}" x2="${X(v)}" y2="${PLOT.top + PLOT.height}" stroke="#ddd"/>`, `<text x="${X(v)}" y="${PLOT.top + PLOT.height + 16}" text-anchor="middle">${fmt(v)}</text>`);
  }
  for (let v = y0; v <= y1 * 1.001; v *= 10) {
    out.push(`<line x1="${PLOT.left}" y1="${Y(v)}" x2="${PLOT.left + PLOT.width}" y2="${Y(v)}" stroke="#ddd"/>`, `<text x="${PLOT.left - 6}" y="${Y(v) + 4}" text-anchor="end">${fmt(v)}</text>`);
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}" fill="none" stroke="#333"/>`,
    `<text x="${PLOT.left + PLOT.width / 2}" y="${PLOT.top + PLOT.height + 36}" text-anchor="middle">arithmetic intensity (FLOP per byte of the tensors bound, log)</text>`,
    `<text transform="translate(${PLOT.left - 48} ${PLOT.top + PLOT.height / 2}) rotate(-90)" text-anchor="middle">achieved GFLOP/s (log)</text>`,
  );
  // The roof: bandwidth slope from the left edge to the ridge, then the compute ceiling.
  const xl = Math.max(x0, y0 / copyGbps);
  out.push(
    `<polyline points="${X(xl)},${Y(copyGbps * xl)} ${X(ridge)},${Y(computeGflops)} ${X(x1)},${Y(computeGflops)}" fill="none" stroke="#000" stroke-width="2"/>`,
    `<text x="${X(x1) - 4}" y="${Y(computeGflops) - 6}" text-anchor="end" font-weight="bold">compute probe ${fmt(computeGflops)} GFLOP/s</text>`,
    `<text transform="translate(${X(Math.sqrt(xl * ridge))} ${Y(copyGbps * Math.sqrt(xl * ridge)) - 8}) rotate(${-(Math.atan2(Y(copyGbps * xl) - Y(computeGflops), X(ridge) - X(xl)) * 180) / Math.PI})" text-anchor="middle" font-weight="bold">copy ${fmt(copyGbps)} GB/s</text>`,
  );
  points.forEach((p, i) => {
    const colour = SUITE_COLOURS[p.row.suite] ?? '#17becf';
    out.push(
      `<circle cx="${X(p.intensity)}" cy="${Y(p.gflops)}" r="4.5" fill="${colour}" fill-opacity="0.8"><title>${esc(`${p.row.suite}: ${p.row.case}, ${p.row.variant}`)}</title></circle>`,
      `<text x="${X(p.intensity) + 6}" y="${Y(p.gflops) - 4}" font-size="10" fill="${colour}">${i + 1}</text>`,
    );
  });
  out.push(`<text x="${LEGEND_X}" y="${PLOT.top}" font-weight="bold">point: suite, case, variant - GFLOP/s at FLOP/B (% of the roof above it)</text>`);
  legend.forEach((text, i) => {
    const suite = i < points.length ? points[i].row.suite : memoryOnly[i - points.length - 2]?.suite;
    const colour = SUITE_COLOURS[suite ?? 'peaks'] ?? '#17becf';
    out.push(`<text x="${LEGEND_X}" y="${PLOT.top + LINE * (i + 1.5)}" fill="${colour}">${esc(text)}</text>`);
  });
  out.push('</svg>', '');
  return out.join('\n');
}
