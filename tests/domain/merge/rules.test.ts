// One block per rule of src/domain/merge/SPEC.md; test names cite the rule ids.
import { describe, expect, it } from 'vitest';
import {
  MemoryReplica,
  mergeMutation,
  stampMutation,
  isRecordedAfterExit,
} from '../../../src/domain/merge';
import { singletonAssessmentId } from '../../../src/domain/records';
import {
  Device,
  T0,
  USER_A,
  USER_B,
  clientFields,
  clsFields,
  contactFields,
  entryFields,
  enrollmentFields,
  ids,
  testId,
  PROJECT_START,
} from './fixtures';

/** A server with one client, enrollment, Entry assessment, CLS and contact, seen by devices a, b, c. */
function setup(entryAnswers: Record<string, number | string | null> = {}) {
  const server = new MemoryReplica(() => T0);
  const admin = new Device('setup', USER_A, -60_000);
  for (const m of [
    admin.create('client', ids.client, clientFields()),
    admin.create('enrollment', ids.enrollment, enrollmentFields()),
    admin.create('assessment', ids.entry, entryFields(entryAnswers)),
    admin.create('currentLivingSituation', ids.cls, clsFields()),
    admin.create('contact', ids.contact, contactFields()),
  ]) {
    expect(server.receive(m, USER_A).status).toBe('applied');
  }
  const a = new Device('dev-a', USER_A).pull(server);
  const b = new Device('dev-b', USER_B).pull(server);
  const c = new Device('dev-c', USER_B).pull(server);
  return { server, a, b, c };
}

const conflictsOf = (server: MemoryReplica) => [...server.conflicts.values()];

describe('M1 field level', () => {
  it('M1: concurrent changes to different fields of one record both apply', () => {
    const { server, a, b } = setup();
    const ma = a.advance(1000).patch('client', ids.client, { phone: '6125550100' });
    const mb = b.advance(2000).patch('client', ids.client, { email: 'robin@example.org' });
    expect(server.receive(mb, USER_B).status).toBe('applied');
    expect(server.receive(ma, USER_A).status).toBe('applied');
    const client = server.get('client', ids.client)!;
    expect(client.fields.phone).toBe('6125550100');
    expect(client.fields.email).toBe('robin@example.org');
    expect(conflictsOf(server)).toHaveLength(0);
  });

  it('M1: a patch touching a field group must set the whole group (SSN with its data quality)', () => {
    const { server, a } = setup();
    const result = server.receive(a.patch('client', ids.client, { ssn: '123454321' }), USER_A);
    expect(result.status).toBe('rejected');
    expect(result.message).toContain('ssnDataQuality');
  });
});

describe('M2 same field', () => {
  it('M2: the later HLC wins whatever the arrival order, and the loser is kept', () => {
    for (const order of ['early-first', 'late-first'] as const) {
      const { server, a, b } = setup();
      const early = a.advance(1000).patch('contact', ids.contact, { note: 'Early note' });
      const late = b.advance(5000).patch('contact', ids.contact, { note: 'Later note' });
      const sequence = order === 'early-first' ? [early, late] : [late, early];
      for (const m of sequence) server.receive(m, m === early ? USER_A : USER_B);
      expect(server.get('contact', ids.contact)!.fields.note).toBe('Later note');
      const [c] = conflictsOf(server);
      expect(c?.rule).toBe('M2');
      expect(c?.loser.values.note).toBe('Early note');
      expect(c?.loser.version.deviceId).toBe('dev-a');
      expect(c?.winner.values.note).toBe('Later note');
    }
  });

  it('M2: equal clocks break ties by device id', () => {
    const { server, a, b } = setup();
    a.time = b.time = T0 + 3000;
    const ma = a.patch('contact', ids.contact, { note: 'From a' });
    const mb = b.patch('contact', ids.contact, { note: 'From b' });
    server.receive(mb, USER_B);
    server.receive(ma, USER_A);
    expect(server.get('contact', ids.contact)!.fields.note).toBe('From b');
  });

  it('M2: a device clock more than 5 minutes ahead is ordered at server time and flagged', () => {
    const { server, a, b } = setup();
    const ahead = new Device('dev-fast', USER_A, 60 * 60 * 1000).pull(server);
    const fast = ahead.patch('contact', ids.contact, { note: 'From the fast clock' });
    const normal = b.advance(1000).patch('contact', ids.contact, { note: 'From a correct clock' });
    const r1 = server.receive(fast, USER_A);
    expect(r1.notices).toContain('clock_ahead');
    server.receive(normal, USER_B);
    // Ordered at the server's time (T0), the fast device no longer wins by an hour.
    expect(server.get('contact', ids.contact)!.fields.note).toBe('From a correct clock');
    void a;
  });
});

