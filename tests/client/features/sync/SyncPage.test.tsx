// The sync page: state, pending changes in plain words, rejected changes fixed or discarded (nothing
// typed lost silently), conflicts for supervisors with both values, and the phases that need the
// person. Synthetic people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  getView,
  listRejected,
  pendingOutbox,
  saveChanges,
  saveDraft,
  settlePushResults,
  type Change,
  type DeviceDatabase,
} from '../../../../src/db';
import { formatHlc } from '../../../../src/domain/clock/hlc';
import { newId } from '../../../../src/domain/records';
import { SyncPage } from '../../../../src/features/sync';
import type { AppServices } from '../../../../src/shared/services';
import { clientFields, contactFields, enrollmentFields } from '../../../domain/merge/fixtures';
import {
  TEST_NOW,
  TEST_PROVIDER,
  makeServices,
  renderWithServices,
  testAccount,
  type TestServices,
} from '../render';
import { expectNoAxeViolations } from '../axe';

afterEach(cleanup);

const seed = (db: DeviceDatabase, changes: Change[]) =>
  saveChanges(db, changes, { providerId: TEST_PROVIDER.id });

/** A client with an enrollment and a contact, all saved on this device (not yet synced). */
async function household(db: DeviceDatabase) {
  const client = newId();
  const enrollment = newId();
  const contact = newId();
  await seed(db, [
    { type: 'client', id: client, op: 'create', fields: clientFields() },
    {
      type: 'enrollment',
      id: enrollment,
      op: 'create',
      fields: enrollmentFields({ clientId: client, providerId: TEST_PROVIDER.id }),
    },
    {
      type: 'contact',
      id: contact,
      op: 'create',
      fields: contactFields({ clientId: client, enrollmentId: enrollment }),
    },
  ]);
  return { client, enrollment, contact };
}

/** Settles the whole outbox as the server would: applied, except these rejected ones. */
async function push(db: DeviceDatabase, rejected: Record<string, string> = {}) {
  const entries = await pendingOutbox(db);
  await settlePushResults(
    db,
    entries,
    entries.map((e) => {
      const message = rejected[e.mutation.mutationId];
      return {
        mutationId: e.mutation.mutationId,
        status: message ? ('rejected' as const) : ('applied' as const),
        message: message ?? null,
        notices: [],
        conflictIds: [],
      };
    }),
  );
}

/** A client created on this device and synced. */
async function syncedClient(db: DeviceDatabase) {
  const client = newId();
  await seed(db, [{ type: 'client', id: client, op: 'create', fields: clientFields() }]);
  await push(db);
  return client;
}

/** A client on the server whose email change this device made was rejected. */
async function rejectedEmail(db: DeviceDatabase) {
  const client = await syncedClient(db);
  const [bad] = await seed(db, [
    { type: 'client', id: client, op: 'patch', fields: { email: 'robin@example.org' } },
  ]);
  await push(db, { [bad!.mutationId]: 'The server could not accept this email address.' });
  return client;
}

async function renderPage(services: TestServices) {
  const user = userEvent.setup();
  const view = renderWithServices(<SyncPage />, services);
  await screen.findByRole('heading', { level: 1, name: 'Sync' });
  return { user, ...view };
}

const section = (name: string | RegExp) => screen.findByRole('region', { name });

