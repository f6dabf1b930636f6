// Migration 008_project_descriptors and the providers' HUD project descriptors on each storage:
// a provider with every descriptor round-trips, and a row stored before 008 reads back with nulls
// and empty lists. Synthetic data only.
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_PROJECT_DESCRIPTORS, type Provider } from '../../../src/domain/records';
import { migrations } from '../../../sync-server/src/storage/migrations';
import type { Database } from '../../../sync-server/src/storage/schema';
import { provider } from './fixtures';
import {
  STORAGE_KINDS,
  createTestDatabase,
  openTestStorage,
  type TestDatabase,
} from './test-storage';

const MIGRATION = '008_project_descriptors';

const FULL: Provider = provider(1, {
  projectType: 6,
  organizationId: 'synthetic-org',
  victimServiceProvider: 0,
  operatingStartDate: '2020-01-01',
  operatingEndDate: '2030-12-31',
  continuumProject: 1,
  residentialAffiliation: 1,
  hmisParticipationType: 2,
  hopwaMedAssistedLivingFac: 1,
  targetPopulation: 3,
  hudFunders: [
    { funder: 15, otherFunder: null, grantId: 'TEST-1', startDate: '2025-10-01', endDate: null },
    {
      funder: 46,
      otherFunder: 'Synthetic City Fund',
      grantId: null,
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    },
  ],
  projectCocs: [
    {
      cocCode: 'MN-500',
      geocode: '279053',
      address1: '1 Test Street',
      address2: 'Suite 2',
      city: 'Minneapolis',
      state: 'MN',
      zip: '55415',
      geographyType: 1,
    },
    {
      cocCode: 'MN-501',
      geocode: '271234',
      address1: null,
      address2: null,
      city: null,
      state: null,
      zip: null,
      geographyType: 99,
    },
  ],
  hmisParticipation: [
    { type: 1, startDate: '2020-01-01', endDate: '2021-12-31' },
    { type: 2, startDate: '2022-01-01', endDate: null },
  ],
  ceParticipation: [
    {
      accessPoint: 1,
      preventionAssessment: 0,
      crisisAssessment: 1,
      housingAssessment: 1,
      directServices: 0,
      receivesReferrals: 1,
      startDate: '2022-01-01',
      endDate: null,
    },
  ],
});

describe.each(STORAGE_KINDS)('provider descriptors on %s', (kind) => {
  it('round-trip every descriptor, and update in place', async () => {
    const { storage, cleanup } = await openTestStorage(kind);
    try {
      await storage.putProvider(FULL);
      expect(await storage.getProvider(FULL.id)).toEqual(FULL);
      const changed = { ...FULL, hudFunders: [], operatingEndDate: null };
      await storage.putProvider(changed);
      expect(await storage.listProviders()).toEqual([changed]);
    } finally {
      await cleanup();
    }
  });

  it('fill in nulls and empty lists for a provider given without descriptors', async () => {
    const { storage, cleanup } = await openTestStorage(kind);
    try {
      const bare = provider(2);
      for (const key of Object.keys(EMPTY_PROJECT_DESCRIPTORS)) {
        delete (bare as Record<string, unknown>)[key];
      }
      await storage.putProvider(bare);
      expect(await storage.getProvider(bare.id)).toEqual({ ...bare, ...EMPTY_PROJECT_DESCRIPTORS });
    } finally {
      await cleanup();
    }
  });
});

describe.each(STORAGE_KINDS)(`${MIGRATION} on %s`, (kind) => {
  let database: TestDatabase;
  beforeEach(() => {
    database = createTestDatabase(kind, { sqlite: 'file' });
  });
  afterEach(async () => database.cleanup());

  it('adds the column; a provider stored before reads back with nulls and empty lists', async () => {
    const names = Object.keys(migrations(kind)).sort();
    expect(names).toContain(MIGRATION);
    const previous = names[names.indexOf(MIGRATION) - 1]!;
    expect(previous).toBe('007_fold_client_name_keys');

    await database.withRaw(async (db, migrator) => {
      const { error } = await migrator.migrateTo(previous);
      expect(error).toBeUndefined();
      // A providers row as the server wrote it before 008 (the columns of 001).
      await (db as Kysely<Pick<Database, 'providers'>>)
        .insertInto('providers')
        .values({
          id: 'c'.repeat(32),
          name: 'Old Synthetic Shelter',
          organization_name: 'Old Synthetic Org',
          project_type: 1,
          funders: '[2]',
          coc_code: 'MN-500',
          active: 1,
        })
        .execute();
    });

    const storage = database.open();
    await storage.migrate();
    expect(await storage.getProvider('c'.repeat(32))).toEqual({
      id: 'c'.repeat(32),
      name: 'Old Synthetic Shelter',
      organizationName: 'Old Synthetic Org',
      projectType: 1,
      funders: [2],
      cocCode: 'MN-500',
      active: true,
      ...EMPTY_PROJECT_DESCRIPTORS,
    });
    // The migrated row takes descriptors like any other.
    await storage.putProvider({ ...FULL, id: 'c'.repeat(32) });
    expect(await storage.getProvider('c'.repeat(32))).toEqual({ ...FULL, id: 'c'.repeat(32) });
  });
});
