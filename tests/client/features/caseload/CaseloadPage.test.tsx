// "My caseload": which households show (only the signed-in person's active assignments at this
// provider), their order by what is due, the filters with counts, search, flags and the "Not
// synced" badge. Invented people only.
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingOutbox, type DeviceDatabase } from '../../../../src/db';
import { CaseloadPage } from '../../../../src/features/caseload';
import { getList, labelOf } from '../../../../src/domain/codes';
import { FORMS, missingFields } from '../../../../src/domain/forms';
import { newId, type RecordType } from '../../../../src/domain/records';
import type { FieldValues } from '../../../../src/domain/merge';
import { makeServices, renderWithServices, TEST_PROVIDER, type TestServices } from '../render';
import { clientFields, enrollmentFields, saveLocal, storeSynced } from '../clients/records';
import { expectNoAxeViolations } from '../axe';

type Store = (
  db: DeviceDatabase,
  type: RecordType,
  id: string,
  fields: FieldValues,
) => Promise<void>;

interface HouseholdOptions {
  names: [string, string][];
  caseManagerId: string;
  providerId?: string;
  endDate?: string | null;
  exitDate?: string | null;
  contactAt?: string | null;
  cls?: number | null;
  projectStartDate?: string;
  store?: Store;
}

/** A household with one client per name (the first is head of household), assigned to someone. */
async function addHousehold(db: DeviceDatabase, o: HouseholdOptions) {
  const store = o.store ?? storeSynced;
  const householdId = newId();
  const enrollments: string[] = [];
  for (const [i, [first, last]] of o.names.entries()) {
    const clientId = newId();
    const enrollmentId = newId();
    enrollments.push(enrollmentId);
    await store(
      db,
      'client',
      clientId,
      clientFields({ firstName: first, lastName: last, dob: i ? '2016-09-01' : '1990-05-17' }),
    );
    await store(
      db,
      'enrollment',
      enrollmentId,
      enrollmentFields(clientId, {
        householdId,
        relationshipToHoH: i ? 2 : 1,
        providerId: o.providerId ?? TEST_PROVIDER.id,
        ...(o.projectStartDate ? { projectStartDate: o.projectStartDate } : {}),
        ...(o.exitDate
          ? {
              exitDate: o.exitDate,
              exitReason: 'housed',
              destination: 435,
              destinationSubsidyType: 439,
            }
          : {}),
      }),
    );
    if (i === 0 && o.contactAt) {
      const clsId = newId();
      await store(db, 'currentLivingSituation', clsId, {
        enrollmentId,
        clientId,
        informationDate: o.contactAt.slice(0, 10),
        currentLivingSituation: o.cls ?? 116,
        clsSubsidyType: null,
        verifiedBy: null,
        leaveSituation14Days: null,
        subsequentResidence: null,
        resourcesToObtain: null,
        leaseOwn60Day: null,
        movedTwoOrMore: null,
        locationDetails: null,
      });
      await store(db, 'contact', newId(), {
        enrollmentId,
        clientId,
        contactAt: o.contactAt,
        location: null,
        kind: 'in_person',
        note: null,
        currentLivingSituationId: clsId,
        interimAssessmentId: null,
      });
    }
  }
  await store(db, 'caseManagerAssignment', newId(), {
    enrollmentId: enrollments[0]!,
    caseManagerId: o.caseManagerId,
    startDate: '2026-01-05',
    endDate: o.endDate ?? null,
  });
  return { householdId, enrollments };
}

function rowOf(name: string): HTMLElement {
  return screen.getByRole('link', { name }).closest('li')!;
}

