import { defineConfig } from 'vitest/config';

// Projects mirror tests/: pure domain and server tests run in Node; client tests in jsdom with
// fake-indexeddb; e2e tests drive Debian's Chromium and run only with `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', environment: 'node', include: ['tests/domain/**/*.test.ts'] } },
      { test: { name: 'server', environment: 'node', include: ['tests/server/**/*.test.ts'] } },
      {
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/client/setup.ts'],
        },
      },
    ],
  },
});
