// 4.05–4.10 on the exit screen (W-DIS3): asked of the exiting member, empty whatever the Entry said,
// required with a federal funder and collapsed as optional otherwise, written on the Exit
// assessment; no 3.08 warning at exit (W-DIS2). Synthetic people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentBundle, type Change, type ProviderSummary } from '../../../../src/db';
import { newId, singletonAssessmentId } from '../../../../src/domain/records';
import { ExitPage } from '../../../../src/features/exit';
import { paths } from '../../../../src/shared/paths';
import { TEST_PROVIDER, makeServices, renderWithServices, testAccount } from '../render';
import { clientFields } from '../../../domain/merge/fixtures';
import { DISABILITY_QUESTIONS, answerDisabilities, openSection } from './disabilities';

const START = '2025-06-01';
/** The Entry: Hennepin answers, 4.02–4.04, 3.08 Yes and 4.05–4.10 with a physical disability. */
const ENTRY_ANSWERS = {
  docPhotoId: 'has',
  docBirthCertificate: 'has',
  docSocialSecurityCard: 'has',
  docProofOfIncome: 'has',
  docDisabilityVerification: 'has',
  docHomelessnessVerification: 'has',
  householdMonthlyIncome: 0,
  incomeFromAnySource: 0,
  benefitsFromAnySource: 0,
  insuranceFromAnySource: 0,
  disablingCondition: 1,
  physicalDisability: 1,
  physicalDisabilityIndefinite: 1,
  developmentalDisability: 0,
  chronicHealthCondition: 0,
  hivAids: 0,
  mentalHealthDisorder: 0,
  substanceUseDisorder: 0,
};

/** A CoC-funded provider (HUD 2.06.1 source 4, grant running): 4.05–4.10 required at exit. */
const COC_PROVIDER: ProviderSummary = {
  ...TEST_PROVIDER,
  name: 'Synthetic CoC Services',
  hudFunders: [{ funder: 4, startDate: '2025-10-01', endDate: null }],
};

async function seed(provider: ProviderSummary) {
  const account = testAccount({ providers: [provider], providerId: provider.id });
  const services = await makeServices({ account, provider });
  const clientId = newId();
  const enrollmentId = newId();
  const changes: Change[] = [
    {
      type: 'client',
      id: clientId,
      op: 'create',
      fields: clientFields({ firstName: 'Robin', ssn: null, ssnDataQuality: 99 }),
    },
    {
      type: 'enrollment',
      id: enrollmentId,
      op: 'create',
      fields: {
        clientId,
        providerId: provider.id,
        householdId: newId(),
        relationshipToHoH: 1,
        projectStartDate: START,
        entryType: 'basic',
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
      },
    },
    {
      type: 'assessment',
      id: singletonAssessmentId(enrollmentId, 1),
      op: 'create',
      fields: {
        enrollmentId,
        clientId,
        dataCollectionStage: 1,
        informationDate: START,
        ...Object.fromEntries(Object.entries(ENTRY_ANSWERS).map(([k, v]) => [`answers.${k}`, v])),
      },
    },
  ];
  await services.save(changes);
  services.saved.length = 0;
  const user = userEvent.setup();
  const view = renderWithServices(<ExitPage enrollmentId={enrollmentId} />, services);
  await screen.findByText('Why is case management ending?');
  // Everything but 4.05–4.10: housed, renting, not leaving within 14 days, contact confirmed.
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  await user.click(within(byId('exit-reason')).getByRole('radio', { name: 'Housed' }));
  await user.selectOptions(screen.getByLabelText(/^Destination/), '410');
  await user.click(within(byId('exit-cls-leave-14')).getByRole('radio', { name: 'No' }));
  await user.click(within(byId('exit-h-exitContactConfirmed')).getByRole('radio', { name: 'Yes' }));
  return { ...view, services, enrollmentId, user };
}

