#!/usr/bin/env node
// `npm run fuzz`: bundles the harness (fuzz/main.ts) and its worker (fuzz/worker.ts) with
// esbuild into fuzz/.build/, then runs it. The worker bundle carries the parsers it fuzzes.
import { build } from 'esbuild';

const outdir = new URL('./.build/', import.meta.url).pathname;
await build({
  entryPoints: { main: new URL('./main.ts', import.meta.url).pathname, worker: new URL('./worker.ts', import.meta.url).pathname },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
const { main } = await import(`${outdir}main.mjs`);
process.exitCode = await main(process.argv.slice(2), `${outdir}worker.mjs`);
