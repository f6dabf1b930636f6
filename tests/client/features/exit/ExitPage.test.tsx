import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentBundle, type Change } from '../../../../src/db';
import { newId, singletonAssessmentId } from '../../../../src/domain/records';
import { ExitPage } from '../../../../src/features/exit';
import { paths } from '../../../../src/shared/paths';
import {
  TEST_PROVIDER,
  TEST_TODAY,
  makeServices,
  renderWithServices,
  type TestServices,
} from '../render';
import { clientFields } from '../../../domain/merge/fixtures';
import { openSection } from './disabilities';

const START = '2025-06-01';

/** Hennepin documents and household income at entry (required again at exit). */
const ENTRY_ANSWERS = {
  docPhotoId: 'does_not_have',
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

function answerFields(answers: Record<string, unknown>): Record<string, never> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])) as Record<
    string,
    never
  >;
}

interface Seeded {
  services: TestServices;
  enrollmentId: string;
  clientId: string;
  assignmentId: string;
  householdId: string;
}

async function seed(
  options: {
    firstName?: string;
    update?: Record<string, unknown>;
    relationshipToHoH?: number;
    exitDate?: string | null;
  } = {},
): Promise<Seeded> {
  const services = await makeServices();
  const clientId = newId();
  const enrollmentId = newId();
  const householdId = newId();
  const assignmentId = newId();
  const exited = options.exitDate ?? null;
  const changes: Change[] = [
    {
      type: 'client',
      id: clientId,
      op: 'create',
      fields: clientFields({
        firstName: options.firstName ?? 'Robin',
        ssn: null,
        ssnDataQuality: 99,
        phone: '6125550100',
      }),
    },
    {
      type: 'enrollment',
      id: enrollmentId,
      op: 'create',
      fields: {
        clientId,
        providerId: TEST_PROVIDER.id,
        householdId,
        relationshipToHoH: options.relationshipToHoH ?? 1,
        projectStartDate: START,
        entryType: 'basic',
        exitDate: exited,
        exitReason: exited ? 'housed' : null,
        destination: exited ? 410 : null,
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
        ...answerFields(ENTRY_ANSWERS),
      },
    },
    {
      type: 'caseManagerAssignment',
      id: assignmentId,
      op: 'create',
      fields: {
        enrollmentId,
        caseManagerId: services.account.userId,
        startDate: START,
        endDate: null,
      },
    },
  ];
  if (options.update) {
    changes.push({
      type: 'assessment',
      id: newId(),
      op: 'create',
      fields: {
        enrollmentId,
        clientId,
        dataCollectionStage: 2,
        informationDate: '2026-01-05',
        ...answerFields(options.update),
      },
    });
  }
  await services.save(changes);
  services.saved.length = 0;
  return { services, enrollmentId, clientId, assignmentId, householdId };
}

/** A second household member (open unless exitDate is given). */
async function addMember(s: Seeded, firstName: string): Promise<string> {
  const clientId = newId();
  const enrollmentId = newId();
  await s.services.save([
    {
      type: 'client',
      id: clientId,
      op: 'create',
      fields: clientFields({
        firstName,
        ssn: null,
        ssnDataQuality: 99,
        dob: '2015-02-01',
        sex: 1,
        veteranStatus: 99,
      }),
    },
    {
      type: 'enrollment',
      id: enrollmentId,
      op: 'create',
      fields: {
        clientId,
        providerId: TEST_PROVIDER.id,
        householdId: s.householdId,
        relationshipToHoH: 2,
        projectStartDate: START,
        entryType: 'basic',
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
      },
    },
  ]);
  s.services.saved.length = 0;
  return enrollmentId;
}

async function open(s: Seeded) {
  const user = userEvent.setup();
  const view = renderWithServices(<ExitPage enrollmentId={s.enrollmentId} />, s.services);
  await screen.findByText('Why is case management ending?');
  return { user, ...view };
}

const destination = () => screen.getByLabelText(/^Destination/) as HTMLSelectElement;
const exitCls = () =>
  screen.getByLabelText(/^Current Living Situation at exit/) as HTMLSelectElement;
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const reasonRadio = (name: string) => within(byId('exit-reason')).getByRole('radio', { name });
const exitDate = () => screen.getByLabelText(/^Exit date \(required\)$/) as HTMLInputElement;
const save = () => screen.getByRole('button', { name: 'Save exit' });

async function confirmContact(user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(byId('exit-h-exitContactConfirmed')).getByRole('radio', { name: 'Yes' }));
}

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

