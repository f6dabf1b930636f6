// The admin CLI's project-descriptor commands (set-project, add-funder, set-project-coc,
// add-ce-participation, show-project), called in-process on every storage: each command, each
// refusal with its message, and that a refusal changes nothing. Synthetic data only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectDescriptorProblems, type Provider } from '../../../src/domain/records';
import { main, USAGE } from '../../../sync-server/src/cli/admin';
import type { Storage } from '../../../sync-server/src/storage/types';
import { TEST_NOW } from '../helpers';
import { STORAGE_KINDS, openTestStorage } from '../storage/test-storage';

interface Run {
  code: number;
  out: string;
  err: string;
}

describe.each(STORAGE_KINDS)('project-descriptor commands on %s', (kind) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  const admin = async (...args: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, {
      storage,
      now: () => TEST_NOW,
      out: (l) => void out.push(l),
      err: (l) => void err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const stored = async (name: string): Promise<Provider> =>
    (await storage.listProviders()).find((p) => p.name === name)!;

  beforeEach(async () => {
    ({ storage, cleanup } = await openTestStorage(kind));
    expect(
      (
        await admin(
          'create-provider',
          '--name',
          'Synthetic Family Services',
          '--project-type',
          '6',
          '--organization',
          'Synthetic Org',
        )
      ).code,
    ).toBe(0);
    expect(
      (await admin('create-provider', '--name', 'Synthetic Outreach', '--project-type', '4')).code,
    ).toBe(0);
  });
  afterEach(async () => cleanup());

  /** Runs a command that must be refused: exit non-zero, the message, and nothing changed. */
  async function refused(message: string | RegExp, ...args: string[]): Promise<void> {
    const before = await storage.listProviders();
    const run = await admin(...args);
    expect(run.code).not.toBe(0);
    expect(run.out).toBe('');
    if (typeof message === 'string') expect(run.err).toContain(message);
    else expect(run.err).toMatch(message);
    expect(await storage.listProviders()).toEqual(before);
  }

  it('the usage text lists the commands', async () => {
    for (const command of [
      'set-project',
      'add-funder',
      'set-project-coc',
      'add-ce-participation',
      'show-project',
    ]) {
      expect(USAGE).toContain(`  ${command} --provider`);
    }
  });

  it('fills every descriptor; show-project prints them and finally no problems', async () => {
    const before = await admin('show-project', '--provider', 'synthetic family');
    expect(before.code).toBe(0);
    expect(before.out).toContain(
      'Organization: Synthetic Org, ID synthetic-org (derived from the name)',
    );
    expect(before.out).toContain('An HMIS CSV export would lack:');
    expect(before.out).toContain('  - Project start date of operation is missing.');
    expect(before.out).toContain('  - No project CoC record.');

    const set = await admin(
      'set-project',
      '--provider',
      'Synthetic Family Services',
      '--organization-id',
      'SYN-ORG-1',
      '--victim-service-provider',
      '0',
      '--operating-start',
      '2020-01-01',
      '--continuum-project',
      'yes',
      '--residential-affiliation',
      '0',
      '--hmis-participation',
      '1',
      '--target-population',
      '4',
    );
    expect(set).toEqual({
      code: 0,
      out: 'Updated the project descriptors of "Synthetic Family Services".',
      err: '',
    });
    const funder = await admin(
      'add-funder',
      '--provider',
      'Synthetic Family Services',
      '--funder',
      '4',
      '--grant-id',
      'TEST-GRANT-1',
      '--start',
      '2025-10-01',
    );
    expect(funder.code).toBe(0);
    expect(funder.out).toBe(
      'Added funder 4 HUD: CoC – Supportive Services Only (grant TEST-GRANT-1) to "Synthetic Family Services".',
    );
    const other = await admin(
      'add-funder',
      '--provider',
      'Synthetic Family Services',
      '--funder',
      '46',
      '--other-funder',
      'Synthetic City Fund',
      '--grant-id',
      'TEST-GRANT-2',
      '--start',
      '2025-10-01',
      '--end',
      '2026-09-30',
    );
    expect(other.code).toBe(0);
    const coc = await admin(
      'set-project-coc',
      '--provider',
      'Synthetic Family Services',
      '--coc',
      'mn-500',
      '--geocode',
      '279053',
      '--geography-type',
      'Urban',
      '--address1',
      '1 Test Street',
      '--city',
      'Minneapolis',
      '--state',
      'mn',
      '--zip',
      '55415',
    );
    expect(coc).toEqual({
      code: 0,
      out: 'Set project CoC MN-500 (geocode 279053) for "Synthetic Family Services".',
      err: '',
    });

    const p = await stored('Synthetic Family Services');
    expect(p).toMatchObject({
      organizationId: 'SYN-ORG-1',
      victimServiceProvider: 0,
      operatingStartDate: '2020-01-01',
      operatingEndDate: null,
      continuumProject: 1,
      residentialAffiliation: 0,
      hmisParticipationType: 1,
      targetPopulation: 4,
      cocCode: 'MN-500',
      hudFunders: [
        {
          funder: 4,
          otherFunder: null,
          grantId: 'TEST-GRANT-1',
          startDate: '2025-10-01',
          endDate: null,
        },
        {
          funder: 46,
          otherFunder: 'Synthetic City Fund',
          grantId: 'TEST-GRANT-2',
          startDate: '2025-10-01',
          endDate: '2026-09-30',
        },
      ],
      projectCocs: [
        {
          cocCode: 'MN-500',
          geocode: '279053',
          address1: '1 Test Street',
          address2: null,
          city: 'Minneapolis',
          state: 'MN',
          zip: '55415',
          geographyType: 1,
        },
      ],
      hmisParticipation: [{ type: 1, startDate: '2020-01-01', endDate: null }],
    });
    expect(projectDescriptorProblems(p)).toEqual([]);

    const after = await admin('show-project', '--provider', p.id);
    expect(after.code).toBe(0);
    expect(after.out).toContain('Organization: Synthetic Org, ID SYN-ORG-1\n');
    expect(after.out).toContain('Operating: 2020-01-01 to open');
    expect(after.out).toContain(
      '    46 Local or Other Funding Source (Please Specify) (Synthetic City Fund), grant TEST-GRANT-2, 2025-10-01 to 2026-09-30',
    );
    expect(after.out).toContain(
      '    MN-500, geocode 279053, 1 Urban, 1 Test Street, Minneapolis, MN, 55415',
    );
    expect(after.out).toContain('    1 HMIS Participating, 2020-01-01 to open');
    expect(after.out).toContain('Ready for an HMIS CSV export: nothing is missing.');

    // The changes are audited.
    const audit = await storage.listAudit({ limit: 100 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['set_project', 'add_funder', 'set_project_coc']),
    );
  });

  it('add-funder and show-project warn that PATH, RHY, HOPWA and VA program elements are not collected', async () => {
    const path = await admin(
      'add-funder',
      '--provider',
      'Synthetic Family Services',
      '--funder',
      '21',
      '--grant-id',
      'TEST-PATH-1',
      '--start',
      '2025-10-01',
    );
    expect(path.code).toBe(0);
    expect(path.out).toContain('Warning: Fieldnote does not collect PATH P1–P4');
    expect(path.out).toContain("Eva's program-specific checks will flag them");
    const shown = await admin('show-project', '--provider', 'Synthetic Family Services');
    expect(shown.out).toContain('Warning: Fieldnote does not collect PATH P1–P4');
    // A CoC funder asks nothing Fieldnote lacks: no warning.
    const coc = await admin(
      'add-funder',
      '--provider',
      'Synthetic Family Services',
      '--funder',
      '4',
      '--grant-id',
      'TEST-GRANT-2',
      '--start',
      '2025-10-01',
    );
    expect(coc.out).not.toContain('Warning');
  });

  it('set-project-coc replaces the CoC with the same code and adds others after it', async () => {
    const coc = (code: string, geocode: string) =>
      admin(
        'set-project-coc',
        '--provider',
        'Synthetic Outreach',
        '--coc',
        code,
        '--geocode',
        geocode,
        '--geography-type',
        '3',
      );
    expect((await coc('MN-501', '271111')).code).toBe(0);
    expect((await coc('MN-500', '279053')).code).toBe(0);
    expect((await coc('MN-501', '272222')).code).toBe(0);
    const p = await stored('Synthetic Outreach');
    expect(p.cocCode).toBe('MN-501');
    expect(p.projectCocs?.map((c) => [c.cocCode, c.geocode, c.geographyType])).toEqual([
      ['MN-501', '272222', 3],
      ['MN-500', '279053', 3],
    ]);
  });

  it('set-project --hmis-participation ends the open period and starts a new one', async () => {
    const p = 'Synthetic Outreach';
    await refused(
      '--hmis-participation-start is needed',
      'set-project',
      '--provider',
      p,
      '--hmis-participation',
      '1',
    );
    expect(
      (
        await admin(
          'set-project',
          '--provider',
          p,
          '--operating-start',
          '2021-01-04',
          '--hmis-participation',
          '1',
        )
      ).code,
    ).toBe(0);
    await refused(
      "--hmis-participation-start 2021-01-04 is not after the open participation period's start (2021-01-04).",
      'set-project',
      '--provider',
      p,
      '--hmis-participation',
      '2',
      '--hmis-participation-start',
      '2021-01-04',
    );
    expect(
      (
        await admin(
          'set-project',
          '--provider',
          p,
          '--hmis-participation',
          '2',
          '--hmis-participation-start',
          '2024-03-01',
        )
      ).code,
    ).toBe(0);
    expect(await stored(p)).toMatchObject({
      hmisParticipationType: 2,
      hmisParticipation: [
        { type: 1, startDate: '2021-01-04', endDate: '2024-02-29' },
        { type: 2, startDate: '2024-03-01', endDate: null },
      ],
    });
    await refused(
      '--hmis-participation-start goes with --hmis-participation.',
      'set-project',
      '--provider',
      p,
      '--hmis-participation-start',
      '2025-01-01',
    );
  });

  it('add-ce-participation adds a period, and refuses answers an access point alone gives', async () => {
    const ok = await admin(
      'add-ce-participation',
      '--provider',
      'Synthetic Outreach',
      '--access-point',
      '1',
      '--prevention-assessment',
      '0',
      '--crisis-assessment',
      '1',
      '--housing-assessment',
      '1',
      '--direct-services',
      '0',
      '--receives-referrals',
      '1',
      '--start',
      '2024-01-01',
    );
    expect(ok).toEqual({
      code: 0,
      out: 'Added a CE participation period from 2024-01-01 to "Synthetic Outreach".',
      err: '',
    });
    expect((await stored('Synthetic Outreach')).ceParticipation).toEqual([
      {
        accessPoint: 1,
        preventionAssessment: 0,
        crisisAssessment: 1,
        housingAssessment: 1,
        directServices: 0,
        receivesReferrals: 1,
        startDate: '2024-01-01',
        endDate: null,
      },
    ]);
    await refused(
      '--crisis-assessment: Only a CE access point answers this: leave it empty.',
      'add-ce-participation',
      '--provider',
      'Synthetic Outreach',
      '--access-point',
      '0',
      '--crisis-assessment',
      '1',
      '--receives-referrals',
      '1',
      '--start',
      '2024-01-01',
    );
    await refused(
      '--access-point "maybe": answer 0 (no) or 1 (yes).',
      'add-ce-participation',
      '--provider',
      'Synthetic Outreach',
      '--access-point',
      'maybe',
      '--receives-referrals',
      '1',
      '--start',
      '2024-01-01',
    );
  });

  describe('refusals', () => {
    const fcm = ['--provider', 'Synthetic Family Services'];
    const funder = (...extra: string[]) => [
      'add-funder',
      ...fcm,
      '--grant-id',
      'TEST-1',
      '--start',
      '2025-10-01',
      ...extra,
    ];
    const coc = (...extra: string[]) => ['set-project-coc', ...fcm, ...extra];

    it('set-project: a field that does not apply, bad dates, bad codes, nothing to set', async () => {
      await refused(
        'Residential affiliation is only for Services Only projects (project type 6); this one is 4 Street Outreach.',
        'set-project',
        '--provider',
        'Synthetic Outreach',
        '--residential-affiliation',
        '1',
      );
      await refused(
        'HOPWA medically assisted living facility is only for projects with a HOPWA funder',
        'set-project',
        ...fcm,
        '--hopwa-med-assisted-living-fac',
        '1',
      );
      await refused(
        '--operating-start "2026-02-30": This date does not exist on the calendar.',
        'set-project',
        ...fcm,
        '--operating-start',
        '2026-02-30',
      );
      await refused(
        '--operating-start "1/1/2020": Use a date in the form YYYY-MM-DD, for example 2026-03-02.',
        'set-project',
        ...fcm,
        '--operating-start',
        '1/1/2020',
      );
      await refused(
        'The operating end date (2019-12-31) is before the operating start date (2020-01-01).',
        'set-project',
        ...fcm,
        '--operating-start',
        '2020-01-01',
        '--operating-end',
        '2019-12-31',
      );
      await refused(
        '--continuum-project "2": answer 0 (no) or 1 (yes).',
        'set-project',
        ...fcm,
        '--continuum-project',
        '2',
      );
      await refused(
        /--hmis-participation "5": not a HMIS Participation Type code\. Choose one of: 0 Not Participating; 1 HMIS Participating; 2 Comparable Database Participating\./,
        'set-project',
        ...fcm,
        '--hmis-participation',
        '5',
      );
      await refused(
        '--organization-id "has space": An organization ID has 1 to 32 letters',
        'set-project',
        ...fcm,
        '--organization-id',
        'has space',
      );
      await refused('set-project needs at least one descriptor to set.', 'set-project', ...fcm);
      await refused(
        'No provider with id or name "Nobody". See list-providers.',
        'set-project',
        '--provider',
        'Nobody',
        '--continuum-project',
        '1',
      );
    });

    it('add-funder: bad, retired or incomplete funders', async () => {
      await refused(
        /--funder "28": not a Funding Source code\. Choose one of: 1 HUD/,
        ...funder('--funder', '28'),
      );
      await refused(
        '--funder "47": 47 "HUD: ESG – CV" is retired in FY2026 and cannot be used.',
        ...funder('--funder', '47'),
      );
      await refused(
        'Say which funder this is: funding source 46 "Local or Other" needs its name.',
        ...funder('--funder', '46'),
      );
      await refused(
        `The other funder's name is only for funding source 46 "Local or Other" (this one is 4).`,
        ...funder('--funder', '4', '--other-funder', 'Synthetic Fund'),
      );
      await refused(
        '--end "2025-13-01": This date does not exist on the calendar.',
        ...funder('--funder', '4', '--end', '2025-13-01'),
      );
      await refused(
        'The funding end date (2025-09-30) is before its start date (2025-10-01).',
        ...funder('--funder', '4', '--end', '2025-09-30'),
      );
      await refused('add-funder needs --grant-id, --start.', 'add-funder', ...fcm, '--funder', '4');
    });

    it('set-project-coc: bad CoC code, geocode, geography type, state, ZIP', async () => {
      const good = ['--coc', 'MN-500', '--geocode', '279053', '--geography-type', '1'];
      await refused(
        '--coc "MN500": A CoC code looks like MN-500',
        ...coc('--coc', 'MN500', '--geocode', '279053', '--geography-type', '1'),
      );
      await refused(
        '--geocode "27905": A geocode has 6 digits, for example 279053',
        ...coc('--coc', 'MN-500', '--geocode', '27905', '--geography-type', '1'),
      );
      await refused(
        /--geography-type "4": not a Geography Type code\. Choose one of: 1 Urban; 2 Suburban; 3 Rural; 99/,
        ...coc('--coc', 'MN-500', '--geocode', '279053', '--geography-type', '4'),
      );
      await refused(
        '--state "MIN": A state is two capital letters, for example MN',
        ...coc(...good, '--state', 'MIN'),
      );
      await refused(
        '--zip "5541": A ZIP code has 5 digits, for example 55415',
        ...coc(...good, '--zip', '5541'),
      );
      await refused(
        'set-project-coc needs --geocode, --geography-type.',
        ...coc('--coc', 'MN-500'),
      );
    });

    it('options that belong to another command are refused as bad usage', async () => {
      const run = await admin('show-project', ...fcm, '--geocode', '279053');
      expect(run.code).toBe(2);
      expect(run.err).toContain('show-project does not take --geocode.');
    });
  });
});
