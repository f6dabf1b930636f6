// The sync screen's queries and actions: pending changes with their records, rejected changes
// resent (one transaction, nothing lost when the fix is refused) or discarded, conflict notices.
import { describe, expect, it } from 'vitest';
import type { DeviceDatabase } from '../../../src/db';
import {
  InvalidChangeError,
  RejectedChangeGoneError,
  discardRejected,
  dismissConflictNotice,
  getView,
  listConflictNotices,
  listPending,
  listRejected,
  loadDraft,
  pendingOutbox,
  resendDraftKey,
  resendRejected,
  saveDraft,
  settlePushResults,
  storePulledPage,
} from '../../../src/db';
import type { MutationResult } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';
import { clientFields, contactFields } from '../../domain/merge/fixtures';
import { PROVIDER, open, result, save, serverClient } from './fixtures';

/** Pushes the whole outbox with these results per mutation id (others applied). */
async function settle(db: DeviceDatabase, statuses: Record<string, MutationResult>) {
  const entries = await pendingOutbox(db);
  await settlePushResults(
    db,
    entries,
    entries.map((e) => statuses[e.mutation.mutationId] ?? result(e.mutation.mutationId, 'applied')),
  );
}

describe('listPending', () => {
  it('lists the outbox oldest first with each record as shown and the client it is about', async () => {
    const db = await open();
    const client = newId();
    const contact = newId();
    await storePulledPage(db, PROVIDER, [serverClient(client)], 'c1.1');
    await save(db, { type: 'client', id: client, op: 'patch', fields: { phone: '6125550100' } });
    await save(db, {
      type: 'contact',
      id: contact,
      op: 'create',
      fields: contactFields({ clientId: client }),
    });
    const pending = await listPending(db);
    expect(pending.map((p) => [p.mutation.recordType, p.mutation.op])).toEqual([
      ['client', 'patch'],
      ['contact', 'create'],
    ]);
    expect(pending[0]!.view).toMatchObject({ id: client, phone: '6125550100', pending: true });
    expect(pending[0]!.client?.id).toBe(client);
    expect(pending[1]!.view).toMatchObject({ id: contact, note: 'Talked about housing options.' });
    expect(pending[1]!.client).toMatchObject({ firstName: 'Robin', lastName: 'Testperson' });
    expect(pending[0]!.localSeq).toBeLessThan(pending[1]!.localSeq);
    expect(await listPending(db, 1)).toHaveLength(1);
  });
});