// Big forms in jsdom: a full exit takes a few seconds of simulated typing.
describe('ExitPage', { timeout: 30_000 }, () => {
  it('asks the reason, the Destination and, for 435, the subsidy type', async () => {
    const s = await seed();
    const { user } = await open(s);
    await user.click(reasonRadio('Housed'));
    // Suggestions for "Housed" (one tap).
    const suggested = screen.getByRole('group', { name: /Suggested for “Housed”/ });
    expect(within(suggested).getAllByRole('button').length).toBeGreaterThan(0);
    expect(screen.queryByLabelText(/^Rental subsidy type/)).toBeNull();
    await user.selectOptions(destination(), '435');
    const subsidy = screen.getByLabelText(/^Rental subsidy type \(required\)/);
    await user.selectOptions(subsidy, 'HCV voucher (tenant or project based) (not dedicated)');
    // Only Destination codes are offered: 335 (a Current Living Situation) is not.
    expect(
      within(destination()).queryByRole('option', { name: /family member's room/ }),
    ).toBeNull();
    expect(within(destination()).getByRole('option', { name: 'Deceased' })).toBeTruthy();
    // The exit Current Living Situation follows, with the subsidy type carried over.
    expect(exitCls().value).toBe('435');
    const clsSubsidy = screen.getByLabelText(
      /^Rental subsidy type of the Current Living Situation/,
    ) as HTMLSelectElement;
    expect(clsSubsidy.selectedOptions[0]!.textContent).toMatch(/HCV voucher/);
  });

  it('suggests Destinations from the reason and the Current Living Situation from the Destination', async () => {
    const s = await seed();
    const { user } = await open(s);
    await user.click(reasonRadio('In treatment or jail'));
    // The institutional group is listed first.
    expect(destination().querySelector('optgroup')!.label).toBe('Institutional situations');
    const suggested = screen.getByRole('group', { name: /Suggested for/ });
    await user.click(within(suggested).getByRole('button', { name: /Jail, prison/ }));
    expect(destination().value).toBe('207');
    expect(exitCls().value).toBe('207');
    // A Destination that is not a Current Living Situation gets its equivalent in the same group.
    await user.selectOptions(destination(), '312');
    expect(exitCls().value).toBe('335');

    await user.click(reasonRadio('Deceased'));
    // Destination already chosen: left alone; the suggestion is one tap.
    await user.click(
      within(screen.getByRole('group', { name: /Suggested for/ })).getByRole('button', {
        name: 'Deceased',
      }),
    );
    expect(destination().value).toBe('24');
  });

  it('warns about a Current Living Situation that does not match, blocks saving, and fixes it in one tap', async () => {
    const s = await seed();
    const { user } = await open(s);
    await user.click(reasonRadio('Housed'));
    await user.selectOptions(destination(), '410');
    await confirmContact(user);
    await user.selectOptions(exitCls(), '101');
    const message =
      'The Current Living Situation (Emergency shelter…, homeless) does not match the Destination (Rental by client, no ongoing housing subsidy, permanent). At exit they should describe the same place.';
    expect(screen.getByText(message)).toBeTruthy();

    await user.click(save());
    const summary = await screen.findByText(/thing.? to fix before saving/);
    expect(
      within(summary.closest('.error-summary') as HTMLElement).getByRole('link', { name: message }),
    ).toBeTruthy();
    expect(s.services.saved).toEqual([]);

    await user.click(screen.getByRole('button', { name: /^Use Rental by client/ }));
    expect(screen.queryByText(message)).toBeNull();
    expect(exitCls().value).toBe('410');
    expect(screen.queryByText(/to fix before saving/)).toBeNull();
  });

  it('W-EX5 blocks the head of household while other members are still enrolled, with links to their exits', async () => {
    const s = await seed();
    const childEnrollment = await addMember(s, 'Sam');
    const { user } = await open(s);
    const block = screen
      .getByText(/^The head of household exits last: Sam Testperson is still enrolled/)
      .closest('#exit-household') as HTMLElement;
    const link = within(block).getByRole('link', { name: 'Exit Sam Testperson' });
    expect(link.getAttribute('href')).toBe(paths.exit(childEnrollment));

    await user.click(reasonRadio('Housed'));
    await user.selectOptions(destination(), '410');
    await confirmContact(user);
    await user.click(save());
    expect(
      await screen.findByRole('link', {
        name: 'The head of household exits last: Sam Testperson is still enrolled. To exit the head of household, exit Sam Testperson first.',
      }),
    ).toBeTruthy();
    expect(s.services.saved).toEqual([]);
  });

  it('does not block a member who is not the head of household', async () => {
    const s = await seed({ relationshipToHoH: 2 });
    await open(s);
    expect(screen.queryByText(/head of household exits last/)).toBeNull();
  });

  it('saves the exit fields, the Exit assessment, the exit Current Living Situation and ends my assignment', async () => {
    const s = await seed();
    const { user } = await open(s);
    await user.click(reasonRadio('Housed'));
    await user.selectOptions(destination(), '435');
    await user.selectOptions(
      screen.getByLabelText(/^Rental subsidy type \(required\)/),
      'Public housing unit',
    );
    fireEvent.change(exitDate(), { target: { value: '2026-03-09' } });
    await confirmContact(user);
    // 435 asks 4.12.B (W-EX2).
    await user.click(within(byId('exit-cls-leave-14')).getByRole('radio', { name: 'No' }));
    await user.click(save());

    await waitFor(() => expect(window.location.pathname).toBe(paths.enrollment(s.enrollmentId)));
    expect(s.services.saved).toHaveLength(1);
    const bundle = (await enrollmentBundle(s.services.db, s.enrollmentId))!;
    expect(bundle.enrollment).toMatchObject({
      exitDate: '2026-03-09',
      exitReason: 'housed',
      destination: 435,
      destinationSubsidyType: 434,
    });
    expect(bundle.exit).toBeDefined();
    expect(bundle.exit!.id).toBe(singletonAssessmentId(s.enrollmentId, 3));
    expect(bundle.exit).toMatchObject({
      dataCollectionStage: 3,
      informationDate: '2026-03-09',
      answers: expect.objectContaining({
        exitContactConfirmed: 1,
        docPhotoId: 'does_not_have',
        householdMonthlyIncome: 0,
      }),
    });
    // W-EX4: the Entry's 4.02–4.04 are not saved as the exit's without the case manager.
    expect(bundle.exit!.answers).not.toHaveProperty('incomeFromAnySource');
    expect(bundle.currentLivingSituations).toHaveLength(1);
    expect(bundle.currentLivingSituations[0]).toMatchObject({
      informationDate: '2026-03-09',
      currentLivingSituation: 435,
      clsSubsidyType: 434,
      leaveSituation14Days: 0,
    });
    expect(bundle.assignments.find((a) => a.id === s.assignmentId)).toMatchObject({
      endDate: '2026-03-09',
    });
    expect(await s.services.db.drafts.get(`exit:${s.enrollmentId}`)).toBeUndefined();
  });

  it('pre-fills the exit assessment from the last update, else the Entry', async () => {
    const s = await seed({ update: { docPhotoId: 'has', householdMonthlyIncome: 1200 } });
    const { user } = await open(s);
    await openSection(user, document.body, 'Housing documentation status');
    const photoId = byId('exit-h-docPhotoId');
    expect(
      (within(photoId).getByRole('radio', { name: 'Has it' }) as HTMLInputElement).checked,
    ).toBe(true);
    const birth = byId('exit-h-docBirthCertificate');
    expect((within(birth).getByRole('radio', { name: 'Has it' }) as HTMLInputElement).checked).toBe(
      true,
    );
    // The exit assessment is an accordion: the household income's section opens on a tap.
    await openSection(user, document.body, 'Monthly household income');
    expect(
      (screen.getByLabelText(/^Monthly household income \(all members/) as HTMLInputElement).value,
    ).toBe('1200');
    expect(screen.getByText(/Filled in from the last update \(Jan 5, 2026\)/)).toBeTruthy();
  });

  it('keeps income, non-cash benefits and health insurance collapsed as optional', async () => {
    const s = await seed();
    const { user } = await open(s);
    const summary = screen.getByText('Optional: income, non-cash benefits, health insurance');
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    // The income question is inside, empty: the Entry's "No" is not copied (W-EX4).
    const income = within(details).getByRole('group', {
      name: /Does the client have income from any source/,
    });
    expect(
      within(income)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
    await user.click(summary);
    expect(details.open).toBe(true);
  });

  it('refuses an exit date in the future', async () => {
    const s = await seed();
    const { user } = await open(s);
    expect(exitDate().value).toBe(TEST_TODAY);
    await user.click(reasonRadio('Housed'));
    await user.selectOptions(destination(), '410');
    await confirmContact(user);
    fireEvent.change(exitDate(), { target: { value: '2026-03-11' } });
    await user.click(save());
    expect(
      await screen.findByRole('link', {
        name: /The exit date \(March 11, 2026\) is in the future/,
      }),
    ).toBeTruthy();
    expect(s.services.saved).toEqual([]);
    expect(window.location.pathname).toBe('/');
  });

  it('shows an exit that was already recorded, read-only', async () => {
    const s = await seed({ exitDate: '2026-03-01' });
    renderWithServices(<ExitPage enrollmentId={s.enrollmentId} />, s.services);
    expect(await screen.findByText('This client has exited')).toBeTruthy();
    expect(screen.getByText(/ask your supervisor/)).toBeTruthy();
    expect(screen.getByText('Mar 1, 2026')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save exit' })).toBeNull();
  });

  it('has no axe violations', async () => {
    const s = await seed();
    await addMember(s, 'Sam');
    const { user, container } = await open(s);
    await user.click(reasonRadio('Housed'));
    await user.selectOptions(destination(), '410');
    await user.selectOptions(exitCls(), '101');
    await user.click(save());
    await screen.findByText(/to fix before saving/);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
