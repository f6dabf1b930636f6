import { defineConfig } from 'vitest/config';

// End-to-end tests: the real sync server in-process and Debian's Chromium via playwright-core.
// `npm run test:e2e` builds the PWA first (dist/ is a precondition).
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    retry: 0,
  },
});