describe('M3 nothing lost', () => {
  it('M3: a value replaced by someone who saw it goes to history, not to review', () => {
    const { server, a } = setup();
    server.receive(a.advance(1000).patch('contact', ids.contact, { note: 'First' }), USER_A);
    server.receive(a.advance(1000).patch('contact', ids.contact, { note: 'Second' }), USER_A);
    expect(conflictsOf(server)).toHaveLength(0);
    expect(server.history.map((h) => h.replaced.values.note)).toContain('First');
  });

  it('M3: a current value overwritten by a writer who had not seen it is kept in a conflict record', () => {
    const { server, a, b } = setup();
    server.receive(
      a.advance(1000).patch('contact', ids.contact, { note: 'Seen by nobody else' }),
      USER_A,
    );
    const result = server.receive(
      b.advance(3000).patch('contact', ids.contact, { note: 'Written blind' }),
      USER_B,
    );
    expect(result.status).toBe('merged');
    const [c] = conflictsOf(server);
    expect(c?.loser.values.note).toBe('Seen by nobody else');
    expect(result.conflictIds).toEqual([c?.id]);
  });

  it('M3: a supervisor resolution restores a value that lost under M4b (new generation)', () => {
    const { server, a, b } = setup({ incomeFromAnySource: null });
    server.receive(
      a.advance(1000).patch('assessment', ids.entry, { 'answers.incomeFromAnySource': 1 }),
      USER_A,
    );
    server.receive(
      b.advance(2000).patch('assessment', ids.entry, { 'answers.incomeFromAnySource': 9 }),
      USER_B,
    );
    expect(server.get('assessment', ids.entry)!.fields['answers.incomeFromAnySource']).toBe(1);
    // The supervisor decides the client did prefer not to answer: applied as a resolution.
    const state = server.get('assessment', ids.entry)!;
    const supervisor = new Device('supervisor', USER_B).pull(server).advance(10_000);
    const restore = stampMutation(
      supervisor.patch('assessment', ids.entry, { 'answers.incomeFromAnySource': 9 }),
      USER_B,
      T0 + 10_000,
      true,
    );
    const outcome = mergeMutation(state, restore);
    expect(outcome.status).toBe('applied');
    expect(outcome.state!.fields['answers.incomeFromAnySource']).toBe(9);
    expect(outcome.history[0]?.replaced.values['answers.incomeFromAnySource']).toBe(1);
  });
});