describe('SyncPage: state', () => {
  it('shows the state in words and syncs on request', async () => {
    const services = await makeServices();
    services.status.setState({
      lastSuccessAt: TEST_NOW - 5 * 60_000,
      lastError: 'Could not reach the server.',
      phase: 'error',
      nextRetryAt: TEST_NOW + 60_000,
    });
    const { user } = await renderPage(services);
    const status = await section('Status');
    expect(within(status).getByText('Online')).toBeTruthy();
    expect(within(status).getByText(/5 minutes ago/)).toBeTruthy();
    expect(within(status).getByText('Could not reach the server.')).toBeTruthy();
    expect(within(status).getByText('Next try')).toBeTruthy();
    await user.click(within(status).getByRole('button', { name: 'Sync now' }));
    expect(services.syncCalls).toBe(1);
    expect(await within(status).findByText('Sync finished.')).toBeTruthy();
  });

  it('explains why Sync now is off while offline', async () => {
    const services = await makeServices();
    services.status.setState({ online: false, phase: 'offline' });
    await renderPage(services);
    const button = screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const hint = document.getElementById(button.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toMatch(/You are offline.*kept on this device/);
  });

  it('asks for an update, keeping the unsynced changes', async () => {
    const services = await makeServices();
    services.status.setState({ phase: 'update_required', pendingCount: 2 });
    await renderPage(services);
    expect(screen.getByText('Update Fieldnote to sync')).toBeTruthy();
    expect(screen.getByText(/unsynced changes stay on this device/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload and update' })).toBeTruthy();
  });

  it('offers to lock and sign in again when signed out', async () => {
    const lock = vi.fn(async () => {});
    const services = await makeServices({ lock });
    services.status.setState({ phase: 'signed_out' });
    const { user } = await renderPage(services);
    await user.click(screen.getByRole('button', { name: 'Lock and sign in again' }));
    expect(lock).toHaveBeenCalledOnce();
  });
});

describe('SyncPage: pending changes', () => {
  it('lists the outbox oldest first in plain words, linking to each record', async () => {
    const services = await makeServices();
    const { client, enrollment } = await household(services.db);
    await seed(services.db, [
      {
        type: 'client',
        id: client,
        op: 'patch',
        fields: { phone: '6125550100', email: 'robin@example.org' },
      },
    ]);
    await renderPage(services);
    const pending = await section('Pending changes');
    expect(await within(pending).findByText(/4 changes saved on this device/)).toBeTruthy();
    const items = within(pending).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('p')!.textContent)).toEqual([
      'Client profile for Robin Testperson',
      'Enrollment for Robin Testperson',
      'Contact for Robin Testperson',
      'Client profile for Robin Testperson',
    ]);
    expect(within(items[0]!).getByText('New')).toBeTruthy();
    expect(within(items[3]!).getByText('Changed: Phone, Email')).toBeTruthy();
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe(`/clients/${client}`);
    expect(within(items[2]!).getByRole('link').getAttribute('href')).toBe(
      `/enrollments/${enrollment}`,
    );
    expect(within(items[2]!).getByText(/^Saved Mar 10, 2026/)).toBeTruthy();
  });

  it('says when everything has reached the server', async () => {
    const services = await makeServices();
    await renderPage(services);
    const pending = await section('Pending changes');
    expect(await within(pending).findByText(/has reached the server/)).toBeTruthy();
  });
});

describe('SyncPage: rejected changes', () => {
  it('fixes and resends: a corrected change is saved and the rejected one removed', async () => {
    const services = await makeServices();
    const client = await rejectedEmail(services.db);
    const { user } = await renderPage(services);
    const attention = await section('Needs attention — rejected changes');
    expect(
      within(attention).getByText('The server could not accept this email address.'),
    ).toBeTruthy();
    expect(within(attention).getByText('robin@example.org')).toBeTruthy();

    await user.click(within(attention).getByRole('button', { name: 'Fix and resend' }));
    const email = within(attention).getByLabelText('Email');
    expect((email as HTMLInputElement).value).toBe('robin@example.org');
    await user.clear(email);
    await user.type(email, 'robin.t@example.org');
    await user.click(within(attention).getByRole('button', { name: 'Resend' }));

    await waitFor(async () => expect(await listRejected(services.db)).toEqual([]));
    const queued = await pendingOutbox(services.db);
    expect(queued.map((e) => [e.mutation.op, e.mutation.fields])).toEqual([
      ['patch', { email: 'robin.t@example.org' }],
    ]);
    expect(await getView(services.db, 'client', client)).toMatchObject({
      email: 'robin.t@example.org',
    });
    expect(
      await screen.findByText(/^Resent: Client profile for Robin Testperson: Email/),
    ).toBeTruthy();
    expect(services.syncCalls).toBeGreaterThan(0);
    expect(await services.db.drafts.count()).toBe(0);
  });

  it('shows a correction the merge refuses next to the form and keeps the rejected change', async () => {
    const services = await makeServices();
    const client = await syncedClient(services.db);
    const [bad] = await seed(services.db, [
      { type: 'client', id: client, op: 'patch', fields: { phone: '6125550100' } },
    ]);
    await push(services.db, { [bad!.mutationId]: 'Refused by the server.' });
    const { user } = await renderPage(services);
    const attention = await section('Needs attention — rejected changes');
    await user.click(within(attention).getByRole('button', { name: 'Fix and resend' }));
    const phone = within(attention).getByLabelText('Phone');
    await user.clear(phone);
    await user.type(phone, '555');
    await user.click(within(attention).getByRole('button', { name: 'Resend' }));
    expect(
      await within(attention).findByRole('link', { name: 'Phone: enter 10 digits' }),
    ).toBeTruthy();
    expect(await listRejected(services.db)).toHaveLength(1);
    expect(await pendingOutbox(services.db)).toEqual([]);
  });

  it('asks before discarding, showing the values that will be lost', async () => {
    const services = await makeServices();
    await rejectedEmail(services.db);
    const { user } = await renderPage(services);
    const attention = await section('Needs attention — rejected changes');
    await user.click(within(attention).getByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard this change?' });
    expect(within(dialog).getByText(/These values will be lost/)).toBeTruthy();
    expect(within(dialog).getByText('Email')).toBeTruthy();
    expect(within(dialog).getByText('robin@example.org')).toBeTruthy();
    expect(await listRejected(services.db)).toHaveLength(1);

    await user.click(within(dialog).getByRole('button', { name: 'Discard change' }));
    await waitFor(async () => expect(await listRejected(services.db)).toEqual([]));
    expect(await screen.findByText(/^Discarded: Client profile for Robin Testperson/)).toBeTruthy();
    expect(await pendingOutbox(services.db)).toEqual([]);
  });
});

// ---- conflicts ----------------------------------------------------------------------------------

const PAT = newId();
const LEE = newId();

function version(device: string, userId: string, millis: number) {
  return {
    hlc: formatHlc({ millis, counter: 0, node: device }),
    deviceId: device,
    userId,
    mutationId: newId(),
    gen: 0,
    valueClass: 0,
    kind: 1,
  };
}

function conflictRow(
  overrides: { rule: string; recordType: string; recordId: string } & Record<string, unknown>,
) {
  return {
    conflict: {
      id: newId(),
      group: 'note',
      fields: ['note'],
      winner: {
        values: { note: 'Later note' },
        version: version('dev-b', PAT, TEST_NOW - 3_600_000),
      },
      loser: {
        values: { note: 'Earlier note' },
        version: version('dev-a', LEE, TEST_NOW - 7_200_000),
      },
      relatedRecordId: null,
      message: 'Kept for review: another change to the same field was made later.',
      ...overrides,
    },
    providerIds: [TEST_PROVIDER.id],
    status: 'open',
    createdAt: new Date(TEST_NOW - 3_000_000).toISOString(),
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
}

type Row = ReturnType<typeof conflictRow>;

/** The server's conflict API as a test double: lists `open`, resolves by removing from it. */
function conflictApi(open: Row[]) {
  const calls: { path: string; init?: { method?: string; body?: unknown } }[] = [];
  const api = vi.fn(
    async (
      path: string,
      schema: z.ZodType<unknown>,
      init?: { method?: string; body?: unknown },
    ) => {
      calls.push({ path, init });
      if (path.startsWith('/api/conflicts?')) return schema.parse({ conflicts: open });
      if (path.startsWith('/api/providers/')) {
        return schema.parse({
          members: [
            { id: PAT, displayName: 'Pat Example', role: 'case_manager' },
            { id: LEE, displayName: 'Lee Example', role: 'case_manager' },
          ],
        });
      }
      const resolved = /^\/api\/conflicts\/([0-9a-f]+)\/resolve$/.exec(path);
      if (resolved) {
        const i = open.findIndex((r) => r.conflict.id === resolved[1]);
        const [row] = open.splice(i, 1);
        return schema.parse({ conflict: { ...row, status: 'resolved' } });
      }
      throw new Error(`unexpected ${path}`);
    },
  );
  return { api: api as unknown as AppServices['api'], calls };
}

async function supervisor(open: Row[]) {
  const { api, calls } = conflictApi(open);
  const services = await makeServices({ account: testAccount({ role: 'supervisor' }), api });
  return { services, calls };
}

describe('SyncPage: conflicts', () => {
  it('shows a supervisor both values, who and when, and resolves with the right request', async () => {
    const seeded = await makeServices();
    const { contact } = await household(seeded.db);
    await push(seeded.db);
    const row = conflictRow({ rule: 'M2', recordType: 'contact', recordId: contact });
    const { api, calls } = conflictApi([row]);
    const services = await makeServices({
      db: seeded.db,
      account: testAccount({ role: 'supervisor' }),
      api,
    });
    const { user, container } = await renderPage(services);
    const conflicts = await section('Conflicts');
    const table = await within(conflicts).findByRole('table', {
      name: 'Both values of this conflict',
    });
    const cells = within(table)
      .getAllByRole('row')
      .map((tr) => tr.textContent);
    expect(cells).toEqual(
      expect.arrayContaining([
        'FieldCurrent valueValue that lost',
        'NoteLater noteEarlier note',
        'ByPat ExampleLee Example',
      ]),
    );
    expect(
      await within(conflicts).findByRole('heading', { name: 'Contact for Robin Testperson' }),
    ).toBeTruthy();
    expect(
      within(conflicts).getByText(/another change to the same field was made later/),
    ).toBeTruthy();
    await expectNoAxeViolations(container);

    await user.click(
      within(conflicts).getByRole('button', { name: 'Restore the value that lost' }),
    );
    expect(calls.find((c) => c.path.endsWith('/resolve'))).toEqual({
      path: `/api/conflicts/${row.conflict.id}/resolve`,
      init: { method: 'POST', body: { providerId: TEST_PROVIDER.id, action: 'restore' } },
    });
    expect(
      await within(conflicts).findByText(/No open conflicts for Synthetic Family/),
    ).toBeTruthy();
    // The row has left the list; the confirmation stays, announced.
    expect(
      within(conflicts)
        .getAllByRole('status')
        .some((s) => s.textContent?.startsWith('Resolved: Contact for Robin Testperson')),
    ).toBe(true);
    expect(calls.filter((c) => c.path.startsWith('/api/conflicts?'))).toHaveLength(2);
    expect(services.syncCalls).toBe(1);
  });

  it('links possible duplicates as one person', async () => {
    const row = conflictRow({
      rule: 'M10',
      recordType: 'client',
      recordId: newId(),
      group: 'identity',
      fields: ['firstName', 'lastName', 'dob'],
      winner: {
        values: { firstName: 'Jordan', lastName: 'Sampleperson', dob: '1988-08-08' },
        version: version('dev-a', PAT, TEST_NOW - 60_000),
      },
      loser: {
        values: { firstName: 'Jordan', lastName: 'Sampleperson', dob: '1988-08-08' },
        version: version('dev-b', LEE, TEST_NOW - 30_000),
      },
      relatedRecordId: newId(),
    });
    const { services, calls } = await supervisor([row]);
    const { user } = await renderPage(services);
    const conflicts = await section('Conflicts');
    expect(
      await within(conflicts).findByText('These two client records may be the same person.'),
    ).toBeTruthy();
    expect(within(conflicts).getAllByText('Aug 8, 1988', { selector: 'td' })).toHaveLength(2);
    await user.click(
      within(conflicts).getByRole('button', { name: 'Same person: link the records' }),
    );
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/resolve'))?.init).toEqual({
        method: 'POST',
        body: { providerId: TEST_PROVIDER.id, action: 'link' },
      }),
    );
  });

  it('M11: shows a broken household rule with its message and marks it reviewed', async () => {
    const row = conflictRow({
      rule: 'M11',
      recordType: 'enrollment',
      recordId: newId(),
      group: 'two_heads',
      fields: ['relationshipToHoH'],
      winner: {
        values: { relationshipToHoH: 1 },
        version: version('dev-a', PAT, TEST_NOW - 60_000),
      },
      loser: {
        values: { relationshipToHoH: 1 },
        version: version('dev-b', LEE, TEST_NOW - 30_000),
      },
      relatedRecordId: newId(),
      message:
        'This household has more than one head of household (Eva 3), from changes made on two devices: keep one, and give the other member their relationship to the head of household.',
    });
    const { services, calls } = await supervisor([row]);
    const { user, container } = await renderPage(services);
    const conflicts = await section('Conflicts');
    expect(
      await within(conflicts).findByText(/more than one head of household \(Eva 3\)/),
    ).toBeTruthy();
    expect(within(conflicts).getByRole('columnheader', { name: 'The other record' })).toBeTruthy();
    expect(within(conflicts).queryByRole('button', { name: /Restore/ })).toBeNull();
    await expectNoAxeViolations(container);
    await user.click(
      within(conflicts).getByRole('button', { name: 'Fixed or correct as it is: mark reviewed' }),
    );
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/resolve'))?.init).toEqual({
        method: 'POST',
        body: { providerId: TEST_PROVIDER.id, action: 'dismiss' },
      }),
    );
  });

  it('tells a supervisor offline that server conflicts need a connection', async () => {
    const { services, calls } = await supervisor([]);
    services.status.setState({ online: false });
    await renderPage(services);
    const conflicts = await section('Conflicts');
    expect(within(conflicts).getByText(/Conflicts on the server need a connection/)).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('tells a case manager that a supervisor resolves conflicts, without asking the server', async () => {
    const api = vi.fn();
    const services = await makeServices({ api: api as unknown as AppServices['api'] });
    await renderPage(services);
    const conflicts = await section('Conflicts');
    expect(
      within(conflicts).getByText(/A supervisor reviews conflicts on the server/),
    ).toBeTruthy();
    expect(api).not.toHaveBeenCalled();
  });

  it("lists this device's conflict notices and dismisses one", async () => {
    const services = await makeServices();
    const client = await syncedClient(services.db);
    await services.db.conflicts.put({
      id: newId(),
      recordType: 'client',
      recordId: client,
      message: 'Kept for review: another change to the same field was made later.',
      conflictIds: [],
      at: TEST_NOW - 60_000,
    });
    const { user } = await renderPage(services);
    const conflicts = await section('Conflicts');
    expect(await within(conflicts).findByText('Client profile for Robin Testperson')).toBeTruthy();
    await user.click(within(conflicts).getByRole('button', { name: 'Dismiss notice' }));
    expect(
      await within(conflicts).findByText(/None of the changes sent from this device/),
    ).toBeTruthy();
    expect(await services.db.conflicts.count()).toBe(0);
  });
});

describe('SyncPage: drafts', () => {
  it('summarises unsaved drafts with a link to them', async () => {
    const services = await makeServices();
    await saveDraft(services.db, {
      key: 'contact:x',
      value: { note: 'Half a note' },
      path: '/enrollments/x/contact',
      title: 'Contact for Robin Testperson',
    });
    await renderPage(services);
    const drafts = await section('Unsaved drafts');
    expect(await within(drafts).findByText(/1 form on this device has typing/)).toBeTruthy();
    expect(within(drafts).getByRole('link', { name: 'See drafts' }).getAttribute('href')).toBe(
      '/drafts',
    );
  });
});

describe('SyncPage: accessibility', () => {
  it('has no axe violations with every section filled', async () => {
    const services = await makeServices();
    await rejectedEmail(services.db);
    await household(services.db);
    const { container } = await renderPage(services);
    await section('Needs attention — rejected changes');
    await screen.findByText(/changes saved on this device/);
    await expectNoAxeViolations(container);
  });
});
