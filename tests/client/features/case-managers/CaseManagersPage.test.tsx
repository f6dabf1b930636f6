// The Case Managers tab on a real device database: names from the provider's members (or a
// placeholder offline), ending an assignment, Hand off (W-CM-6: the new case manager added and
// mine ended in one save, online and offline), and the validation messages. Synthetic people only.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { enrollmentBundle, type Change } from '../../../../src/db';
import { newId } from '../../../../src/domain/records';
import { CaseManagersPage } from '../../../../src/features/case-managers';
import type { AppServices } from '../../../../src/shared/services';
import { TEST_PROVIDER, TEST_TODAY, makeServices, renderWithServices } from '../render';
import { clientChange, expectNoAxeViolations, seed } from '../project-start/helpers';

afterEach(cleanup);

const PAT = newId();
const FORMER = newId();

function enrollment(
  id: string,
  clientId: string,
  householdId: string,
  relationship: number,
): Change {
  return {
    type: 'enrollment',
    id,
    op: 'create',
    fields: {
      clientId,
      providerId: TEST_PROVIDER.id,
      householdId,
      relationshipToHoH: relationship,
      projectStartDate: '2026-03-02',
      entryType: 'basic',
      exitDate: null,
      exitReason: null,
      destination: null,
      destinationSubsidyType: null,
    },
  };
}

function assignment(
  enrollmentId: string,
  caseManagerId: string,
  startDate: string,
  endDate: string | null = null,
): Change {
  return {
    type: 'caseManagerAssignment',
    id: newId(),
    op: 'create',
    fields: { enrollmentId, caseManagerId, startDate, endDate },
  };
}

const online: Pick<AppServices, 'api'> = {
  api: <T,>(path: string, schema: z.ZodType<T>) => {
    expect(path).toBe(`/api/providers/${TEST_PROVIDER.id}/members`);
    return Promise.resolve(
      schema.parse({
        members: [
          { id: PAT, displayName: 'Pat Example', role: 'case_manager' },
          { id: newId(), displayName: 'Lee Example', role: 'supervisor' },
        ],
      }),
    );
  },
};

async function setup(overrides: Partial<AppServices> = {}, options: { mine?: boolean } = {}) {
  const services = await makeServices(overrides);
  const me = services.account.userId;
  const ids = { robin: newId(), sky: newId(), head: newId(), child: newId(), household: newId() };
  await seed(services.db, [
    clientChange(ids.robin, 'Robin', 'Testperson', '1990-05-17'),
    clientChange(ids.sky, 'Sky', 'Testperson', '2018-01-09'),
    enrollment(ids.head, ids.robin, ids.household, 1),
    enrollment(ids.child, ids.sky, ids.household, 2),
    assignment(ids.head, FORMER, '2026-03-02', '2026-03-03'),
    ...(options.mine === false
      ? []
      : [assignment(ids.head, me, '2026-03-04'), assignment(ids.child, me, '2026-03-04')]),
  ]);
  const user = userEvent.setup();
  const view = renderWithServices(<CaseManagersPage enrollmentId={ids.head} />, services);
  await screen.findByRole('heading', { level: 1, name: 'Case managers' });
  return { ...view, services, user, ids, me };
}

async function assignmentsOf(services: AppServices, enrollmentId: string) {
  return (await enrollmentBundle(services.db, enrollmentId))!.assignments;
}

const section = (name: string) => within(screen.getByRole('region', { name }));

