import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppServices } from '../../../../src/shared/services';
import { newId } from '../../../../src/domain/records';
import type { FieldValues } from '../../../../src/domain/merge';
import { EnrollmentPage } from '../../../../src/features/enrollment';
import { TEST_PROVIDER, makeServices, renderWithServices } from '../render';
import { expectNoAxeViolations } from '../axe';
import { text } from './text';
import {
  ADULT_HOH,
  completeEntryAnswers,
  enrollmentFields,
  householdRecords,
  newHousehold,
  saveLocal,
  storeSynced,
} from './fixtures';

afterEach(cleanup);

function clsFields(
  h: { enrollment: string; robin: string },
  date: string,
  code: number,
): FieldValues {
  return {
    enrollmentId: h.enrollment,
    clientId: h.robin,
    informationDate: date,
    currentLivingSituation: code,
    clsSubsidyType: null,
    verifiedBy: null,
    leaveSituation14Days: null,
    subsequentResidence: null,
    resourcesToObtain: null,
    leaseOwn60Day: null,
    movedTwoOrMore: null,
    locationDetails: null,
  };
}

function contactFields(
  h: { enrollment: string; robin: string },
  at: string,
  clsId: string,
  more: FieldValues = {},
): FieldValues {
  return {
    enrollmentId: h.enrollment,
    clientId: h.robin,
    contactAt: at,
    location: null,
    kind: 'in_person',
    note: null,
    currentLivingSituationId: clsId,
    interimAssessmentId: null,
    ...more,
  };
}

describe('EnrollmentPage', { timeout: 30_000 }, () => {
  it('shows the client, the provider, the status, the actions and the household', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(services.db, householdRecords(h, { entry: completeEntryAnswers(ADULT_HOH) }));
    await storeSynced(services.db, [
      {
        type: 'caseManagerAssignment',
        id: newId(),
        fields: {
          enrollmentId: h.enrollment,
          caseManagerId: services.account.userId,
          startDate: '2026-03-02',
          endDate: null,
        },
      },
    ]);
    const { container } = renderWithServices(
      <EnrollmentPage enrollmentId={h.enrollment} />,
      services,
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Robin Testperson' })).toBeTruthy();
    expect(screen.getByText(TEST_PROVIDER.name, { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Client profile' }).getAttribute('href')).toBe(
      `/clients/${h.robin}`,
    );
    expect(screen.getByText('Active since Mar 2, 2026')).toBeTruthy();

    const record = screen.getByRole('link', { name: 'Record a contact' });
    expect(record.getAttribute('href')).toBe(`/enrollments/${h.enrollment}/contact`);
    expect(screen.getByRole('link', { name: 'Exit' }).getAttribute('href')).toBe(
      `/enrollments/${h.enrollment}/exit`,
    );
    expect(
      screen.getByRole('link', { name: 'Case Managers (1 active)' }).getAttribute('href'),
    ).toBe(`/enrollments/${h.enrollment}/case-managers`);
    // The primary action comes first of the actions.
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    expect(links.indexOf('Record a contact')).toBeLessThan(links.indexOf('Exit'));

    const household = screen.getByRole('region', { name: 'Household' });
    const items = within(household).getAllByRole('listitem');
    expect(text(items[0])).toContain('Robin Testperson (this enrollment)');
    expect(text(items[0])).toContain('Self (head of household)');
    expect(text(items[1])).toContain('Child');
    expect(text(items[1])).toContain('Active since Mar 2, 2026');
    expect(
      within(items[1]!).getByRole('link', { name: 'Sky Testperson' }).getAttribute('href'),
    ).toBe(`/enrollments/${h.childEnrollment}`);

    // Everything synced and nothing missing.
    expect(screen.queryByText('Not synced')).toBeNull();
    const missing = screen.getByRole('region', { name: 'Missing from project start' });
    expect(text(missing)).toContain('Everything required at project start is answered.');
    expect(within(missing).queryByRole('link', { name: 'Fill in' })).toBeNull();
    await screen.findByText("Other providers' enrollments need a connection.");
    await expectNoAxeViolations(container);
  });

  it('lists what is missing from project start in plain words, with a way to fill it in', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(
      services.db,
      householdRecords(h, { entry: { livingSituation: 116, domesticViolenceSurvivor: 8 } }),
    );
    renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);

    const missing = await screen.findByRole('region', { name: 'Missing from project start' });
    const items = within(missing).getAllByRole('listitem');
    const texts = items.map((i) => i.textContent ?? '');
    expect(texts).toContainEqual(
      expect.stringMatching(/domestic violence.*— answered “Client doesn't know”/),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(/How long the client stayed there — not answered/),
    );
    expect(texts.some((t) => t.startsWith('Where the client stayed'))).toBe(false);
    expect(within(missing).getByRole('link', { name: 'Fill in' }).getAttribute('href')).toBe(
      `/enrollments/${h.enrollment}/backfill`,
    );
  });

  it('says a contact was saved when the contact screen comes back to it', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(services.db, householdRecords(h));
    window.history.replaceState(null, '', `/enrollments/${h.enrollment}?saved=contact`);
    try {
      renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);
      expect((await screen.findByText('Contact saved')).textContent).toBe('Contact saved');
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });

  it('shows the contacts newest first, the latest living situation and days since contact', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(services.db, householdRecords(h, { entry: completeEntryAnswers(ADULT_HOH) }));
    const [cls1, cls2] = [newId(), newId()];
    await storeSynced(services.db, [
      { type: 'currentLivingSituation', id: cls1, fields: clsFields(h, '2026-03-03', 116) },
      {
        type: 'contact',
        id: newId(),
        fields: contactFields(h, '2026-03-03T16:00:00Z', cls1, {
          location: 'street_or_encampment',
          note: 'Met near the river; talked about shelter options.',
        }),
      },
    ]);
    await saveLocal(services.db, [
      { type: 'currentLivingSituation', id: cls2, fields: clsFields(h, '2026-03-07', 101) },
      {
        type: 'contact',
        id: newId(),
        fields: contactFields(h, '2026-03-07T20:30:00Z', cls2, {
          kind: 'phone',
          location: 'remote',
          interimAssessmentId: newId(),
        }),
      },
    ]);
    renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);

    const timeline = await screen.findByRole('list', { name: 'Contacts, newest first' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(text(items[0])).toContain('Mar 7, 2026, 2:30 PM · Phone call · Phone or online');
    expect(text(items[0])).toContain('Interim update');
    expect(text(items[0])).toContain('Not synced');
    expect(text(items[0])).toMatch(/Current Living Situation: Emergency shelter/);
    expect(text(items[1])).toContain('Mar 3, 2026, 10:00 AM · In person · Street or encampment');
    expect(text(items[1])).toContain('Met near the river; talked about shelter options.');
    expect(text(items[1])).toMatch(/Place not meant for habitation/);
    expect(text(items[1])).not.toContain('Not synced');
    expect(text(items[1])).not.toContain('Interim update');

    const latest = screen.getByRole('region', { name: 'Latest contact' });
    expect(text(latest)).toContain('3 days ago (Mar 7, 2026)');
    expect(text(latest)).toMatch(/Emergency shelter.*\(Mar 7, 2026\)/);

    // Something on the page is not synced: the page says so.
    expect(
      screen.getByText(/Some changes here are saved on this device and not synced yet/),
    ).toBeTruthy();
  });

  it('an exited enrollment says when, where to and why, and offers no Exit', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await saveLocal(
      services.db,
      householdRecords(h, {
        enrollment: {
          exitDate: '2026-03-09',
          exitReason: 'housed',
          destination: 410,
          destinationSubsidyType: null,
        },
      }),
    );
    renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);

    expect(await screen.findByText('Exited on Mar 9, 2026')).toBeTruthy();
    expect(screen.getByText('Housed')).toBeTruthy();
    expect(screen.getByText(/Rental by client, no ongoing housing subsidy/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Exit' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Record a contact' })).toBeTruthy();
    expect(screen.getByText(/Some changes here are saved on this device/)).toBeTruthy();
  });

  it('says so when the enrollment is not on this device', async () => {
    const services = await makeServices();
    renderWithServices(<EnrollmentPage enrollmentId={newId()} />, services);
    expect(await screen.findByRole('heading', { name: 'Enrollment not found' })).toBeTruthy();
  });
});