describe('M4 Entry precedence for backfill', () => {
  it('M4a: a backfill never overwrites a real answer already on the server', () => {
    const { server, a, b } = setup({ householdMonthlyIncome: 650 });
    // Device b's copy predates the answer: it saw the field empty, so its change is a backfill.
    b.view.set(`assessment:${ids.entry}`, {
      ...b.view.get(`assessment:${ids.entry}`),
      'answers.householdMonthlyIncome': null,
    });
    const result = server.receive(
      b.advance(9000).patch('assessment', ids.entry, { 'answers.householdMonthlyIncome': 400 }),
      USER_B,
    );
    expect(result.status).toBe('conflict');
    expect(server.get('assessment', ids.entry)!.fields['answers.householdMonthlyIncome']).toBe(650);
    const [c] = conflictsOf(server);
    expect(c?.rule).toBe('M4a');
    expect(c?.loser.values['answers.householdMonthlyIncome']).toBe(400);
    void a;
  });

  it('M4a: between two concurrent backfills the one recorded first stands, in either arrival order', () => {
    for (const lateFirst of [false, true]) {
      const { server, a, b } = setup({ householdMonthlyIncome: null });
      const first = a
        .advance(1000)
        .patch('assessment', ids.entry, { 'answers.householdMonthlyIncome': 500 });
      const second = b
        .advance(4000)
        .patch('assessment', ids.entry, { 'answers.householdMonthlyIncome': 300 });
      for (const m of lateFirst ? [second, first] : [first, second]) server.receive(m, USER_A);
      expect(server.get('assessment', ids.entry)!.fields['answers.householdMonthlyIncome']).toBe(
        500,
      );
      expect(
        conflictsOf(server).map((c) => [c.rule, c.loser.values['answers.householdMonthlyIncome']]),
      ).toEqual([['M4a', 300]]);
    }
  });

  it('M4a: a case manager who saw the backfilled answer can still correct it', () => {
    const { server, a } = setup({ householdMonthlyIncome: null });
    server.receive(
      a.advance(1000).patch('assessment', ids.entry, { 'answers.householdMonthlyIncome': 500 }),
      USER_A,
    );
    server.receive(
      a.advance(1000).patch('assessment', ids.entry, { 'answers.householdMonthlyIncome': 550 }),
      USER_A,
    );
    expect(server.get('assessment', ids.entry)!.fields['answers.householdMonthlyIncome']).toBe(550);
    expect(conflictsOf(server)).toHaveLength(0);
  });

  it('M4b: a real answer beats 8, 9 and 99 whatever the clocks say', () => {
    for (const missing of [8, 9, 99]) {
      const { server, a, b } = setup({ incomeFromAnySource: 99 });
      const real = a
        .advance(1000)
        .patch('assessment', ids.entry, { 'answers.incomeFromAnySource': 1 });
      const later = b
        .advance(60_000)
        .patch('assessment', ids.entry, { 'answers.incomeFromAnySource': missing });
      server.receive(real, USER_A);
      const result = server.receive(later, USER_B);
      expect(result.status).toBe('conflict');
      expect(server.get('assessment', ids.entry)!.fields['answers.incomeFromAnySource']).toBe(1);
      expect(conflictsOf(server).at(-1)?.rule).toBe('M4b');
    }
  });

  it('M4b: a backfill replaces "Data not collected" recorded at project start', () => {
    const { server, a } = setup({ incomeFromAnySource: 99 });
    const result = server.receive(
      a.advance(1000).patch('assessment', ids.entry, { 'answers.incomeFromAnySource': 0 }),
      USER_A,
    );
    expect(result.status).toBe('applied');
    expect(server.get('assessment', ids.entry)!.fields['answers.incomeFromAnySource']).toBe(0);
  });

  it('M4c: an Update dated on or before project start is routed to the Entry as a backfill', () => {
    const { server, a } = setup({ incomeFromAnySource: 99 });
    const updateId = testId('update-early');
    const m = a.advance(1000).create('assessment', updateId, {
      enrollmentId: ids.enrollment,
      clientId: ids.client,
      dataCollectionStage: 2,
      informationDate: PROJECT_START,
      'answers.incomeFromAnySource': 1,
      'answers.legalInvolvement': 0,
    });
    const result = server.receive(m, USER_A);
    expect(result.status).toBe('merged');
    expect(result.notices).toContain('routed_to_entry');
    expect(server.get('assessment', updateId)).toBeNull();
    const entry = server.get('assessment', ids.entry)!;
    expect(entry.fields['answers.incomeFromAnySource']).toBe(1);
    expect(entry.fields['answers.legalInvolvement']).toBe(0);
    expect(entry.versions['answers.incomeFromAnySource']?.kind).toBe(0);
  });

  it('M4c: a routed backfill does not overwrite a real Entry answer; it is kept as a conflict', () => {
    const { server, a } = setup({ legalInvolvement: 1 });
    const m = a.advance(1000).create('assessment', testId('update-early-2'), {
      enrollmentId: ids.enrollment,
      clientId: ids.client,
      dataCollectionStage: 2,
      informationDate: '2026-02-20',
      'answers.legalInvolvement': 0,
    });
    const result = server.receive(m, USER_A);
    expect(result.status).toBe('conflict');
    expect(server.get('assessment', ids.entry)!.fields['answers.legalInvolvement']).toBe(1);
    expect(conflictsOf(server)[0]?.rule).toBe('M4a');
  });

  it('M4c: an Update dated after project start stays an Update', () => {
    const { server, a } = setup();
    const updateId = testId('update-later');
    const result = server.receive(
      a.create('assessment', updateId, {
        enrollmentId: ids.enrollment,
        clientId: ids.client,
        dataCollectionStage: 2,
        informationDate: '2026-04-01',
        'answers.legalInvolvement': 1,
      }),
      USER_A,
    );
    expect(result.status).toBe('applied');
    expect(server.get('assessment', updateId)!.fields['answers.legalInvolvement']).toBe(1);
  });

  it('M4c: moving an existing Update to a date on or before project start is rejected with the reason', () => {
    const { server, a } = setup();
    const updateId = testId('update-move');
    server.receive(
      a.create('assessment', updateId, {
        enrollmentId: ids.enrollment,
        clientId: ids.client,
        dataCollectionStage: 2,
        informationDate: '2026-04-01',
      }),
      USER_A,
    );
    const result = server.receive(
      a.patch('assessment', updateId, { informationDate: '2026-03-01' }),
      USER_A,
    );
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(/Entry assessment/);
  });

  it('M4: two devices that record the Entry assessment offline merge into one record', () => {
    const server = new MemoryReplica(() => T0);
    const setupDevice = new Device('setup', USER_A, -60_000);
    server.receive(setupDevice.create('client', ids.client, clientFields()), USER_A);
    server.receive(setupDevice.create('enrollment', ids.enrollment, enrollmentFields()), USER_A);
    const a = new Device('dev-a', USER_A).pull(server);
    const b = new Device('dev-b', USER_B).pull(server);
    const entryId = singletonAssessmentId(ids.enrollment, 1);
    server.receive(
      a
        .advance(1000)
        .create(
          'assessment',
          entryId,
          entryFields({ incomeFromAnySource: 99, disablingCondition: 1 }),
        ),
      USER_A,
    );
    const result = server.receive(
      b.advance(2000).create('assessment', entryId, entryFields({ incomeFromAnySource: 1 })),
      USER_B,
    );
    // b never saw a's 99; it is replaced by b's real answer (M4b) but kept for review.
    expect(result.status).toBe('merged');
    const entry = server.get('assessment', entryId)!;
    expect(entry.fields['answers.incomeFromAnySource']).toBe(1);
    expect(entry.fields['answers.disablingCondition']).toBe(1);
    expect(
      conflictsOf(server).map((c) => [c.rule, c.loser.values['answers.incomeFromAnySource']]),
    ).toEqual([['M4b', 99]]);
  });

  it('M4: an Entry assessment under any id but its derived one is rejected', () => {
    const { server, a } = setup();
    const result = server.receive(
      a.create('assessment', testId('second-entry'), entryFields()),
      USER_A,
    );
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(/only one Entry assessment/);
  });
});

