// Renders a feature's screen as the app would: inside a ServicesContext over a real device
// database (fake-indexeddb) and the real write path. The API is a test double (offline unless a
// test says otherwise). Synthetic people only.
import { render, type RenderResult } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach } from 'vitest';
import type { ReactElement } from 'react';
import {
  openDeviceDatabase,
  saveChanges,
  type AccountRow,
  type Change,
  type DeviceDatabase,
  type ProviderSummary,
} from '../../../src/db';
import { newId } from '../../../src/domain/records';
import { DEFAULT_LOCK_POLICY } from '../../../src/domain/protocol';
import { newKey } from '../../../src/db/crypto/cipher';
import { createSyncStatusStore } from '../../../src/sync';
import { ServicesContext, type AppServices } from '../../../src/shared/services';

/** 2026-03-10 18:00 UTC = 13:00 in Minneapolis (daylight saving time began March 8). */
export const TEST_NOW = Date.parse('2026-03-10T18:00:00Z');
export const TEST_TODAY = '2026-03-10';

export const TEST_PROVIDER: ProviderSummary = {
  id: '0'.repeat(31) + 'a',
  name: 'Synthetic Family Case Management',
  projectType: 6,
  funders: [1],
};

export function testAccount(overrides: Partial<AccountRow> = {}): AccountRow {
  return {
    userId: newId(),
    username: 'test.casemanager',
    displayName: 'Test Casemanager',
    role: 'case_manager',
    providers: [TEST_PROVIDER],
    refreshTokenSealed: null,
    refreshTokenExpiresAt: null,
    sealing: null,
    policy: DEFAULT_LOCK_POLICY,
    providerId: TEST_PROVIDER.id,
    lastServerContactAt: TEST_NOW,
    failedUnlocks: 0,
    unlockBlockedUntil: 0,
    ...overrides,
  };
}

export interface TestServices extends AppServices {
  /** Every save's changes, in order. */
  saved: Change[][];
  syncCalls: number;
}

const opened: DeviceDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

export async function makeServices(
  overrides: Partial<AppServices> & { db?: DeviceDatabase } = {},
): Promise<TestServices> {
  const account = overrides.account ?? testAccount();
  // Encrypted at rest under a data key of its own, as the app opens it.
  const key = newKey();
  const db =
    overrides.db ??
    (await openDeviceDatabase(account.userId, { now: () => TEST_NOW, dataKey: () => key }));
  opened.push(db);
  const provider = overrides.provider ?? account.providers[0]!;
  const services: TestServices = {
    db,
    account,
    unlockedUntil: TEST_NOW + 3_600_000,
    provider,
    saved: [],
    syncCalls: 0,
    status: createSyncStatusStore(),
    async save(changes) {
      const list = Array.isArray(changes) ? [...changes] : [changes as Change];
      services.saved.push(list);
      return saveChanges(db, list, { providerId: provider.id });
    },
    async syncNow() {
      services.syncCalls += 1;
      return 'ok';
    },
    api: () => Promise.reject(new TypeError('Failed to fetch (offline in this test)')),
    async switchProvider() {},
    async lock() {},
    async signOut() {},
    now: () => TEST_NOW,
    today: () => TEST_TODAY,
    ...overrides,
  } as TestServices;
  return services;
}

export function renderWithServices<S extends AppServices>(
  ui: ReactElement,
  services: S,
): RenderResult & { services: S } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={client}>
      <ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, services };
}
