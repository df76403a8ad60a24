/**
 * `fianet info FILE.safetensors`: the tensor table of a file (name, dtype, shape, bytes),
 * totals, whether BatchNorm is folded, and the metadata map. Only the header is read.
 */
import { numel, shapeText } from '../io/dtype.js';
import { openSafetensors, type ByteSource } from '../io/safetensors.js';
import { BN_FOLDED_METADATA } from '../model/batch-norm-fold.js';
import { fileSource } from '../node/safetensors-file.js';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A cell from the file, made safe to print: control characters escaped (a name must not
 * drive the terminal) and cut at `max` characters (one 10 MB name would otherwise pad every
 * row of the table to 10 MB).
 */
function cell(text: string, max = 120): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function table(rows: string[][], rightAligned: Set<number>): string[] {
  // A loop, not Math.max(...column): a file may hold hundreds of thousands of tensors.
  const widths = rows[0]!.map(() => 0);
  for (const r of rows) r.forEach((cell, c) => (widths[c] = Math.max(widths[c]!, cell.length)));
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
    return await describeSource(source);
  } finally {
    await source.close?.();
  }
}

/** The description of any byte source (a file, or bytes in memory for tests and fuzzing). */
export async function describeSource(source: ByteSource): Promise<string> {
  const file = await openSafetensors(source);
  const rows = [['name', 'dtype', 'shape', 'bytes']];
  let params = 0;
  let bytes = 0;
  for (const t of file.tensors.values()) {
    const size = t.dataOffsets[1] - t.dataOffsets[0];
    params += numel(t.shape);
    bytes += size;
    rows.push([cell(t.name), t.dtype, cell(shapeText(t.shape), 60), count(size)]);
  }
  const lines = [`${file.label}: ${count(source.size)} bytes, header ${count(file.dataStart - 8)} bytes`, ''];
  for (const line of table(rows, new Set([3]))) lines.push(line);
  lines.push('', `${count(file.tensors.size)} tensors, ${count(params)} parameters, ${count(bytes)} bytes`);
  if (file.metadata[BN_FOLDED_METADATA] === 'true') lines.push('BatchNorm: folded into the convolutions (fianet convert --fold-bn)');
  const meta = Object.entries(file.metadata);
  if (meta.length > 0) {
    lines.push('', 'metadata:');
    // Long values (a JSON config) are cut so the table stays readable.
    const metaRows = meta.map(([k, v]) => ['  ' + cell(k), v.length > 200 ? `${cell(v, 200)} (${count(v.length)} chars)` : cell(v, 200)]);
    for (const line of table(metaRows, new Set())) lines.push(line);
  }
  return lines.join('\n');
}
