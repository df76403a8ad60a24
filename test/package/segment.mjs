// A Node ESM app using the installed package: segments the shipped example and checks the
// mask against its ground truth (the reference model's IoU on it is 0.9915).
import { fileURLToPath } from 'node:url';
import { ADAPTER_KINDS, FianetError, encodeMaskPng, loadSegmenter, readImageFile } from 'fianet-webgpu';

const pkg = (p) => fileURLToPath(new URL(`./node_modules/fianet-webgpu/${p}`, import.meta.url));
const check = (ok, what) => {
  if (!ok) throw new Error(`segment.mjs: ${what}`);
};

check(ADAPTER_KINDS.includes('auto'), 'ADAPTER_KINDS lacks auto');
const model = await loadSegmenter({ weights: pkg('weights/demo.safetensors'), adapter: process.env.FIANET_ADAPTER ?? 'auto' });
const result = await model.segment({ image: await readImageFile(pkg('examples/example1.png')), text: 'a green tennis court on the far right' });
model.destroy();
check(result.size === 128 && result.mask.length === 128 * 128, `mask of ${result.mask.length} pixels`);
check(result.tokens.words?.join(' ') === 'a green tennis court on the far right', 'words');

// Ground truth 256 x 256; compared at 128 (PIL nearest samples pixel 2i + 1).
const truth = await readImageFile(pkg('examples/example1_mask.png'));
let inter = 0;
let union = 0;
for (let y = 0; y < 128; y++) {
  for (let x = 0; x < 128; x++) {
    const a = result.mask[y * 128 + x] === 1;
    const b = truth.rgb[((2 * y + 1) * 256 + 2 * x + 1) * 3] > 0;
    inter += Number(a && b);
    union += Number(a || b);
  }
}
check(inter / union > 0.98, `IoU with the ground truth ${inter / union}`);
check(encodeMaskPng(result.mask, 128, 128).length > 0, 'encodeMaskPng');

// Bad input is a FianetError with a code; internals are not reachable.
const missing = await loadSegmenter({ weights: 'no-such.safetensors' }).catch((e) => e);
check(missing instanceof FianetError && missing.code === 'bad-input', `missing weights gave ${missing}`);
const deep = await import('fianet-webgpu/dist/node.js').catch((e) => e);
check(deep?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'a deep import reached a file outside the exports');
console.log(`test-package: Node ESM app: example1 IoU ${(inter / union).toFixed(4)}, ${result.timings.total?.toFixed(0)} ms on ${result.size} x ${result.size}`);
