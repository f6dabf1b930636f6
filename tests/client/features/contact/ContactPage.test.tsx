import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentBundle, getView, loadDraft, type Change } from '../../../../src/db';
import { newId, singletonAssessmentId } from '../../../../src/domain/records';
import { ContactPage } from '../../../../src/features/contact';
import { paths } from '../../../../src/shared/paths';
import {
  TEST_PROVIDER,
  TEST_TODAY,
  makeServices,
  renderWithServices,
  type TestServices,
} from '../render';
import { clientFields } from '../../../domain/merge/fixtures';

const START = '2026-02-01';

interface Seeded {
  services: TestServices;
  enrollmentId: string;
  clientId: string;
}

function answerFields(answers: Record<string, unknown>): Record<string, never> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])) as Record<
    string,
    never
  >;
}

async function seed(
  options: {
    entry?: Record<string, unknown> | null;
    previous?: { kind: string; location: string; cls: number; subsidy?: number };
    start?: string;
    exitDate?: string;
  } = {},
): Promise<Seeded> {
  const services = await makeServices();
  const clientId = newId();
  const enrollmentId = newId();
  const start = options.start ?? START;
  const changes: Change[] = [
    {
      type: 'client',
      id: clientId,
      op: 'create',
      fields: clientFields({ ssn: null, ssnDataQuality: 99 }),
    },
    {
      type: 'enrollment',
      id: enrollmentId,
      op: 'create',
      fields: {
        clientId,
        providerId: TEST_PROVIDER.id,
        householdId: newId(),
        relationshipToHoH: 1,
        projectStartDate: start,
        entryType: 'basic',
        exitDate: options.exitDate ?? null,
        exitReason: options.exitDate ? 'housed' : null,
        destination: options.exitDate ? 410 : null,
        destinationSubsidyType: null,
      },
    },
  ];
  if (options.entry !== null) {
    changes.push({
      type: 'assessment',
      id: singletonAssessmentId(enrollmentId, 1),
      op: 'create',
      fields: {
        enrollmentId,
        clientId,
        dataCollectionStage: 1,
        informationDate: start,
        ...answerFields(
          options.entry ?? {
            docPhotoId: 'does_not_have',
            docBirthCertificate: 'has',
            householdMonthlyIncome: 0,
            legalInvolvement: 0,
          },
        ),
      },
    });
  }
  if (options.previous) {
    const clsId = newId();
    changes.push(
      {
        type: 'currentLivingSituation',
        id: clsId,
        op: 'create',
        fields: {
          enrollmentId,
          clientId,
          informationDate: '2026-03-02',
          currentLivingSituation: options.previous.cls,
          clsSubsidyType: options.previous.subsidy ?? null,
          verifiedBy: null,
          leaveSituation14Days: null,
          subsequentResidence: null,
          resourcesToObtain: null,
          leaseOwn60Day: null,
          movedTwoOrMore: null,
          locationDetails: null,
        },
      },
      {
        type: 'contact',
        id: newId(),
        op: 'create',
        fields: {
          enrollmentId,
          clientId,
          contactAt: '2026-03-02T16:00:00.000Z',
          kind: options.previous.kind,
          location: options.previous.location,
          note: null,
          currentLivingSituationId: clsId,
          interimAssessmentId: null,
        },
      },
    );
  }
  await services.save(changes);
  services.saved.length = 0;
  return { services, enrollmentId, clientId };
}

async function open(s: Seeded) {
  const user = userEvent.setup();
  const view = renderWithServices(<ContactPage enrollmentId={s.enrollmentId} />, s.services);
  await screen.findByRole('heading', { level: 1, name: 'Record a contact' });
  return { user, ...view };
}

/** The 4.12 radio list (open). */
function clsList() {
  return screen.getByRole('group', { name: /Where is the client staying now/ });
}

async function chooseCls(user: ReturnType<typeof userEvent.setup>, label: RegExp) {
  const change = screen.queryByRole('button', { name: 'Change the Current Living Situation' });
  if (change) await user.click(change);
  await user.click(within(clsList()).getByRole('radio', { name: label }));
}

async function saveContact(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
}

async function savedBundle(s: Seeded) {
  await waitFor(() => expect(s.services.saved).toHaveLength(1));
  return (await enrollmentBundle(s.services.db, s.enrollmentId))!;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
});

