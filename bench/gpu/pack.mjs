#!/usr/bin/env node
// Packs the GPU kit (README.md): everything `fianet bench` needs on a bare Linux machine
// that has only an NVIDIA driver, in one tarball:
//   node bench/gpu/pack.mjs [--out DIR]      (default test-output; writes DIR/fianet-gpu-kit.tar.gz)
// - bin/node: this Node binary (glibc >= 2.28);
// - fianet.mjs, profile.mjs: the CLI and bench/gpu/profile-model.ts bundled from the
//   working tree's sources with their JS dependencies inlined (only `webgpu` stays outside);
// - node_modules/webgpu: the package's loader and its linux-x64 dawn.node (glibc >= 2.34);
// - lib/libvulkan.so.1: this machine's Vulkan loader (Dawn opens it by name);
// - lib-cxx/: this machine's libstdc++ and libgcc_s, used only where the system's are too
//   old for dawn.node (run.sh tries the system's first);
// - run.sh, tiny-config.json (the quick mode's model).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? join(repo, 'test-output');
const kit = join(out, 'fianet-gpu-kit');
const LIBS = '/usr/lib/x86_64-linux-gnu';

if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`the kit is for linux-x64; this is ${process.platform}-${process.arch}`);
rmSync(kit, { recursive: true, force: true });
mkdirSync(join(kit, 'bin'), { recursive: true });

const common = {
  bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', absWorkingDir: repo, external: ['webgpu'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
await build({
  ...common,
  stdin: { contents: "import { launch } from './src/cli/launch.ts';\nprocess.exitCode = await launch(process.argv.slice(2));\n", resolveDir: repo, loader: 'ts' },
  outfile: join(kit, 'fianet.mjs'),
});
await build({
  ...common,
  stdin: { contents: "import { main } from './bench/gpu/profile-model.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n", resolveDir: repo, loader: 'ts' },
  outfile: join(kit, 'profile.mjs'),
});

const webgpu = join(repo, 'node_modules/webgpu');
mkdirSync(join(kit, 'node_modules/webgpu/dist/linux-x64'), { recursive: true });
for (const f of ['package.json', 'index.js', 'LICENSE.md', 'dist/linux-x64/dawn.node']) copyFileSync(join(webgpu, f), join(kit, 'node_modules/webgpu', f));
copyFileSync(process.execPath, join(kit, 'bin/node'));
mkdirSync(join(kit, 'lib'));
copyFileSync(realpathSync(join(LIBS, 'libvulkan.so.1')), join(kit, 'lib/libvulkan.so.1'));
mkdirSync(join(kit, 'lib-cxx'));
for (const lib of ['libstdc++.so.6', 'libgcc_s.so.1']) copyFileSync(realpathSync(join(LIBS, lib)), join(kit, 'lib-cxx', lib));
cpSync(join(here, 'run.sh'), join(kit, 'run.sh'));
copyFileSync(join(repo, 'test/fixtures/tiny/config.json'), join(kit, 'tiny-config.json'));
const commit = execFileSync('git', ['-C', repo, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['-C', repo, 'status', '--porcelain', '--', 'src', 'bench'], { encoding: 'utf8' }).trim() ? ' + uncommitted changes' : '';
writeFileSync(join(kit, 'VERSION'), `${commit}${dirty}, packed ${new Date().toISOString()}\n`);

const tarball = join(out, 'fianet-gpu-kit.tar.gz');
execFileSync('tar', ['-czf', tarball, '-C', out, 'fianet-gpu-kit']);
const mib = (p) => (statSync(p).size / 2 ** 20).toFixed(1);
console.log(`${tarball}: ${mib(tarball)} MiB (node ${mib(join(kit, 'bin/node'))} MiB, dawn.node ${mib(join(kit, 'node_modules/webgpu/dist/linux-x64/dawn.node'))} MiB unpacked)`);