describe('M5 exit', () => {
  const exitA = {
    exitDate: '2026-06-01',
    exitReason: 'housed',
    destination: 435,
    destinationSubsidyType: 419,
  };
  const exitB = {
    exitDate: '2026-06-03',
    exitReason: 'lost_contact',
    destination: 30,
    destinationSubsidyType: null,
  };

  it('M5: concurrent exits resolve by M2 and the losing exit is kept whole', () => {
    for (const reversed of [false, true]) {
      const { server, a, b } = setup();
      const ma = a.advance(1000).patch('enrollment', ids.enrollment, exitA);
      const mb = b.advance(2000).patch('enrollment', ids.enrollment, exitB);
      for (const m of reversed ? [mb, ma] : [ma, mb]) server.receive(m, USER_A);
      const enrollment = server.get('enrollment', ids.enrollment)!;
      expect(enrollment.fields).toMatchObject(exitB);
      const [c] = conflictsOf(server);
      expect(c?.rule).toBe('M5');
      expect(c?.loser.values).toEqual({ ...exitA, otherDestination: null });
    }
  });

  it('M5: a partial exit (exit date without the Destination) is rejected: exit fields change together', () => {
    const { server, a } = setup();
    const result = server.receive(
      a.patch('enrollment', ids.enrollment, { exitDate: '2026-06-01' }),
      USER_A,
    );
    expect(result.status).toBe('rejected');
  });

  it('M5: a contact recorded offline after the exit date is kept and flagged', () => {
    const { server, a, b } = setup();
    server.receive(a.advance(1000).patch('enrollment', ids.enrollment, exitA), USER_A);
    const result = server.receive(
      b.create(
        'contact',
        testId('late-contact'),
        contactFields({ contactAt: '2026-06-05T18:00:00Z' }),
      ),
      USER_B,
    );
    expect(result.status).toBe('applied');
    expect(result.notices).toContain('recorded_after_exit');
    expect(server.get('contact', testId('late-contact'))).not.toBeNull();
  });

  it('M5: the flag is derived, so it holds when the exit arrives after the contact', () => {
    const { server, a, b } = setup();
    server.receive(
      b.create(
        'contact',
        testId('late-contact'),
        contactFields({ contactAt: '2026-06-05T18:00:00Z' }),
      ),
      USER_B,
    );
    server.receive(a.advance(1000).patch('enrollment', ids.enrollment, exitA), USER_A);
    expect(
      isRecordedAfterExit(
        server.get('contact', testId('late-contact'))!,
        server.get('enrollment', ids.enrollment),
      ),
    ).toBe(true);
    expect(
      isRecordedAfterExit(
        server.get('contact', ids.contact)!,
        server.get('enrollment', ids.enrollment),
      ),
    ).toBe(false);
  });
});

