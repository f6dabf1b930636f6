// The exit screen's HUD conformance (issue 10 §1): 3.12.B other destination, no CLS for 24/30
// (W-EX1), 4.12.B at exit (W-EX2), 4.02–4.04 required with a federal funder (W-EX3) and never
// copied without the case manager's confirmation (W-EX4). 4.05–4.10 at exit: ExitDisabilities.
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
import { answerDisabilities } from './disabilities';

const START = '2025-06-01';
const ENTRY_ANSWERS = {
  docPhotoId: 'has',
  docBirthCertificate: 'has',
  docSocialSecurityCard: 'has',
  docProofOfIncome: 'has',
  docDisabilityVerification: 'not_needed',
  docHomelessnessVerification: 'has',
  householdMonthlyIncome: 0,
  incomeFromAnySource: 0,
  benefitsFromAnySource: 0,
  insuranceFromAnySource: 0,
};

/** An ESG-funded provider (local funder kind 2): 4.02–4.04 are required at exit. */
const ESG_PROVIDER: ProviderSummary = {
  ...TEST_PROVIDER,
  name: 'Synthetic ESG Outreach',
  funders: [2],
};

async function seed(provider: ProviderSummary = TEST_PROVIDER) {
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
  return { ...view, services, enrollmentId, user };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const destination = () => screen.getByLabelText(/^Destination/) as HTMLSelectElement;
const radio = (groupId: string, name: string) => within(byId(groupId)).getByRole('radio', { name });
const save = () => screen.getByRole('button', { name: 'Save exit' });

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('ExitPage conformance', { timeout: 30_000 }, () => {
  it('3.12.B: Destination 17 asks "Specify the other destination", required, and saves it', async () => {
    const s = await seed();
    const { user } = s;
    await user.click(radio('exit-reason', 'Engaged with another case manager'));
    expect(screen.queryByLabelText(/^Specify the other destination/)).toBeNull();
    await user.selectOptions(destination(), '17');
    const other = screen.getByLabelText(/^Specify the other destination \(required\)/);
    expect(other.getAttribute('maxlength')).toBe('50');
    await user.click(radio('exit-h-exitContactConfirmed', 'Yes'));
    await user.click(save());
    const link = await screen.findByRole('link', { name: /specify the other destination/ });
    expect(link.getAttribute('href')).toBe('#exit-other-destination');
    expect(other.getAttribute('aria-invalid')).toBe('true');
    expect(s.services.saved).toEqual([]);

    await user.type(other, 'Boat at the marina');
    await user.click(save());
    await waitFor(() => expect(window.location.pathname).toBe(paths.enrollment(s.enrollmentId)));
    const bundle = (await enrollmentBundle(s.services.db, s.enrollmentId))!;
    expect(bundle.enrollment).toMatchObject({
      destination: 17,
      otherDestination: 'Boat at the marina',
    });
  });

  it('W-EX1: Deceased writes no Current Living Situation; W-EX2: others ask 4.12.B', async () => {
    const s = await seed();
    const { user } = s;
    await user.click(radio('exit-reason', 'Housed'));
    await user.selectOptions(destination(), '410');
    expect(byId('exit-cls-leave-14')).toBeTruthy();
    await user.click(radio('exit-cls-leave-14', 'Yes'));
    // C–F follow a Yes.
    expect(
      screen.getByRole('group', { name: /Has a subsequent residence been identified/ }),
    ).toBeTruthy();
    await user.click(radio('exit-cls-leave-14', 'No'));
    expect(screen.queryByRole('group', { name: /Has a subsequent residence/ })).toBeNull();

    await user.click(radio('exit-reason', 'Deceased'));
    await user.selectOptions(destination(), '24');
    expect(screen.queryByLabelText(/^Current Living Situation at exit/)).toBeNull();
    expect(screen.getByText(/No Current Living Situation is recorded/)).toBeTruthy();
    await user.click(radio('exit-h-exitContactConfirmed', 'Yes'));
    await user.click(save());
    await waitFor(() => expect(window.location.pathname).toBe(paths.enrollment(s.enrollmentId)));
    const bundle = (await enrollmentBundle(s.services.db, s.enrollmentId))!;
    expect(bundle.enrollment.destination).toBe(24);
    expect(bundle.currentLivingSituations).toEqual([]);
  });

  it('W-EX3/W-EX4: with a federal funder 4.02–4.04 are required; a copy saves only once confirmed', async () => {
    const s = await seed(ESG_PROVIDER);
    const { user, container } = s;
    // Not collapsed as optional.
    expect(screen.queryByText('Optional: income, non-cash benefits, health insurance')).toBeNull();
    expect(screen.getByText(/are required: this provider has a federal funder/)).toBeTruthy();
    await user.click(radio('exit-reason', 'Housed'));
    await user.selectOptions(destination(), '410');
    await user.click(radio('exit-cls-leave-14', 'No'));
    await user.click(radio('exit-h-exitContactConfirmed', 'Yes'));
    await user.click(save());
    await screen.findByText(/to fix before saving/);
    expect(s.services.saved).toEqual([]);
    const income = screen.getByRole('group', {
      name: /Does the client have income from any source/,
    });
    expect(
      within(income)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);

    await user.click(
      screen.getByRole('button', { name: 'Same as the latest answers (Jun 1, 2025)' }),
    );
    expect((within(income).getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(
      true,
    );
    const confirm = screen.getByRole('checkbox', { name: /they are true on the exit date/ });
    await user.click(save());
    expect(
      await screen.findByRole('link', { name: /copied from the latest answers: go through them/ }),
    ).toBeTruthy();
    expect(s.services.saved).toEqual([]);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await user.click(confirm);
    // 4.05–4.10 are required with a federal funder too (W-DIS3).
    await answerDisabilities(user, container, 'No');
    await user.click(save());
    await waitFor(() => expect(window.location.pathname).toBe(paths.enrollment(s.enrollmentId)));
    const bundle = (await enrollmentBundle(s.services.db, s.enrollmentId))!;
    expect(bundle.exit!.answers).toMatchObject({
      incomeFromAnySource: 0,
      benefitsFromAnySource: 0,
      insuranceFromAnySource: 0,
    });
  });
});
