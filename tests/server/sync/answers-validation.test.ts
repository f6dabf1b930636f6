// M9 through the push endpoint on every storage: assessment answers outside their HUD list or
// belonging to no question on the forms are rejected with a case manager's reason, kept out of the
// record, and do not block the device's later changes. Synthetic people only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singletonAssessmentId } from '../../../src/domain/records';
import {
  Device,
  clientFields,
  enrollmentFields,
  entryFields,
  testId,
} from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { latest, openSyncServer, type SyncServer } from './harness';

describe.each(STORAGE_KINDS)('assessment answers checked against the forms on %s', (kind) => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await openSyncServer(kind);
  });
  afterAll(async () => server.close());

  it('M9: the three patches of issue 9 are rejected with their reasons; a valid answer behind them applies', async () => {
    const ids = { client: testId('answers-client'), enrollment: testId('answers-enrollment') };
    const entry = singletonAssessmentId(ids.enrollment, 1);
    const device = new Device('dev-answers', server.userIds.cmA);
    device.time = server.clock.now;
    const created = await server.push('cmA', [
      device.create('client', ids.client, clientFields()),
      device.create(
        'enrollment',
        ids.enrollment,
        enrollmentFields({ clientId: ids.client, providerId: server.providers.p1 }),
      ),
      device.create('assessment', entry, {
        ...entryFields(),
        enrollmentId: ids.enrollment,
        clientId: ids.client,
      }),
    ]);
    expect(created.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const res = await server.push('cmA', [
      device.advance(1000).patch('assessment', entry, { 'answers.disablingCondition': 5 }),
      device.patch('assessment', entry, { 'answers.livingSituation': 999 }),
      device.patch('assessment', entry, { 'answers.notAFormField': 'x' }),
      device.patch('assessment', entry, { 'answers.disablingCondition': 1 }),
    ]);
    expect(res.results.map((r) => [r.status, r.message])).toEqual([
      [
        'rejected',
        'answers.disablingCondition: Choose one of the listed answers for “Does the client have a disabling condition?” (5 is not one of them).',
      ],
      [
        'rejected',
        'answers.livingSituation: Choose one of the listed answers for Where the client stayed the night before entering the program (999 is not one of them).',
      ],
      [
        'rejected',
        'answers.notAFormField: This answer does not belong to any question on the assessment forms.',
      ],
      ['applied', null],
    ]);
    const stored = latest(await server.pullAll('cmA')).get(`assessment:${entry}`)!;
    expect(stored.fields['answers.disablingCondition']).toBe(1);
    expect(stored.fields).not.toHaveProperty('answers.livingSituation');
    expect(stored.fields).not.toHaveProperty('answers.notAFormField');
  });
});
