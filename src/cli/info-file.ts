/**
 * `fianet info FILE.safetensors`: the tensor table of a file (name, dtype, shape, bytes),
 * totals, whether BatchNorm is folded, and the metadata map. Only the header is read.
 */
import { numel, shapeText } from '../io/dtype.js';
import { openSafetensors } from '../io/safetensors.js';
import { BN_FOLDED_METADATA } from '../model/batch-norm-fold.js';
import { fileSource } from '../node/safetensors-file.js';

const count = (n: number) => n.toLocaleString('en-US');

function table(rows: string[][], rightAligned: Set<number>): string[] {
  // A loop, not Math.max(...column): a file may hold hundreds of thousands of tensors.
  const widths = rows[0]!.map((_, c) => rows.reduce((w, r) => Math.max(w, r[c]!.length), 0));
  return rows.map((r) =>
    r
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

export async function describeSafetensors(path: string): Promise<string> {
  const source = await fileSource(path);
  try {
    const file = await openSafetensors(source);
    const rows = [['name', 'dtype', 'shape', 'bytes']];
    let params = 0;
    let bytes = 0;
    for (const t of file.tensors.values()) {
      const size = t.dataOffsets[1] - t.dataOffsets[0];
      params += numel(t.shape);
      bytes += size;
      rows.push([t.name, t.dtype, shapeText(t.shape), count(size)]);
    }
    // concat, not push(...rows): hundreds of thousands of rows overflow the argument stack.
    const lines = [`${file.label}: ${count(source.size)} bytes, header ${count(file.dataStart - 8)} bytes`, ''].concat(table(rows, new Set([3])));
    lines.push('', `${count(file.tensors.size)} tensors, ${count(params)} parameters, ${count(bytes)} bytes`);
    if (file.metadata[BN_FOLDED_METADATA] === 'true') lines.push('BatchNorm: folded into the convolutions (fianet convert --fold-bn)');
    const meta = Object.entries(file.metadata);
    if (meta.length > 0) {
      lines.push('', 'metadata:');
      // Long values (a JSON config) are cut so the table stays readable.
      const metaRows = meta.map(([k, v]) => ['  ' + k, v.length > 200 ? `${v.slice(0, 200)}... (${count(v.length)} chars)` : v]);
      for (const line of table(metaRows, new Set())) lines.push(line);
    }
    return lines.join('\n');
  } finally {
    await source.close?.();
  }
}
