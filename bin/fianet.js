#!/usr/bin/env node
// The CLI is bundled by `npm run build` into dist/cli.js (src/cli/launch.ts).
import { existsSync } from 'node:fs';
const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  console.error('fianet: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}
const { launch } = await import(bundle.href);
process.exitCode = await launch(process.argv.slice(2));