const save = () => screen.getByRole('button', { name: 'Save exit' });

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('ExitPage: 4.05–4.10', { timeout: 60_000 }, () => {
  it('W-DIS3: with a federal funder they are required, start empty, and go on the Exit assessment', async () => {
    const s = await seed(COC_PROVIDER);
    const { user, container } = s;
    expect(screen.queryByText('Optional: disabilities')).toBeNull();
    expect(screen.getByText(/Disabilities are required too, because this provider/)).toBeTruthy();
    // Never copied from the Entry (where the client had a physical disability).
    const physical = screen.getByRole('group', { name: DISABILITY_QUESTIONS[0] });
    expect(
      within(physical)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);

    // 4.02–4.04 are required too (W-EX3): answered, so only 4.05–4.10 block.
    for (const [section, q] of [
      ['Income and sources', /Does the client have income from any source/],
      ['Non-cash benefits', /Does the client receive non-cash benefits from any source/],
      ['Health insurance', /Is the client covered by health insurance/],
    ] as const) {
      // Each part is an accordion: open the section first.
      await openSection(user, container, section);
      await user.click(within(screen.getByRole('group', { name: q })).getByLabelText('No'));
    }
    await user.click(save());
    const link = await screen.findByRole('link', {
      name: /“Does the client have a physical disability\?” is required at exit/,
    });
    expect(link.getAttribute('href')).toBe('#exit-d-physicalDisability');
    expect(
      screen.getByRole('link', { name: /“Does the client have HIV\/AIDS\?” is required at exit/ }),
    ).toBeTruthy();
    expect(s.services.saved).toEqual([]);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await answerDisabilities(user, container, 'No');
    // A Yes asks its "long-continued" question, required as well.
    await user.click(
      within(screen.getByRole('group', { name: DISABILITY_QUESTIONS[4] })).getByLabelText('Yes'),
    );
    await user.click(save());
    expect(
      await screen.findByRole('link', {
        name: /^“Is the mental health disorder expected to be long-continued.*is required at exit/,
      }),
    ).toBeTruthy();
    await user.click(
      within(
        screen.getByRole('group', { name: /^Is the mental health disorder expected/ }),
      ).getByLabelText("Client doesn't know"),
    );
    await user.click(save());
    await waitFor(() => expect(window.location.pathname).toBe(paths.enrollment(s.enrollmentId)));

    const bundle = (await enrollmentBundle(s.services.db, s.enrollmentId))!;
    expect(bundle.exit).toMatchObject({ dataCollectionStage: 3 });
    expect(bundle.exit!.answers).toMatchObject({
      physicalDisability: 0,
      mentalHealthDisorder: 1,
      mentalHealthDisorderIndefinite: 8,
      substanceUseDisorder: 0,
    });
    // Only asked answers: "long-continued" after a No is not written.
    expect(bundle.exit!.answers).not.toHaveProperty('physicalDisabilityIndefinite');
    // The Entry keeps its own answers.
    expect(bundle.entry!.answers).toMatchObject({ physicalDisability: 1 });
  });

  it('W-DIS3: without a federal funder they are optional, collapsed, and saved when given', async () => {
    const s = await seed(TEST_PROVIDER);
    const { user } = s;
    const details = screen.getByText('Optional: disabilities').closest('details')!;
    expect(details.open).toBe(false);
    await user.click(screen.getByText('Optional: disabilities'));
    expect(details.open).toBe(true);
    await openSection(user, details as HTMLElement, 'Disabilities');
    await user.click(
      within(within(details).getByRole('group', { name: DISABILITY_QUESTIONS[3] })).getByLabelText(
        'Yes',
      ),
    );
    await user.click(save());
    await waitFor(() => expect(window.location.pathname).toBe(paths.enrollment(s.enrollmentId)));
    const bundle = (await enrollmentBundle(s.services.db, s.enrollmentId))!;
    expect(bundle.exit!.answers).toMatchObject({ hivAids: 1 });
    expect(bundle.exit!.answers).not.toHaveProperty('physicalDisability');
  });

  it('W-DIS2: no 3.08 warning at exit, whatever the answers (3.08 is recorded at entry only)', async () => {
    const s = await seed(COC_PROVIDER);
    const { user, container } = s;
    await answerDisabilities(user, container, 'No');
    await user.click(
      within(screen.getByRole('group', { name: DISABILITY_QUESTIONS[3] })).getByLabelText('Yes'),
    );
    expect(screen.queryByText(/Disabling condition/i)).toBeNull();
    expect(screen.queryByText(/Check the disabling condition/)).toBeNull();
  });
});
