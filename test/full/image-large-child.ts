// Run by image-large.test.ts in its own process: the image side of
// `segment --original-size --overlay` on a large PNG (read, mask at the source size, overlay),
// the model replaced by a fixed 480 x 480 mask. Prints the peak resident memory as JSON.
import { writeFileAtomic } from '../../src/node/atomic-write.js';
import { readImageFile } from '../../src/node/image-file.js';
import { overlayPngParts } from '../../src/io/overlay.js';
import { resizedMaskPngParts } from '../../src/io/png-encode.js';

const [input, out] = process.argv.slice(2) as [string, string];
const S = 480;
const mask = Uint8Array.from({ length: S * S }, (_, i) => ((i % S) - 240) ** 2 + (Math.floor(i / S) - 200) ** 2 < 120 ** 2 ? 1 : 0);
const start = performance.now();
const image = await readImageFile(input, { maxPixels: 1e9 });
const decodedS = (performance.now() - start) / 1000;
await writeFileAtomic(`${out}-mask.png`, resizedMaskPngParts(mask, S, S, image.width, image.height));
await writeFileAtomic(`${out}-overlay.png`, overlayPngParts(image, mask, S, S));
console.log(JSON.stringify({ peakMiB: process.resourceUsage().maxRSS / 1024, decodedS, totalS: (performance.now() - start) / 1000 }));
