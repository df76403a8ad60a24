/**
 * A bounds check of a TIFF's directory chain before geotiff.js parses it. geotiff.js follows
 * the next-IFD pointers without loop detection (a directory pointing at itself never ends) and
 * allocates each tag's values from the declared count (a count of 2^32 DOUBLEs is 32 GiB).
 * Here every directory of the chain up to `maxImages` is read once: a loop, a directory past
 * the end of the file or a tag value that would run past it is refused, naming the file, so
 * no value array can be larger than the file. Returns how many directories (images) to open.
 */
import { FianetError, quote } from '../errors.js';
import type { ByteSource } from '../io/safetensors.js';

/** Bytes per value of each TIFF field type (BYTE ... IFD8); other types are refused by geotiff.js. */
const TYPE_BYTES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8 };

export async function scanTiffDirectories(source: ByteSource, maxImages: number): Promise<number> {
  const { label, size } = source;
  const bad = (what: string) => new FianetError('bad-input', `${label}: not a readable TIFF (${what})`);
  const bytesAt = async (offset: number, length: number): Promise<DataView> => {
    if (!(offset >= 0 && offset + length <= size)) throw bad(`a directory at byte ${quote(offset)} runs past the end of the file (${size} bytes)`);
    const b = await source.read(offset, length);
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  };
  const head = await bytesAt(0, Math.min(16, size));
  if (head.byteLength < 8) throw bad('shorter than a TIFF header');
  const le = head.getUint8(0) === 0x49;
  const big = head.getUint16(2, le) === 43;
  if (big && head.byteLength < 16) throw bad('shorter than a BigTIFF header');
  const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, le));
  const [countBytes, entryBytes, pointerBytes] = big ? [8, 20, 8] : [2, 12, 4];
  let offset = big ? u64(head, 8) : head.getUint32(4, le);
  const seen = new Set<number>();
  while (offset !== 0 && seen.size < maxImages) {
    if (seen.has(offset)) throw bad(`its directory chain loops back to byte ${offset}`);
    seen.add(offset);
    const countView = await bytesAt(offset, countBytes);
    const entries = big ? u64(countView, 0) : countView.getUint16(0, le);
    const table = await bytesAt(offset + countBytes, entries * entryBytes + pointerBytes);
    for (let i = 0; i < entries; i++) {
      const at = i * entryBytes;
      const typeBytes = TYPE_BYTES[table.getUint16(at + 2, le)] ?? 1;
      const length = (big ? u64(table, at + 4) : table.getUint32(at + 4, le)) * typeBytes;
      if (length <= pointerBytes) continue;
      const valueAt = big ? u64(table, at + 12) : table.getUint32(at + 8, le);
      if (valueAt + length > size) {
        throw bad(`tag ${table.getUint16(at, le)} declares ${length} bytes of values at byte ${valueAt}, past the end of the file (${size} bytes)`);
      }
    }
    offset = big ? u64(table, entries * entryBytes) : table.getUint32(entries * entryBytes, le);
  }
  if (seen.size === 0) throw bad('it has no image directory');
  return seen.size;
}
