import { defineConfig } from 'vitest/config';

// The browser tests (npm run test:browser): real headless Chromium on SwiftShader, minutes
// per model load, so they stay out of the default suite (their files end in .browser.ts,
// which its test/**/*.test.ts pattern does not match). One file at a time: each holds a
// Chromium whose GPU process already uses every core of a CPU adapter.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
