import { describe, expect, it } from 'vitest';
import {
  MAX_PUSH_BATCH,
  PROTOCOL_VERSION,
  mutationSchema,
  pullRequestSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../../src/domain/protocol';
import { derivedId, newId } from '../../../src/domain/records/ids';

const mutation = {
  mutationId: newId(),
  deviceId: 'dev-a',
  seq: 1,
  hlc: '001795532520000-00002-dev-a',
  recordType: 'contact',
  recordId: newId(),
  op: 'patch',
  fields: { note: 'Met at the library' },
  seen: { note: null },
};

describe('sync protocol', () => {
  it('accepts a well-formed mutation with what the device saw', () => {
    expect(mutationSchema.parse(mutation)).toEqual(mutation);
  });

  it('requires the clock to carry the device id', () => {
    const r = mutationSchema.safeParse({ ...mutation, hlc: '001795532520000-00002-dev-b' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/device id/);
  });

  it('rejects a seen value for a field the mutation does not set, and fields on a delete', () => {
    expect(mutationSchema.safeParse({ ...mutation, seen: { phone: null } }).success).toBe(false);
    expect(mutationSchema.safeParse({ ...mutation, op: 'delete' }).success).toBe(false);
    expect(
      mutationSchema.safeParse({ ...mutation, op: 'delete', fields: {}, seen: {} }).success,
    ).toBe(true);
  });

  it('rejects unknown record types, bad ids, non-positive sequence numbers and non-finite numbers', () => {
    expect(mutationSchema.safeParse({ ...mutation, recordType: 'note' }).success).toBe(false);
    expect(mutationSchema.safeParse({ ...mutation, recordId: 'not-an-id' }).success).toBe(false);
    expect(mutationSchema.safeParse({ ...mutation, seq: 0 }).success).toBe(false);
    expect(
      mutationSchema.safeParse({
        ...mutation,
        fields: { note: Number.POSITIVE_INFINITY },
        seen: {},
      }).success,
    ).toBe(false);
  });

  it(`bounds a push batch at ${MAX_PUSH_BATCH} mutations and checks the protocol version`, () => {
    const base = {
      protocolVersion: PROTOCOL_VERSION,
      providerId: derivedId('p'),
      deviceId: 'dev-a',
    };
    expect(pushRequestSchema.safeParse({ ...base, mutations: [mutation] }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ ...base, mutations: [] }).success).toBe(false);
    expect(
      pushRequestSchema.safeParse({ ...base, mutations: Array(MAX_PUSH_BATCH + 1).fill(mutation) })
        .success,
    ).toBe(false);
    const old = pushRequestSchema.safeParse({ ...base, protocolVersion: 0, mutations: [mutation] });
    expect(old.error?.issues[0]?.message).toMatch(/update the app/);
  });

  it('a pull starts from a null cursor with a default page size', () => {
    const parsed = pullRequestSchema.parse({
      protocolVersion: PROTOCOL_VERSION,
      providerId: derivedId('p'),
      deviceId: 'dev-a',
      cursor: null,
    });
    expect(parsed.limit).toBe(500);
  });

  it('a push response names a status for each mutation', () => {
    const response = {
      protocolVersion: PROTOCOL_VERSION,
      serverHlc: '001795532520000-00000-server',
      results: [
        {
          mutationId: mutation.mutationId,
          status: 'conflict',
          message: 'Kept for review.',
          notices: [],
          conflictIds: [derivedId('c')],
        },
      ],
    };
    expect(pushResponseSchema.parse(response)).toEqual(response);
    expect(
      pushResponseSchema.safeParse({
        ...response,
        results: [{ ...response.results[0], status: 'ok' }],
      }).success,
    ).toBe(false);
  });
});
