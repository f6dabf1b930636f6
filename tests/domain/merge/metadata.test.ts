// HMIS record metadata kept by the merge (issue 10): DateCreated is the first write, DateUpdated
// and UserID the last write that changed the record, DateDeleted the soft delete (M6).
import { describe, expect, it } from 'vitest';
import {
  hlcInstant,
  metaFromVersions,
  mergeMutation,
  nextRecordMeta,
  stampMutation,
  stateChanged,
  type RecordState,
} from '../../../src/domain/merge';
import { Device, T0, USER_A, USER_B, clientFields, ids } from './fixtures';

function apply(state: RecordState | null, m: ReturnType<Device['create']>, user: string) {
  const outcome = mergeMutation(state, stampMutation(m, user, T0 + 3_600_000));
  return {
    state: outcome.state!,
    at: hlcInstant(stampMutation(m, user, T0 + 3_600_000).effectiveHlc),
  };
}

describe('record metadata', () => {
  const a = new Device('dev-a', USER_A);
  const b = new Device('dev-b', USER_B, 60_000);

  it('a new record: created and updated by its first write, not deleted', () => {
    const created = apply(null, a.create('client', ids.client, clientFields()), USER_A);
    const meta = nextRecordMeta(null, null, created.state, { at: created.at, userId: USER_A });
    expect(meta).toEqual({
      dateCreated: new Date(T0).toISOString(),
      dateUpdated: new Date(T0).toISOString(),
      userId: USER_A,
      dateDeleted: null,
    });
  });

  it('a later change by another user moves DateUpdated and UserID, not DateCreated', () => {
    const created = apply(null, a.create('client', ids.client, clientFields()), USER_A);
    const first = nextRecordMeta(null, null, created.state, { at: created.at, userId: USER_A });
    b.view.set(`client:${ids.client}`, { ...clientFields() });
    const patched = apply(
      created.state,
      b.patch('client', ids.client, { phone: '6125550100' }),
      USER_B,
    );
    const meta = nextRecordMeta(first, created.state, patched.state, {
      at: patched.at,
      userId: USER_B,
    });
    expect(meta).toEqual({ ...first, dateUpdated: patched.at, userId: USER_B });
    expect(patched.at > first.dateUpdated).toBe(true);
  });

  it('a write that changes nothing leaves the metadata alone', () => {
    const created = apply(null, a.create('client', ids.client, clientFields()), USER_A);
    const first = nextRecordMeta(null, null, created.state, { at: created.at, userId: USER_A });
    expect(stateChanged(created.state, created.state)).toBe(false);
    const same = nextRecordMeta(first, created.state, created.state, {
      at: new Date(T0 + 999_999).toISOString(),
      userId: USER_B,
    });
    expect(same).toBe(first);
  });

  it('M6: a delete sets DateDeleted, a restore clears it', () => {
    const created = apply(null, a.create('client', ids.client, clientFields()), USER_A);
    const m0 = nextRecordMeta(null, null, created.state, { at: created.at, userId: USER_A });
    a.advance(1_000);
    const deleted = apply(created.state, a.delete('client', ids.client), USER_A);
    const m1 = nextRecordMeta(m0, created.state, deleted.state, { at: deleted.at, userId: USER_A });
    expect(m1.dateDeleted).toBe(deleted.at);
    a.advance(1_000);
    const restored = apply(deleted.state, a.restore('client', ids.client), USER_B);
    const m2 = nextRecordMeta(m1, deleted.state, restored.state, {
      at: restored.at,
      userId: USER_B,
    });
    expect(m2.dateDeleted).toBeNull();
    expect(m2.dateUpdated).toBe(restored.at);
  });

  it('records stored before metadata was kept get it from their versions', () => {
    const created = apply(null, a.create('client', ids.client, clientFields()), USER_A);
    b.view.set(`client:${ids.client}`, { ...clientFields() });
    b.advance(5_000);
    const patched = apply(
      created.state,
      b.patch('client', ids.client, { email: 'r@example.org' }),
      USER_B,
    );
    expect(metaFromVersions(patched.state)).toEqual({
      dateCreated: created.at,
      dateUpdated: patched.at,
      userId: USER_B,
      dateDeleted: null,
    });
  });
});