describe('M6 deletes are soft', () => {
  it('M6: a delete keeps the record, marked deleted; a restore brings it back', () => {
    const { server, a } = setup();
    server.receive(a.advance(1000).delete('contact', ids.contact), USER_A);
    expect(server.get('contact', ids.contact)!.deleted).toBe(true);
    expect(server.get('contact', ids.contact)!.fields.note).toBe('Talked about housing options.');
    server.receive(a.advance(1000).restore('contact', ids.contact), USER_A);
    expect(server.get('contact', ids.contact)!.deleted).toBe(false);
  });

  it('M6: an edit concurrent with a delete is kept and flagged; the record stays deleted', () => {
    for (const editFirst of [false, true]) {
      const { server, a, b } = setup();
      const del = a.advance(1000).delete('contact', ids.contact);
      const edit = b
        .advance(5000)
        .patch('contact', ids.contact, { note: 'Edited on the other tablet' });
      for (const m of editFirst ? [edit, del] : [del, edit]) server.receive(m, USER_A);
      const contact = server.get('contact', ids.contact)!;
      expect(contact.deleted).toBe(true);
      expect(contact.fields.note).toBe('Edited on the other tablet');
      const flags = conflictsOf(server).filter((c) => c.rule === 'M6');
      expect(flags).toHaveLength(1);
      expect(flags[0]?.loser.version.mutationId).toBe(edit.mutationId);
    }
  });
});

