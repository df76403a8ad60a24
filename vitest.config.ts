import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Dawn is a native addon: run test files in child processes, not worker threads.
    pool: 'forks',
    // Two cores: GPU tests on CPU adapters already use every thread llvmpipe has.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
