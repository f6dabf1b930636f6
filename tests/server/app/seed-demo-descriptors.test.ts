// The demo seed gives each provider every HUD project descriptor an HMIS CSV export needs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectDescriptorProblems, providerSchema } from '../../../src/domain/records';
import {
  DEMO_OUTREACH_PROVIDER_ID,
  DEMO_PROVIDER_ID,
  seedDemo,
} from '../../../sync-server/src/cli/seed-demo';
import { openTestApp, TEST_NOW, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';

describe.each(STORAGE_KINDS)('the demo seed project descriptors on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('leaves no descriptor problem for any seeded provider', async () => {
    await seedDemo(t.storage, { now: TEST_NOW });
    const providers = await t.storage.listProviders();
    expect(providers).toHaveLength(2);
    for (const p of providers) {
      expect(providerSchema.safeParse(p).success).toBe(true);
      expect({ name: p.name, problems: projectDescriptorProblems(p) }).toEqual({
        name: p.name,
        problems: [],
      });
    }
  });

  it('puts both providers in Hennepin CoC MN-500, geocode 279053, with HUD funders', async () => {
    await seedDemo(t.storage, { now: TEST_NOW });
    const fcm = await t.storage.getProvider(DEMO_PROVIDER_ID);
    const outreach = await t.storage.getProvider(DEMO_OUTREACH_PROVIDER_ID);
    for (const p of [fcm!, outreach!]) {
      expect(p.cocCode).toBe('MN-500');
      expect(p.projectCocs).toEqual([
        expect.objectContaining({ cocCode: 'MN-500', geocode: '279053', state: 'MN' }),
      ]);
      expect(p.hudFunders?.length).toBeGreaterThan(0);
      expect(p.operatingStartDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Residential affiliation is asked of the Services Only project alone.
    expect(fcm!.residentialAffiliation).toBe(0);
    expect(outreach!.residentialAffiliation).toBeNull();
  });
});
