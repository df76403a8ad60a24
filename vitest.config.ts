import { defineConfig } from 'vitest/config';

// The default suite stays fast on CPU adapters; full-size (base480c) checks run apart
// with FIANET_SUITE=full (npm run test:full), which CI also runs.
const full = process.env.FIANET_SUITE === 'full';

export default defineConfig({
  test: {
    include: full ? ['test/full/**/*.test.ts'] : ['test/**/*.test.ts'],
    exclude: full ? [] : ['test/full/**', 'node_modules/**'],
    // Dawn is a native addon: run test files in child processes, not worker threads.
    pool: 'forks',
    // Two cores: GPU tests on CPU adapters already use every thread llvmpipe has.
    maxWorkers: 2,
    // On a fresh machine Mesa compiles every pipeline on first use (no shader cache yet): a
    // whole-model test then takes ~100 s instead of ~5 s (measured with MESA_SHADER_CACHE_DISABLE).
    testTimeout: full ? 900_000 : 600_000,
    hookTimeout: full ? 900_000 : 600_000,
  },
});
