// Browser bundles: the library (dist/fianet.browser.js), the demo page's module
// (dist/web/demo.js) and the bench page's (dist/web/bench.js). ES modules for the browser platform; any Node built-in or the Dawn
// package reaching these graphs fails the build, naming the importer, so a Node-only
// import slipping into src/ is caught here rather than as a blank page.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { statSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const NODE_ONLY = new Set([...builtinModules, 'webgpu']);

/** Whether the package that holds `importer` maps `name` to false in its "browser" field. */
function browserStubbed(importer, name) {
  const root = importer.match(/^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//)?.[1];
  if (!root) return false;
  const browser = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).browser;
  return typeof browser === 'object' && browser !== null && browser[name] === false;
}

/** @type {import('esbuild').Plugin} */
const noNodeModules = {
  name: 'no-node-modules',
  setup(b) {
    // Bare specifiers only: relative imports are our own files.
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!args.path.startsWith('node:') && !NODE_ONLY.has(args.path)) return undefined;
      // A package may stub a Node module out for browsers itself (package.json "browser":
      // {"fs": false}, as geotiff does for its file and http sources); esbuild honours that.
      if (browserStubbed(args.importer, args.path)) return undefined;
      return { errors: [{ text: `'${args.path}' is Node-only and cannot be in a browser bundle (imported by ${args.importer}); move that code behind an adapter in src/node` }] };
    });
  },
};

const outputs = { 'dist/fianet.browser.js': 'src/browser.ts', 'dist/web/demo.js': 'web/demo.ts', 'dist/web/bench.js': 'web/bench.ts' };
const result = await build({
  entryPoints: Object.entries(outputs).map(([out, inp]) => ({ in: inp, out: out.replace(/^dist\//, '').replace(/\.js$/, '') })),
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  plugins: [noNodeModules],
  logLevel: 'warning',
}).catch(() => process.exit(1)); // esbuild has printed the errors; its stack trace adds nothing

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
/** Size report groups: each npm package, and our own code as one. */
const groupOf = (path) => path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'ours (src/, web/)';
for (const out of Object.keys(outputs)) {
  const size = statSync(out).size;
  // The largest inputs per bundle, so a dependency that grows is seen at build time.
  const groups = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(result.metafile.outputs[out].inputs)) {
    groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + bytesInOutput);
  }
  const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ');
  console.log(`built ${out}: ${kb(size)} (${kb(gzipSync(readFileSync(out)).length)} gzipped); ${top}`);
}