describe('ContactPage', () => {
  it("shows the client's name and only the situations valid for 4.12, grouped", async () => {
    const s = await seed();
    await open(s);
    expect(screen.getByText('Robin Testperson')).toBeTruthy();
    const list = clsList();
    for (const group of [
      'Homeless situations',
      'Institutional situations',
      'Temporary housing',
      'Permanent housing',
      'Other or not known',
    ]) {
      expect(within(list).getByRole('group', { name: group })).toBeTruthy();
    }
    expect(within(list).getByRole('radio', { name: 'Safe Haven' })).toBeTruthy();
    expect(within(list).getByRole('radio', { name: 'Worker unable to determine' })).toBeTruthy();
    // Destination-only codes are not offered.
    expect(within(list).queryByRole('radio', { name: 'Deceased' })).toBeNull();
    expect(
      within(list).queryByRole('radio', {
        name: /Staying or living with family, temporary tenure/,
      }),
    ).toBeNull();
    expect(within(list).queryByRole('radio', { name: /No exit interview completed/ })).toBeNull();
  });

  it('defaults to now and to the previous contact, and offers the previous situation in one tap', async () => {
    const s = await seed({
      previous: { kind: 'phone', location: 'shelter', cls: 435, subsidy: 431 },
    });
    const { user } = await open(s);
    expect((screen.getByLabelText(/^Date/) as HTMLInputElement).value).toBe(TEST_TODAY);
    // TEST_NOW is 18:00 UTC: 13:00 in Minneapolis (daylight saving time).
    expect((screen.getByLabelText(/^Time/) as HTMLInputElement).value).toBe('13:00');
    // The previous contact's kind and location, one line with "Change".
    expect(screen.getByText('Phone call, Shelter')).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Kind of contact/ })).toBeNull();

    await user.click(
      screen.getByRole('button', { name: /Same as last time: Rental by client, with ongoing/ }),
    );
    expect(screen.getByText('Rental by client, with ongoing housing subsidy')).toBeTruthy();
    expect((screen.getByLabelText(/Rental subsidy type/) as HTMLSelectElement).value).not.toBe('');
    await saveContact(user);

    const bundle = await savedBundle(s);
    expect(s.services.saved[0]!.map((c) => c.type)).toEqual(['currentLivingSituation', 'contact']);
    const contact = bundle.contacts[0]!;
    expect(contact).toMatchObject({
      kind: 'phone',
      location: 'shelter',
      contactAt: '2026-03-10T18:00:00.000Z',
      interimAssessmentId: null,
      enrollmentId: s.enrollmentId,
      clientId: s.clientId,
    });
    const cls = await getView(
      s.services.db,
      'currentLivingSituation',
      contact.currentLivingSituationId as string,
    );
    expect(cls).toMatchObject({
      informationDate: TEST_TODAY,
      currentLivingSituation: 435,
      clsSubsidyType: 431,
    });
    await waitFor(() => expect(window.location.pathname).toBe(paths.enrollment(s.enrollmentId)));
    expect(window.location.search).toBe('?saved=contact');
  });

  it('asks the subsidy type only for 435, and drops it when the situation changes', async () => {
    const s = await seed();
    const { user } = await open(s);
    expect(screen.queryByLabelText(/Rental subsidy type/)).toBeNull();
    await chooseCls(user, /Rental by client, with ongoing housing subsidy/);
    const subsidy = screen.getByLabelText(/Rental subsidy type/);
    await user.selectOptions(subsidy, 'RRH or equivalent subsidy');
    await chooseCls(user, /Place not meant for habitation/);
    expect(screen.queryByLabelText(/Rental subsidy type/)).toBeNull();
    expect(
      screen.queryByRole('group', { name: /leave where they are staying within 14 days/ }),
    ).toBeNull();
    await user.click(
      within(screen.getByRole('group', { name: /Kind of contact/ })).getByRole('radio', {
        name: 'In person',
      }),
    );
    await saveContact(user);
    const bundle = await savedBundle(s);
    expect(bundle.currentLivingSituations[0]).toMatchObject({
      currentLivingSituation: 116,
      clsSubsidyType: null,
      leaveSituation14Days: null,
    });
  });

  it('asks the 14-day question for the trigger codes and its follow-ups after Yes; drops them on change', async () => {
    const s = await seed({ previous: { kind: 'in_person', location: 'shelter', cls: 101 } });
    const { user } = await open(s);
    await chooseCls(user, /Rental by client, no ongoing housing subsidy/);
    const leave = screen.getByRole('group', {
      name: /leave where they are staying within 14 days/,
    });
    expect(screen.queryByRole('group', { name: /subsequent residence/ })).toBeNull();
    await user.click(within(leave).getByRole('radio', { name: 'Yes' }));
    const next = screen.getByRole('group', { name: /Has a subsequent residence been identified/ });
    await user.click(within(next).getByRole('radio', { name: 'No' }));
    expect(screen.getByRole('group', { name: /moved 2 or more times/ })).toBeTruthy();

    // Emergency shelter is homeless: no 14-day questions.
    await user.click(screen.getByRole('button', { name: /Same as last time: Emergency shelter/ }));
    expect(screen.queryByRole('group', { name: /within 14 days/ })).toBeNull();
    expect(screen.queryByRole('group', { name: /subsequent residence/ })).toBeNull();
    await saveContact(user);
    const bundle = await savedBundle(s);
    expect(bundle.currentLivingSituations[0]).toMatchObject({
      currentLivingSituation: 101,
      leaveSituation14Days: null,
      subsequentResidence: null,
    });
  });

  it('saves an Update with only the interim answers that changed', async () => {
    const s = await seed({ previous: { kind: 'in_person', location: 'shelter', cls: 101 } });
    const { user } = await open(s);
    await user.click(screen.getByRole('button', { name: /Same as last time/ }));
    await user.click(screen.getByRole('button', { name: 'Documents changed' }));
    // Pre-filled with what is on record.
    const photo = screen.getByRole('group', { name: 'Photo ID' });
    expect(
      (within(photo).getByRole('radio', { name: 'Does not have' }) as HTMLInputElement).checked,
    ).toBe(true);
    const birth = screen.getByRole('group', { name: 'Birth certificate' });
    // Touched, but back to the same value: not a change.
    await user.click(within(birth).getByRole('radio', { name: 'Working on it' }));
    await user.click(within(birth).getByRole('radio', { name: 'Has it' }));
    await user.click(within(photo).getByRole('radio', { name: 'Working on it' }));
    expect(screen.getByText('1 change')).toBeTruthy();
    await saveContact(user);

    const bundle = await savedBundle(s);
    expect(bundle.updates).toHaveLength(1);
    const update = bundle.updates[0]!;
    expect(update).toMatchObject({ dataCollectionStage: 2, informationDate: TEST_TODAY });
    expect(update.answers).toEqual({ docPhotoId: 'working_on_it' });
    expect(bundle.contacts[0]!.interimAssessmentId).toBe(update.id);
    // The Entry is untouched.
    expect((bundle.entry!.answers as Record<string, unknown>).docPhotoId).toBe('does_not_have');
  });

  it('asks whether a new answer was also true at project start, and "Yes" fills the Entry', async () => {
    const s = await seed({
      previous: { kind: 'in_person', location: 'shelter', cls: 101 },
      entry: { docPhotoId: 'does_not_have' },
    });
    const { user } = await open(s);
    await user.click(screen.getByRole('button', { name: /Same as last time/ }));
    await user.click(screen.getByRole('button', { name: 'Documents changed' }));
    expect(screen.queryByRole('group', { name: /also true at project start/ })).toBeNull();
    const birth = screen.getByRole('group', { name: 'Birth certificate' });
    await user.click(within(birth).getByRole('radio', { name: 'Has it' }));
    const question = screen.getByRole('group', {
      name: 'Birth certificate: was this also true at project start (Feb 1, 2026)?',
    });
    // The photo ID answer the Entry has is not asked about.
    const photo = screen.getByRole('group', { name: 'Photo ID' });
    await user.click(within(photo).getByRole('radio', { name: 'Has it' }));
    expect(screen.getAllByRole('group', { name: /also true at project start/ })).toHaveLength(1);
    await user.click(within(question).getByRole('radio', { name: 'Yes' }));
    await saveContact(user);

    const bundle = await savedBundle(s);
    expect(bundle.entry!.answers).toMatchObject({
      docPhotoId: 'does_not_have',
      docBirthCertificate: 'has',
    });
    expect(bundle.updates[0]!.answers).toEqual({
      docPhotoId: 'has',
      docBirthCertificate: 'has',
    });
  });

  it('creates the Entry assessment for a backfill when the device has none', async () => {
    const s = await seed({
      previous: { kind: 'in_person', location: 'shelter', cls: 101 },
      entry: null,
    });
    const { user } = await open(s);
    await user.click(screen.getByRole('button', { name: /Same as last time/ }));
    await user.click(screen.getByRole('button', { name: 'Housing choices changed' }));
    const pets = screen.getByRole('group', { name: /pets or an assistance animal/ });
    await user.click(within(pets).getByRole('radio', { name: 'No' }));
    const question = screen.getByRole('group', { name: /also true at project start/ });
    await user.click(within(question).getByRole('radio', { name: 'Yes' }));
    await saveContact(user);
    const bundle = await savedBundle(s);
    expect(bundle.entry).toMatchObject({
      id: singletonAssessmentId(s.enrollmentId, 1),
      dataCollectionStage: 1,
      informationDate: START,
      answers: { hasPets: 0 },
    });
  });

  it('puts the interim answers of a contact on the project start date on the Entry', async () => {
    const s = await seed({ start: TEST_TODAY });
    const { user } = await open(s);
    await chooseCls(user, /^Safe Haven$/);
    await user.click(
      within(screen.getByRole('group', { name: /Kind of contact/ })).getByRole('radio', {
        name: 'In person',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Documents changed' }));
    expect(screen.getByText(/saved on the project start record, not as an update/)).toBeTruthy();
    const photo = screen.getByRole('group', { name: 'Photo ID' });
    await user.click(within(photo).getByRole('radio', { name: 'Has it' }));
    await saveContact(user);
    const bundle = await savedBundle(s);
    expect(bundle.updates).toEqual([]);
    expect((bundle.entry!.answers as Record<string, unknown>).docPhotoId).toBe('has');
    expect(bundle.contacts[0]!.interimAssessmentId).toBe(singletonAssessmentId(s.enrollmentId, 1));
  });

  it('refuses a contact dated in the future, saying why', async () => {
    const s = await seed({ previous: { kind: 'in_person', location: 'shelter', cls: 101 } });
    const { user } = await open(s);
    await user.click(screen.getByRole('button', { name: /Same as last time/ }));
    fireEvent.change(screen.getByLabelText(/^Date/), { target: { value: '2026-03-11' } });
    await saveContact(user);
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/is in the future/);
    expect(screen.getByLabelText(/^Date/).getAttribute('aria-invalid')).toBe('true');
    expect(s.services.saved).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^Date/), { target: { value: TEST_TODAY } });
    fireEvent.change(screen.getByLabelText(/^Time/), { target: { value: '15:30' } });
    await saveContact(user);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/later than now/));
    expect(s.services.saved).toEqual([]);
  });

  it('asks for the situation before saving', async () => {
    const s = await seed();
    const { user } = await open(s);
    await saveContact(user);
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/Current Living Situation/);
    expect(summary.textContent).toMatch(/how the contact happened/);
    expect(s.services.saved).toEqual([]);
  });

  it('keeps what was typed across a reload, and forgets it after saving', async () => {
    const s = await seed({ previous: { kind: 'in_person', location: 'shelter', cls: 101 } });
    const first = await open(s);
    await first.user.type(screen.getByLabelText(/^Note/), 'Met at the library');
    await first.user.click(screen.getByRole('button', { name: /Same as last time/ }));
    first.unmount();
    await waitFor(async () =>
      expect(await loadDraft(s.services.db, `contact:${s.enrollmentId}`)).toBeTruthy(),
    );

    const second = await open(s);
    await waitFor(() =>
      expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe(
        'Met at the library',
      ),
    );
    expect(screen.getByText('What you typed before is back.')).toBeTruthy();
    expect(screen.getByText(/^Emergency shelter, including hotel/)).toBeTruthy();
    await saveContact(second.user);
    const bundle = await savedBundle(s);
    expect(bundle.contacts[0]!.note).toBe('Met at the library');
    expect(await loadDraft(s.services.db, `contact:${s.enrollmentId}`)).toBeUndefined();
  });

  it('has no axe violations', async () => {
    const s = await seed({ previous: { kind: 'in_person', location: 'shelter', cls: 101 } });
    const { user, container } = await open(s);
    await chooseCls(user, /Rental by client, with ongoing housing subsidy/);
    await user.click(screen.getByRole('button', { name: 'Documents changed' }));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
