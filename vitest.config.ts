import { defineConfig } from 'vitest/config';

// Projects mirror tests/: pure domain and server tests run in Node; client tests in jsdom with
// fake-indexeddb; e2e tests drive Debian's Chromium and run only with `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          environment: 'node',
          include: ['tests/domain/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          // Cheap password hashes (sync-server/src/auth/password.ts), and time limits that only
          // catch a hang: on a busy 2-core machine a PostgreSQL test can take several seconds.
          env: { FIELDNOTE_TEST_SCRYPT_LOG2_N: '10' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/client/setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