describe('M7 idempotent', () => {
  it('M7: a replayed mutation changes nothing and returns the original result', () => {
    const { server, a, b } = setup();
    const m = a.advance(1000).patch('contact', ids.contact, { note: 'Once' });
    const first = server.receive(m, USER_A);
    server.receive(b.advance(5000).patch('contact', ids.contact, { note: 'Later' }), USER_B);
    const before = JSON.stringify([...server.records.entries()]);
    const replay = server.receive(m, USER_A);
    expect(replay).toEqual(first);
    expect(JSON.stringify([...server.records.entries()])).toBe(before);
  });

  it('M7: the pure merge ignores a mutation already holding the version', () => {
    const { server, a } = setup();
    const m = stampMutation(a.patch('contact', ids.contact, { note: 'x' }), USER_A, T0);
    const once = mergeMutation(server.get('contact', ids.contact), m);
    const twice = mergeMutation(once.state, m);
    expect(twice.state).toEqual(once.state);
    expect(twice.conflicts).toEqual([]);
  });
});

describe('M8 device order', () => {
  it('M8: a mutation ahead of a gap is held, then applied in sequence order', () => {
    const { server, a } = setup();
    const first = a.advance(1000).patch('contact', ids.contact, { note: 'First' });
    const second = a.advance(1000).patch('contact', ids.contact, { note: 'Second' });
    expect(server.receive(second, USER_A).status).toBe('held');
    expect(server.get('contact', ids.contact)!.fields.note).toBe('Talked about housing options.');
    expect(server.receive(first, USER_A).status).toBe('applied');
    expect(server.get('contact', ids.contact)!.fields.note).toBe('Second');
    expect(server.receive(second, USER_A).status).toBe('applied');
  });

  it('M8: a sequence number reused by a different mutation is rejected', () => {
    const { server, a } = setup();
    const m = a.patch('contact', ids.contact, { note: 'First' });
    server.receive(m, USER_A);
    const result = server.receive({ ...m, mutationId: testId('other') }, USER_A);
    expect(result.status).toBe('rejected');
  });
});

describe('M9 rejected, not discarded', () => {
  it('M9: an invalid mutation is rejected with a reason and does not block later ones', () => {
    const { server, a } = setup();
    const bad = a.patch('currentLivingSituation', ids.cls, {
      currentLivingSituation: 336,
      clsSubsidyType: null,
      leaveSituation14Days: 7,
      subsequentResidence: null,
      resourcesToObtain: null,
      leaseOwn60Day: null,
      movedTwoOrMore: null,
    });
    const good = a.patch('contact', ids.contact, { note: 'After the bad one' });
    const r1 = server.receive(bad, USER_A);
    expect(r1.status).toBe('rejected');
    expect(r1.message).toMatch(/leaveSituation14Days/);
    expect(server.receive(good, USER_A).status).toBe('applied');
    expect(server.receive(bad, USER_A)).toEqual(r1);
  });

  it('M9: unknown fields, fixed fields and Destination codes not valid for Destination are rejected', () => {
    const { server, a } = setup();
    expect(
      server.receive(a.patch('client', ids.client, { favouriteColour: 'blue' }), USER_A).message,
    ).toMatch(/not a field/);
    expect(
      server.receive(a.patch('contact', ids.contact, { enrollmentId: testId('other') }), USER_A)
        .message,
    ).toMatch(/cannot be changed/);
    const exit = {
      exitDate: '2026-06-01',
      exitReason: 'housed',
      destination: 336,
      destinationSubsidyType: null,
    };
    expect(server.receive(a.patch('enrollment', ids.enrollment, exit), USER_A).status).toBe(
      'rejected',
    );
  });

  it('M9: HUD dependent-field rules within a group reject the mutation with the reason (4.12.A, 4.12.B, 3.12.A)', () => {
    const { server, a } = setup();
    const cls = {
      currentLivingSituation: 116,
      clsSubsidyType: 419,
      leaveSituation14Days: null,
      subsequentResidence: null,
      resourcesToObtain: null,
      leaseOwn60Day: null,
      movedTwoOrMore: null,
    };
    const subsidy = server.receive(a.patch('currentLivingSituation', ids.cls, cls), USER_A);
    expect(subsidy.status).toBe('rejected');
    expect(subsidy.message).toMatch(/clsSubsidyType/);
    const fourteen = server.receive(
      a.patch('currentLivingSituation', ids.cls, {
        ...cls,
        clsSubsidyType: null,
        leaveSituation14Days: 1,
      }),
      USER_A,
    );
    expect(fourteen.status).toBe('rejected');
    expect(fourteen.message).toMatch(/14 days/);
    const exit = {
      exitDate: '2026-06-01',
      exitReason: 'housed',
      destination: 435,
      destinationSubsidyType: null,
    };
    const noSubsidy = server.receive(a.patch('enrollment', ids.enrollment, exit), USER_A);
    expect(noSubsidy.status).toBe('rejected');
    expect(noSubsidy.message).toMatch(/subsidy/);
    expect(
      server.receive(
        a.patch('enrollment', ids.enrollment, { ...exit, destinationSubsidyType: 419 }),
        USER_A,
      ).status,
    ).toBe('applied');
  });

  it('M9: a patch to a record the server does not have is rejected, not dropped', () => {
    const { server, a } = setup();
    const result = server.receive(
      a.patch('contact', testId('never-created'), { note: 'x' }),
      USER_A,
    );
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(/not on the server/);
  });
});

