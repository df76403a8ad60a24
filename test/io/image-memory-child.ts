// Run by image-memory.test.ts in its own Node process (bundled by esbuild): decodes every
// hostile image and prints, as JSON, the process's peak resident memory before and after each.
import { decodeImage } from '../../src/io/image-decode.js';
import { HOSTILE_IMAGES } from './hostile-images.js';

const files = HOSTILE_IMAGES.map((c) => ({ name: c.name, bytes: c.bytes() }));
const peakMiB = () => process.resourceUsage().maxRSS / 1024;
const before = peakMiB();
const after: Record<string, number> = {};
for (const { name, bytes } of files) {
  try {
    decodeImage(bytes, name);
  } catch {
    // the messages are image-hostile.test.ts's business
  }
  after[name] = peakMiB();
  // Collect each case's garbage (run with --expose-gc) so the next case's peak is its own.
  (globalThis as { gc?: () => void }).gc?.();
}
console.log(JSON.stringify({ before, after }));
