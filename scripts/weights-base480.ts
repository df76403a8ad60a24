/**
 * `npm run weights:base480 -- OUT.safetensors`: the base480 formula weights (Swin-B + BERT-base,
 * RRSIS-D variant: 842 tensors, 256,187,250 float32 values, ~1 GB) with their config in the
 * safetensors metadata, so the full-size model runs through the CLI like any checkpoint.
 * Progress goes to stderr. Bundled to dist/weights-base480.js by scripts/build.mjs.
 */
import { FianetError } from '../src/errors.js';
import { publishedConfig } from '../src/model/config.js';
import { writeFormulaWeightsFile } from '../src/node/formula-weights-file.js';

export async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    console.error('usage: npm run weights:base480 -- OUT.safetensors\n\nWrites the base480 formula weights (~1 GB) with the model config in the metadata.');
    return argv.includes('--help') || argv.includes('-h') ? 0 : 1;
  }
  const out = argv[0];
  const t0 = performance.now();
  let lastPercent = -1;
  try {
    const summary = await writeFormulaWeightsFile(out, publishedConfig('rrsisd', 480), (done, total, tensor) => {
      const percent = Math.floor((100 * done) / total);
      if (percent >= lastPercent + 5 || done === total) {
        lastPercent = percent;
        console.error(`weights:base480: ${String(percent).padStart(3)}%  ${(done / 1e6).toFixed(1)}M of ${(total / 1e6).toFixed(1)}M values  (${tensor})`);
      }
    });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`${out}: ${summary.tensors} tensors, ${summary.params.toLocaleString('en-US')} parameters, ${summary.bytes.toLocaleString('en-US')} bytes (F32), ${seconds} s`);
    return 0;
  } catch (e) {
    if (e instanceof FianetError) {
      console.error(`weights:base480: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
