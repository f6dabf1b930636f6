// Client tests run in jsdom with an in-memory IndexedDB.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest has no globals, so Testing Library cannot unmount rendered screens on its own.
afterEach(() => {
  cleanup();
});