describe('EnrollmentPage: other enrollments', { timeout: 30_000 }, () => {
  it('lists the client’s other enrollments on the device and, online, at other providers', async () => {
    const h = newHousehold();
    const otherProvider = newId();
    const api = vi.fn(async () => ({
      enrollments: [
        {
          id: newId(),
          providerId: newId(),
          providerName: 'Synthetic Street Outreach',
          projectType: 4,
          funders: [3],
          projectStartDate: '2026-01-15',
        },
      ],
    }));
    const services = await makeServices({ api: api as unknown as AppServices['api'] });
    await storeSynced(services.db, householdRecords(h, { entry: completeEntryAnswers(ADULT_HOH) }));
    const earlier = newId();
    await storeSynced(services.db, [
      {
        type: 'enrollment',
        id: earlier,
        fields: enrollmentFields(h, h.robin, 1, {
          providerId: otherProvider,
          householdId: newId(),
          projectStartDate: '2025-06-01',
        }),
      },
    ]);
    renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);

    const local = await screen.findByRole('list', { name: 'Other enrollments you can open' });
    expect(within(local).getByRole('link', { name: 'Another provider' }).getAttribute('href')).toBe(
      `/enrollments/${earlier}`,
    );
    expect(text(local)).toContain('Active since Jun 1, 2025');

    const online = await screen.findByRole('list', { name: 'Open enrollments at other providers' });
    expect(text(online)).toContain('Synthetic Street Outreach');
    expect(text(online)).toContain('Street Outreach · PATH · since Jan 15, 2026');
    expect(api).toHaveBeenCalledWith(
      `/api/clients/${h.robin}/enrollments?providerId=${TEST_PROVIDER.id}`,
      expect.anything(),
    );
    expect(
      screen.getByText(/Entries, updates and exits for these are recorded in their own projects/),
    ).toBeTruthy();
  });

  it('offline, says other providers’ enrollments need a connection (not an error)', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(services.db, householdRecords(h, { entry: completeEntryAnswers(ADULT_HOH) }));
    renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);

    expect(await screen.findByText("Other providers' enrollments need a connection.")).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await screen.findByText('No other enrollments you can open.')).toBeTruthy();
  });

  it('a server refusal is reported with its reason', async () => {
    const { ApiError } = await import('../../../../src/sync');
    const services = await makeServices({
      api: (() =>
        Promise.reject(
          new ApiError(404, "No such client in this provider's caseload."),
        )) as AppServices['api'],
    });
    const h = newHousehold();
    await storeSynced(services.db, householdRecords(h, { entry: completeEntryAnswers(ADULT_HOH) }));
    renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);
    await waitFor(() =>
      expect(
        screen.getByText(/could not be loaded: No such client in this provider's caseload/),
      ).toBeTruthy(),
    );
  });
});