describe('rejected changes', () => {
  it('resends a rejected patch as a new patch with the corrected value and removes the row and its draft', async () => {
    const db = await open();
    const client = newId();
    await storePulledPage(db, PROVIDER, [serverClient(client)], 'c1.1');
    const bad = await save(db, {
      type: 'client',
      id: client,
      op: 'patch',
      fields: { email: 'robin@example.org' },
    });
    await settle(db, {
      [bad.mutationId]: result(bad.mutationId, 'rejected', 'That email is not allowed.'),
    });
    const [rejected] = await listRejected(db);
    expect(rejected).toMatchObject({
      message: 'That email is not allowed.',
      providerId: PROVIDER,
      mutation: { mutationId: bad.mutationId },
    });
    expect(rejected!.view).toMatchObject({ email: null });
    await saveDraft(db, {
      key: resendDraftKey(rejected!.id),
      value: { email: 'robin.t@example.org' },
      path: '/sync',
      title: 'Fix',
    });

    const sent = await resendRejected(db, rejected!.id, { email: 'robin.t@example.org' });

    expect(sent).toMatchObject({ op: 'patch', fields: { email: 'robin.t@example.org' } });
    expect(sent.mutationId).not.toBe(bad.mutationId);
    expect(await listRejected(db)).toEqual([]);
    expect(await loadDraft(db, resendDraftKey(rejected!.id))).toBeUndefined();
    expect((await pendingOutbox(db)).map((e) => e.mutation.mutationId)).toEqual([sent.mutationId]);
    expect(await getView(db, 'client', client)).toMatchObject({ email: 'robin.t@example.org' });
  });

  it('resends a rejected create as a create when the record never existed', async () => {
    const db = await open();
    const client = newId();
    const bad = await save(db, {
      type: 'client',
      id: client,
      op: 'create',
      fields: clientFields({ firstName: 'Robn' }),
    });
    await settle(db, { [bad.mutationId]: result(bad.mutationId, 'rejected', 'Refused.') });
    expect(await getView(db, 'client', client)).toBeUndefined();
    const [rejected] = await listRejected(db);

    const sent = await resendRejected(db, rejected!.id, { firstName: 'Robin' });

    expect(sent.op).toBe('create');
    expect(sent.fields).toMatchObject({ firstName: 'Robin', lastName: 'Testperson' });
    expect(await getView(db, 'client', client)).toMatchObject({ firstName: 'Robin' });
    expect(await listRejected(db)).toEqual([]);
  });

  it('keeps the rejected row and writes nothing when the correction is refused too', async () => {
    const db = await open();
    const client = newId();
    await storePulledPage(db, PROVIDER, [serverClient(client)], 'c1.1');
    const bad = await save(db, {
      type: 'client',
      id: client,
      op: 'patch',
      fields: { phone: '6125550100' },
    });
    await settle(db, { [bad.mutationId]: result(bad.mutationId, 'rejected', 'Refused.') });
    const [rejected] = await listRejected(db);

    await expect(resendRejected(db, rejected!.id, { phone: '555' })).rejects.toBeInstanceOf(
      InvalidChangeError,
    );

    expect(await listRejected(db)).toHaveLength(1);
    expect(await pendingOutbox(db)).toEqual([]);
    expect(await getView(db, 'client', client)).toMatchObject({ phone: null });
  });

  it('says so when the rejected change is already gone', async () => {
    const db = await open();
    await expect(resendRejected(db, 12345, {})).rejects.toBeInstanceOf(RejectedChangeGoneError);
  });

  it('discards a rejected change with its typed correction', async () => {
    const db = await open();
    const client = newId();
    const bad = await save(db, {
      type: 'client',
      id: client,
      op: 'create',
      fields: clientFields(),
    });
    await settle(db, { [bad.mutationId]: result(bad.mutationId, 'rejected', 'Refused.') });
    const [rejected] = await listRejected(db);
    await saveDraft(db, {
      key: resendDraftKey(rejected!.id),
      value: {},
      path: '/sync',
      title: 'Fix',
    });
    await discardRejected(db, rejected!.id);
    expect(await listRejected(db)).toEqual([]);
    expect(await loadDraft(db, resendDraftKey(rejected!.id))).toBeUndefined();
  });
});

describe('conflict notices', () => {
  it('lists notices newest first with their record, and dismisses one', async () => {
    const db = await open();
    const client = newId();
    await storePulledPage(db, PROVIDER, [serverClient(client)], 'c1.1');
    const first = await save(db, {
      type: 'client',
      id: client,
      op: 'patch',
      fields: { phone: '6125550100' },
    });
    await settle(db, {
      [first.mutationId]: result(first.mutationId, 'conflict', 'Kept for review.'),
    });
    await db.conflicts.put({
      id: newId(),
      recordType: 'client',
      recordId: client,
      message: 'Another one.',
      conflictIds: [],
      at: Date.now() + 1000,
    });
    const notices = await listConflictNotices(db);
    expect(notices.map((n) => n.notice.message)).toEqual(['Another one.', 'Kept for review.']);
    expect(notices[1]!.client).toMatchObject({ firstName: 'Robin' });
    await dismissConflictNotice(db, first.mutationId);
    expect((await listConflictNotices(db)).map((n) => n.notice.message)).toEqual(['Another one.']);
  });
});
