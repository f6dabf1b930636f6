// M9: every reason a case manager can see on a rejected change is in their words: the
// validators' wording wins over the record schemas', and no raw schema message gets through.
// Synthetic people only.
import { describe, expect, it } from 'vitest';
import { MemoryReplica } from '../../../src/domain/merge';
import type { JsonValue } from '../../../src/domain/protocol';
import {
  Device,
  T0,
  USER_A,
  clientFields,
  clsFields,
  contactFields,
  enrollmentFields,
  ids,
} from './fixtures';

/** zod's own wording: none of it may reach a case manager. */
const ZOD_WORDS = /Invalid input|Invalid option|expected|received|Too small|Too big|HUD list/;

function setup() {
  const server = new MemoryReplica(() => T0);
  const admin = new Device('setup', USER_A, -60_000);
  for (const m of [
    admin.create('client', ids.client, clientFields()),
    admin.create('enrollment', ids.enrollment, enrollmentFields()),
    admin.create('currentLivingSituation', ids.cls, clsFields()),
    admin.create('contact', ids.contact, contactFields()),
  ]) {
    expect(server.receive(m, USER_A).status).toBe('applied');
  }
  const a = new Device('dev-a', USER_A).pull(server);
  return { server, a };
}

const exit = (over: Record<string, JsonValue> = {}) => ({
  exitDate: '2026-06-01',
  exitReason: 'housed',
  destination: 410,
  destinationSubsidyType: null,
  ...over,
});

describe('M9 rejection messages in a case manager’s words', () => {
  it('M9: a Destination outside the Destination list is rejected in the validator’s words, not the schema’s', () => {
    const { server, a } = setup();
    const result = server.receive(
      a.patch('enrollment', ids.enrollment, exit({ destination: 999 })),
      USER_A,
    );
    expect(result.status).toBe('rejected');
    expect(result.message).toBe(
      'destination: "Code 999" cannot be a Destination. Choose one of the Destination answers.',
    );
    expect(result.message).not.toMatch(ZOD_WORDS);
  });

  it('M9: a living situation that is not a Destination (336) gets the validator’s advice', () => {
    const { server, a } = setup();
    const result = server.receive(
      a.patch('enrollment', ids.enrollment, exit({ destination: 336 })),
      USER_A,
    );
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(/cannot be a Destination\. For a Destination choose/);
    expect(result.message).not.toMatch(ZOD_WORDS);
  });

  it('M9: an empty contact kind is rejected with a sentence', () => {
    const { server, a } = setup();
    const result = server.receive(a.patch('contact', ids.contact, { kind: '' }), USER_A);
    expect(result.status).toBe('rejected');
    expect(result.message).toBe('kind: Choose how the contact happened (in person, phone, …).');
  });

  it('M9: wrong-typed values and missing fields on a create get sentences, not schema messages', () => {
    const { server, a } = setup();
    const cases: [Parameters<Device['patch']>[0], string, Record<string, JsonValue>][] = [
      ['client', ids.client, { phone: 6125550100 }],
      ['client', ids.client, { sex: 'female' }],
      ['contact', ids.contact, { note: 42 }],
      ['contact', ids.contact, { contactAt: 'yesterday' }],
      ['enrollment', ids.enrollment, exit({ exitReason: 'moved' })],
      ['enrollment', ids.enrollment, exit({ exitDate: 20260601 })],
      ['currentLivingSituation', ids.cls, { locationDetails: ['x'] }],
    ];
    for (const [type, id, fields] of cases) {
      const result = server.receive(a.patch(type, id, fields), USER_A);
      expect(result.status, JSON.stringify(fields)).toBe('rejected');
      expect(result.message, JSON.stringify(fields)).not.toMatch(ZOD_WORDS);
    }
    const { kind: _kind, ...noKind } = contactFields();
    const create = server.receive(a.create('contact', 'c'.repeat(32), noKind), USER_A);
    expect(create.status).toBe('rejected');
    expect(create.message).toBe('kind: Choose how the contact happened (in person, phone, …).');
  });
});