describe('M10 possible duplicates', () => {
  it('M10: two clients created offline with the same name and DOB are both kept and flagged, in either order', () => {
    const ids10: string[] = [];
    for (const reversed of [false, true]) {
      const { server, a, b } = setup();
      const one = testId('client-dup-1');
      const two = testId('client-dup-2');
      const fields = clientFields({
        firstName: 'Sam',
        lastName: 'Example-Person',
        dob: '1985-01-02',
        ssn: null,
        ssnDataQuality: 99,
      });
      const ma = a.create('client', one, fields);
      const mb = b.create('client', two, {
        ...fields,
        firstName: 'sam',
        lastName: 'Example Person',
      });
      const results = (reversed ? [mb, ma] : [ma, mb]).map((m) => server.receive(m, USER_A));
      expect(results[1]?.notices).toContain('possible_duplicate');
      expect(server.get('client', one)).not.toBeNull();
      expect(server.get('client', two)).not.toBeNull();
      const flagged = conflictsOf(server).filter((c) => c.rule === 'M10');
      expect(flagged).toHaveLength(1);
      expect([flagged[0]?.recordId, flagged[0]?.relatedRecordId].sort()).toEqual([one, two].sort());
      ids10.push(flagged[0]!.id);
    }
    expect(ids10[0]).toBe(ids10[1]);
  });

  it('M10: the same full SSN flags a pair; placeholder SSNs do not', () => {
    const { server, a, b } = setup();
    server.receive(
      a.create(
        'client',
        testId('s1'),
        clientFields({ firstName: 'Ari', ssn: '512345678', ssnDataQuality: 1 }),
      ),
      USER_A,
    );
    const r = server.receive(
      b.create(
        'client',
        testId('s2'),
        clientFields({ firstName: 'Bo', dob: '1970-01-01', ssn: '512345678', ssnDataQuality: 1 }),
      ),
      USER_B,
    );
    expect(r.notices).toContain('possible_duplicate');
    server.receive(
      a.create(
        'client',
        testId('p1'),
        clientFields({ firstName: 'Cy', dob: '1971-01-01', ssn: '000000000', ssnDataQuality: 1 }),
      ),
      USER_A,
    );
    const r2 = server.receive(
      b.create(
        'client',
        testId('p2'),
        clientFields({ firstName: 'Di', dob: '1972-01-01', ssn: '000000000', ssnDataQuality: 1 }),
      ),
      USER_B,
    );
    expect(r2.notices).not.toContain('possible_duplicate');
  });
});

describe('M9 hostile field names', () => {
  it('M9: inherited property names (constructor, toString, __proto__) are not fields: rejected, not a crash', () => {
    const { server, a } = setup();
    for (const field of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const result = server.receive(a.patch('client', ids.client, { [field]: {} }), USER_A);
      expect(result.status).toBe('rejected');
      expect(result.message).toMatch(/not a field/);
    }
  });
});
