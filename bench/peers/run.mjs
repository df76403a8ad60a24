#!/usr/bin/env node
// The peer benchmark of issue #9 (see README.md):
//   bash bench/peers/setup.sh && node bench/peers/run.mjs [--only ITEMS] [--runs N] [--json FILE]
// Bundles the Node driver (dist/main.mjs) and the page (dist/page.js) from the current sources
// with esbuild, so a re-run measures the engine as it is in the working tree, then runs it.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
for (const need of ['node_modules/onnxruntime-web', 'models/swin_block.safetensors', 'models/bert_layer.safetensors']) {
  if (!existsSync(new URL(need, import.meta.url))) {
    console.error(`bench/peers/${need} is missing: run \`bash bench/peers/setup.sh\` first`);
    process.exit(1);
  }
}
const common = { bundle: true, format: 'esm', target: 'es2022', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
try {
  await build({
    ...common,
    entryPoints: { main: 'main.mjs' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    // ORT, TF.js, webgpu and playwright-core load from node_modules at run time (ORT finds
    // its wasm and worker scripts next to its own files).
    packages: 'external',
  });
  await build({ ...common, entryPoints: { page: 'page.mjs' }, outdir: 'dist', platform: 'browser' });
} catch {
  process.exit(1); // esbuild has printed the errors
}
const { main } = await import(new URL('dist/main.mjs', import.meta.url).href);
// ORT's wasm worker threads would keep the process alive.
process.exit(await main(process.argv.slice(2), root));
