import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end suites start the CLI and a browser; the rest run in milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
