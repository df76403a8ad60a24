/**
 * bench/peers is run by hand (it needs its own npm packages and ONNX models, bench/peers/setup.sh),
 * so nothing else notices when a move in src/ breaks its imports (one did: `../harness.ts` after
 * the harness moved to src/bench). This bundles its Node driver and its page the way run.mjs
 * does, with the peers' packages left external, so a dangling import or export fails here.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../bench/peers/', import.meta.url));
const common = { bundle: true, format: 'esm', target: 'es2022', write: false, logLevel: 'silent', absWorkingDir: root } as const;

describe('bench/peers', () => {
  it('bundles its Node driver and its page from the current sources', async () => {
    const node = await build({ ...common, entryPoints: ['main.mjs'], platform: 'node', packages: 'external' });
    const page = await build({ ...common, entryPoints: ['page.mjs'], platform: 'browser', external: ['onnxruntime-web', '@tensorflow/*'] });
    expect(node.errors).toEqual([]);
    expect(page.errors).toEqual([]);
    expect(node.outputFiles[0].text).toContain('swinBlock');
  });
});
