// Bundles the Node CLI (dist/cli.js), the Node library (dist/node.js) and the browser library (dist/fianet.browser.js).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/launch.ts', node: 'src/node.ts', 'package-demo': 'scripts/package-demo.ts', 'formula-weights': 'scripts/formula-weights.ts', 'load-time': 'scripts/load-time.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
console.log('built dist/cli.js, dist/node.js');
await import('./build-browser.mjs');
