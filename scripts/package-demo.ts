/**
 * Packages the demo model shipped in weights/: the reference-trained weights of
 * the authors' demo run (test/DATA.md; its weights.safetensors is not kept under test/demo: the
 * tensors are copied bit for bit into weights/demo.safetensors) with its config in the safetensors metadata
 * (`fianet_config`), so `--weights weights/demo.safetensors` is all a user passes.
 * Run once by a maintainer: `npm run build && node dist/package-demo.js DEMO_RUN_DIR weights/demo.safetensors`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSafetensors } from '../src/io/safetensors.js';
import { parseConfig } from '../src/model/config.js';
import { fileSource, writeSafetensorsFile } from '../src/node/safetensors-file.js';

const [demoDir, out] = process.argv.slice(2);
if (!demoDir || !out) {
  console.error('usage: node dist/package-demo.js DEMO_DIR OUT.safetensors');
  process.exit(1);
}
const config = JSON.parse(readFileSync(join(demoDir, 'config.json'), 'utf8'));
parseConfig(config, 'demo config.json'); // validate before writing
const file = await openSafetensors(await fileSource(join(demoDir, 'weights.safetensors')));
const tensors = [];
for (const [name, info] of file.tensors) tensors.push({ name, dtype: info.dtype, shape: info.shape, data: await file.readRaw(name) });
const keep = { model_name: config.model_name, producer: config.producer, image: config.image, model: config.model, text: config.text, masks: config.masks, categories: config.categories };
await writeSafetensorsFile(out, tensors, { format: 'pt', fianet_config: JSON.stringify(keep), source: 'demo run (FIANet trained on synthetic aerial scenes by the reference code)' });
console.log(`wrote ${out}: ${tensors.length} tensors`);
