import { defineConfig } from 'vitest/config';

// Slow suites: large-file CLI runs, fuzzing and growth checks. `npm run test:slow`; CI runs it.
export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