function shownNames(): string[] {
  const list = screen.queryByRole('list', { name: 'Households' });
  if (!list) return [];
  return within(list)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

afterEach(cleanup);

let services: TestServices;
let me: string;

beforeEach(async () => {
  window.history.replaceState(null, '', '/');
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  services = await makeServices();
  me = services.account.userId;
});

describe('CaseloadPage', () => {
  it('W-ANNUAL-2: shows "Annual assessment due by <date>" and "late" per household', async () => {
    const { db } = services;
    // Today is 2026-03-10: started 2025-03-20 → window closes 2026-04-19; 2025-01-10 → closed.
    await addHousehold(db, {
      names: [
        ['Robin', 'Dueperson'],
        ['Sky', 'Dueperson'],
      ],
      caseManagerId: me,
      projectStartDate: '2025-03-20',
    });
    await addHousehold(db, {
      names: [['Ash', 'Lateperson']],
      caseManagerId: me,
      projectStartDate: '2025-01-10',
    });
    await addHousehold(db, { names: [['Kit', 'Newperson']], caseManagerId: me });
    const { container } = renderWithServices(<CaseloadPage />, services);
    await screen.findByRole('list', { name: 'Households' });
    expect(
      within(rowOf('Robin Dueperson')).getByText('Annual assessment due by Apr 19, 2026'),
    ).toBeTruthy();
    expect(within(rowOf('Ash Lateperson')).getByText('Annual assessment late')).toBeTruthy();
    expect(within(rowOf('Kit Newperson')).queryByText(/Annual assessment/)).toBeNull();
    await expectNoAxeViolations(container);
  });

  it("shows only households with the person's active assignment at this provider", async () => {
    const { db } = services;
    const robin = await addHousehold(db, {
      names: [
        ['Robin', 'Testperson'],
        ['Sky', 'Testperson'],
      ],
      caseManagerId: me,
      contactAt: '2026-03-05T18:00:00Z',
      cls: 101,
    });
    await addHousehold(db, {
      names: [['Avery', 'Endedassignment']],
      caseManagerId: me,
      endDate: '2026-03-01',
      contactAt: '2026-03-09T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Jordan', 'Colleaguecase']],
      caseManagerId: newId(),
      contactAt: '2026-03-09T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Casey', 'Otherprovider']],
      caseManagerId: me,
      providerId: newId(),
      contactAt: '2026-03-09T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Harper', 'Endstomorrow']],
      caseManagerId: me,
      endDate: '2026-03-11',
      contactAt: '2026-03-09T18:00:00Z',
    });

    renderWithServices(<CaseloadPage />, services);

    expect(await screen.findByRole('link', { name: 'Robin Testperson' })).toHaveProperty(
      'pathname',
      `/enrollments/${robin.enrollments[0]}`,
    );
    expect(shownNames()).toEqual(['Robin Testperson', 'Harper Endstomorrow']);
    const row = rowOf('Robin Testperson');
    expect(row.textContent).toContain('Household of 2');
    expect(row.textContent).toContain('Last contact 5 days ago (Mar 5, 2026)');
    expect(row.textContent).toContain(
      `Current Living Situation: ${labelOf(getList('4.12.2'), 101)}`,
    );
    expect(within(row).queryByText('Not synced')).toBeNull();
    expect(within(row).queryByText('Needs a contact')).toBeNull();
  });

  it('puts households needing a contact first, flags missing Entry answers and unsynced records', async () => {
    const { db } = services;
    await addHousehold(db, {
      names: [['Robin', 'Testperson']],
      caseManagerId: me,
      contactAt: '2026-03-05T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Quinn', 'Overdue']],
      caseManagerId: me,
      contactAt: '2026-01-20T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Avery', 'Sampleton']],
      caseManagerId: me,
      contactAt: '2026-02-20T18:00:00Z',
    });
    // Recorded on this device and not yet synced, with no contact at all.
    await addHousehold(db, {
      names: [['Morgan', 'Newintake']],
      caseManagerId: me,
      store: saveLocal,
    });

    renderWithServices(<CaseloadPage />, services);
    await screen.findByRole('link', { name: 'Robin Testperson' });

    expect(shownNames()).toEqual([
      'Morgan Newintake',
      'Quinn Overdue',
      'Avery Sampleton',
      'Robin Testperson',
    ]);
    const morgan = rowOf('Morgan Newintake');
    expect(within(morgan).getByText('Not synced')).toBeTruthy();
    expect(within(morgan).getByText('Needs a contact')).toBeTruthy();
    expect(morgan.textContent).toContain('No contact recorded');
    expect(within(rowOf('Quinn Overdue')).getByText('Needs a contact')).toBeTruthy();
    expect(within(rowOf('Avery Sampleton')).queryByText('Needs a contact')).toBeNull();
    expect(within(rowOf('Avery Sampleton')).queryByText('Not synced')).toBeNull();

    // No Entry assessment: every required Entry answer of the adult head of household is missing.
    const missing = missingFields(
      FORMS,
      1,
      {},
      {
        projectType: TEST_PROVIDER.projectType,
        today: '2026-03-10',
        subject: { isHeadOfHousehold: true, isAdult: true },
      },
    ).length;
    expect(within(morgan).getByText(`${missing} missing Entry answers`)).toBeTruthy();
  });

  it('filters by what is due and Exited (All by default), and searches any member by name', async () => {
    const user = userEvent.setup();
    const { db } = services;
    await addHousehold(db, {
      names: [
        ['Robin', 'Testperson'],
        ['Sky', 'Testperson'],
      ],
      caseManagerId: me,
      contactAt: '2026-03-05T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Quinn', 'Overdue']],
      caseManagerId: me,
      contactAt: '2026-01-20T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['José', 'Núñez']],
      caseManagerId: me,
      contactAt: '2026-03-01T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Emery', 'Housedperson']],
      caseManagerId: me,
      exitDate: '2026-03-01',
      contactAt: '2026-02-27T18:00:00Z',
    });

    const { container } = renderWithServices(<CaseloadPage />, services);
    await screen.findByRole('link', { name: 'Robin Testperson' });
    // "All" is the default: what is due first, exited households last.
    expect(screen.getByRole('button', { name: 'All (4)' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(shownNames()).toEqual([
      'Quinn Overdue',
      'José Núñez',
      'Robin Testperson',
      'Emery Housedperson',
    ]);

    await user.click(screen.getByRole('button', { name: 'No contact in 30 days (1)' }));
    expect(shownNames()).toEqual(['Quinn Overdue']);
    expect(window.location.search).toBe('?filter=no-contact');
    expect(
      screen
        .getByRole('button', { name: 'No contact in 30 days (1)' })
        .getAttribute('aria-pressed'),
    ).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Exited (1)' }));
    expect(shownNames()).toEqual(['Emery Housedperson']);
    expect(within(rowOf('Emery Housedperson')).getByText('Exited Mar 1, 2026')).toBeTruthy();

    // None of them has an Entry: every household misses Entry answers.
    await user.click(screen.getByRole('button', { name: 'Missing Entry answers (4)' }));
    expect(shownNames()).toHaveLength(4);
    // Nothing under these: not offered.
    expect(screen.queryByRole('button', { name: /^Rejected changes/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Annual assessment due/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'All (4)' }));
    expect(window.location.search).toBe('');
    expect(shownNames()).toHaveLength(4);

    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'sky');
    expect(shownNames()).toEqual(['Robin Testperson']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search by name' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'nunez');
    expect(shownNames()).toEqual(['José Núñez']);
    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'zzz');
    expect(screen.getByText(/No household matches/)).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('sorts by what is due: no contact, then annual assessment, then rejected changes', async () => {
    const user = userEvent.setup();
    const { db } = services;
    // Every household misses its Entry answers (no Entry recorded): that ties, the rest decides.
    await addHousehold(db, {
      names: [['Robin', 'Recentcontact']],
      caseManagerId: me,
      contactAt: '2026-03-09T18:00:00Z',
    });
    const rejected = await addHousehold(db, {
      names: [['Ash', 'Rejectedchange']],
      caseManagerId: me,
      contactAt: '2026-03-08T18:00:00Z',
    });
    await addHousehold(db, {
      names: [['Kit', 'Annualdue']],
      caseManagerId: me,
      contactAt: '2026-03-07T18:00:00Z',
      projectStartDate: '2025-03-20',
    });
    await addHousehold(db, {
      names: [['Quinn', 'Nocontact']],
      caseManagerId: me,
      contactAt: '2026-01-02T18:00:00Z',
    });
    // A change to Ash's enrollment the server refused.
    await saveLocal(db, 'contact', newId(), {
      enrollmentId: rejected.enrollments[0]!,
      clientId: newId(),
      contactAt: '2026-03-10T15:00:00Z',
      location: null,
      kind: 'phone',
      note: null,
      currentLivingSituationId: newId(),
      interimAssessmentId: null,
    });
    const [row] = await pendingOutbox(db);
    await db.rejected.add({
      mutation: row!.mutation,
      providerId: TEST_PROVIDER.id,
      message: 'Refused in this test',
      at: 0,
    });

    const { container } = renderWithServices(<CaseloadPage />, services);
    await screen.findByText('1 rejected change');
    expect(shownNames()).toEqual([
      'Quinn Nocontact',
      'Kit Annualdue',
      'Ash Rejectedchange',
      'Robin Recentcontact',
    ]);
    expect(within(rowOf('Ash Rejectedchange')).getByText('1 rejected change')).toBeTruthy();
    expect(within(rowOf('Kit Annualdue')).getByText(/^Annual assessment due by/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Rejected changes (1)' }));
    expect(shownNames()).toEqual(['Ash Rejectedchange']);
    await user.click(screen.getByRole('button', { name: 'Annual assessment due (1)' }));
    expect(shownNames()).toEqual(['Kit Annualdue']);
    expect(screen.getByRole('group', { name: 'Show' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('explains how to add a client when the caseload is empty', async () => {
    await addHousehold(services.db, {
      names: [['Jordan', 'Colleaguecase']],
      caseManagerId: newId(),
    });
    const { container } = renderWithServices(<CaseloadPage />, services);
    expect(
      await screen.findByRole('heading', { name: 'No clients on your caseload yet' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Search for a client or add one' })).toHaveProperty(
      'pathname',
      '/clients/find',
    );
    expect(screen.getByRole('link', { name: 'Find or add a client' })).toHaveProperty(
      'pathname',
      '/clients/find',
    );
    await expectNoAxeViolations(container);
  });
});