describe('CaseManagersPage', () => {
  it('lists who works with the household, with names from the provider', async () => {
    const { container } = await setup(online);
    const list = within(screen.getByRole('region', { name: 'Assignments' }));
    const items = list.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain(`Case manager (id …${FORMER.slice(-6)})`);
    expect(items[0]).toContain('Ended');
    expect(items[0]).toContain('From Mar 2, 2026 to Mar 3, 2026');
    expect(items[1]).toContain('Test Casemanager (you)');
    expect(items[1]).toContain('Active');
    // The members list arrives from the server.
    const add = section('Add a case manager');
    expect(await add.findByLabelText('Pat Example')).toBeTruthy();
    expect(add.getByLabelText('Lee Example (supervisor)')).toBeTruthy();
    // Hand off offers the others, not me.
    const handOff = section('Hand off');
    expect(handOff.getByLabelText('Pat Example')).toBeTruthy();
    expect(handOff.queryByLabelText('Test Casemanager (you)')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('ends an assignment for the whole household, after explaining bad dates', async () => {
    const { services, user, ids, me, container } = await setup();
    await user.click(
      screen.getByRole('button', { name: 'End assignment of Test Casemanager (you)' }),
    );
    const endDate = screen.getByLabelText(/^End date/) as HTMLInputElement;
    expect(endDate.value).toBe(TEST_TODAY);
    const saveButton = screen.getByRole('button', { name: 'Save end date' });

    fireEvent.change(endDate, { target: { value: '2026-03-03' } });
    await user.click(saveButton);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The end date cannot be before the assignment started (March 4, 2026).',
    );
    expect(endDate.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(container);

    fireEvent.change(endDate, { target: { value: '2026-03-11' } });
    await user.click(saveButton);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'The end date cannot be in the future.',
      ),
    );
    expect(services.saved).toEqual([]);

    fireEvent.change(endDate, { target: { value: '2026-03-08' } });
    await user.click(saveButton);
    expect(
      await screen.findByText(
        'Test Casemanager (you): assignment ended on Mar 8, 2026 for 2 household members.',
      ),
    ).toBeTruthy();
    expect(services.saved).toHaveLength(1);
    for (const enrollmentId of [ids.head, ids.child]) {
      const mine = (await assignmentsOf(services, enrollmentId)).find(
        (a) => a.caseManagerId === me,
      );
      expect(mine).toMatchObject({ startDate: '2026-03-04', endDate: '2026-03-08' });
    }
  });

  it('W-CM-6: Hand off adds the new case manager and ends mine, for the household, in one save', async () => {
    const { services, user, ids, me, container } = await setup(online);
    const handOff = section('Hand off');
    expect((handOff.getByLabelText(/^Hand-off date/) as HTMLInputElement).value).toBe(TEST_TODAY);
    expect(
      (handOff.getByLabelText(/For the whole household \(2 people\)/) as HTMLInputElement).checked,
    ).toBe(true);
    await user.click(await handOff.findByLabelText('Pat Example'));
    const outboxBefore = await services.db.outbox.count();
    await user.click(handOff.getByRole('button', { name: 'Hand off' }));

    expect(
      await screen.findByText(
        'Handed off to Pat Example from Mar 10, 2026 for 2 household members. Your assignment ended on Mar 10, 2026 for 2 household members.',
      ),
    ).toBeTruthy();
    expect(services.saved).toHaveLength(1);
    expect(services.saved[0]!.map((c) => c.op)).toEqual(['create', 'create', 'patch', 'patch']);
    expect(await services.db.outbox.count()).toBe(outboxBefore + 4);
    for (const enrollmentId of [ids.head, ids.child]) {
      const list = await assignmentsOf(services, enrollmentId);
      expect(list.find((a) => a.caseManagerId === PAT)).toMatchObject({
        startDate: TEST_TODAY,
        endDate: null,
      });
      expect(list.find((a) => a.caseManagerId === me)).toMatchObject({ endDate: TEST_TODAY });
    }
    // W-CM-1: mine ended today, so it reads Ended; the new person is active; no more hand-off.
    const list = section('Assignments');
    await waitFor(() =>
      expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        expect.stringContaining('Ended'),
        expect.stringMatching(/Test Casemanager \(you\).*Ended/),
        expect.stringMatching(/Pat Example.*Active/),
      ]),
    );
    expect(screen.queryByRole('region', { name: 'Hand off' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('W-CM-6: Hand off for this enrollment only, on an earlier date', async () => {
    const { services, user, ids, me } = await setup(online);
    const handOff = section('Hand off');
    await user.click(await handOff.findByLabelText('Pat Example'));
    fireEvent.change(handOff.getByLabelText(/^Hand-off date/), {
      target: { value: '2026-03-08' },
    });
    await user.click(handOff.getByLabelText(/For the whole household/));
    await user.click(handOff.getByRole('button', { name: 'Hand off' }));
    expect(
      await screen.findByText(
        'Handed off to Pat Example from Mar 8, 2026. Your assignment ended on Mar 8, 2026.',
      ),
    ).toBeTruthy();
    const head = await assignmentsOf(services, ids.head);
    expect(head.find((a) => a.caseManagerId === PAT)).toMatchObject({ startDate: '2026-03-08' });
    expect(head.find((a) => a.caseManagerId === me)).toMatchObject({ endDate: '2026-03-08' });
    // The child's enrollment is left as it was.
    const child = await assignmentsOf(services, ids.child);
    expect(child.map((a) => [a.caseManagerId, a.endDate])).toEqual([[me, null]]);
  });

  it('W-CM-6: refuses a hand-off to nobody, and says why', async () => {
    const { services, user } = await setup(online);
    const handOff = section('Hand off');
    await handOff.findByLabelText('Pat Example');
    await user.click(handOff.getByRole('button', { name: 'Hand off' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Choose the case manager who takes over.',
    );
    fireEvent.change(handOff.getByLabelText(/^Hand-off date/), {
      target: { value: '2026-03-03' },
    });
    await user.click(handOff.getByLabelText('Pat Example'));
    await user.click(handOff.getByRole('button', { name: 'Hand off' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'The hand-off date cannot be before your assignment started (March 4, 2026).',
      ),
    );
    expect(services.saved).toEqual([]);
  });

  it('W-CM-6 offline: hands off to a case manager on record, saved on the device', async () => {
    const { services, user, ids, me } = await setup();
    const handOff = section('Hand off');
    expect(await handOff.findByText('Handing off without a connection')).toBeTruthy();
    await user.click(handOff.getByLabelText(`Case manager (id …${FORMER.slice(-6)})`));
    await user.click(handOff.getByRole('button', { name: 'Hand off' }));
    expect(await screen.findByText(/^Handed off to Case manager/)).toBeTruthy();
    expect(services.saved).toHaveLength(1);
    const head = await assignmentsOf(services, ids.head);
    expect(head.filter((a) => a.caseManagerId === FORMER).map((a) => a.endDate)).toEqual([
      '2026-03-03',
      null,
    ]);
    expect(head.find((a) => a.caseManagerId === me)).toMatchObject({ endDate: TEST_TODAY });
  });

  it('explains what is wrong with a new assignment', async () => {
    const { services, user } = await setup(online);
    const form = section('Add a case manager');
    const add = form.getByRole('button', { name: 'Add case manager' });
    await user.click(add);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Choose the case manager to add.',
    );

    // I am already assigned.
    await user.click(form.getByLabelText('Test Casemanager (you)'));
    await user.click(add);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Test Casemanager (you) is already a case manager on this enrollment (since March 4, 2026).',
      ),
    );

    await user.click(await form.findByLabelText('Pat Example'));
    fireEvent.change(form.getByLabelText(/^Start date/), { target: { value: '2026-03-01' } });
    await user.click(add);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'The start date cannot be before the project start date (March 2, 2026).',
      ),
    );
    expect(services.saved).toEqual([]);
  });

  it('offline: says the list needs a connection, and still lets me add myself', async () => {
    const { services, user, ids, me } = await setup({}, { mine: false });
    expect(await screen.findByText('The list of case managers needs a connection')).toBeTruthy();
    const people = within(screen.getByRole('group', { name: /^Case manager/ }));
    expect(people.getAllByRole('radio')).toHaveLength(1);
    await user.click(people.getByLabelText('Test Casemanager (you)'));
    // No assignment of mine to hand off, so no offer to.
    expect(screen.queryByRole('region', { name: 'Hand off' })).toBeNull();
    await user.click(screen.getByLabelText(/For the whole household/));
    await user.click(screen.getByRole('button', { name: 'Add case manager' }));

    expect(await screen.findByText('Test Casemanager (you) added from Mar 10, 2026.')).toBeTruthy();
    expect((await assignmentsOf(services, ids.head)).map((a) => a.caseManagerId)).toEqual([
      FORMER,
      me,
    ]);
    expect(await assignmentsOf(services, ids.child)).toEqual([]);
  });
});
