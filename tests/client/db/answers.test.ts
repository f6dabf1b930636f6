// M9 on the device: the write path refuses an assessment answer the server would reject, with the
// same reason (both run the merge's check against the assessment forms), and saves nothing.
// Synthetic people only.
import { describe, expect, it } from 'vitest';
import { InvalidChangeError, pendingCount, storePulledPage } from '../../../src/db';
import { answerProblem } from '../../../src/domain/forms';
import { MemoryReplica } from '../../../src/domain/merge';
import { newId, singletonAssessmentId } from '../../../src/domain/records';
import {
  Device,
  T0,
  USER_A,
  enrollmentFields,
  entryFields,
  ids,
} from '../../domain/merge/fixtures';
import { PROVIDER, open, save } from './fixtures';

/** The message the server's merge gives for one answer (see tests/server/sync/answers-validation). */
const serverReason = (fieldId: string, value: unknown, stage: number) =>
  `answers.${fieldId}: ${answerProblem(fieldId, value, stage)}`;

describe('the device refuses assessment answers the forms do not allow', () => {
  it('M9: a patch of the pulled Entry assessment outside its HUD list or to no question is refused with the server’s reason', async () => {
    const db = await open();
    // The Entry assessment as another device recorded it: the device knows its stage from the pull.
    const server = new MemoryReplica(() => T0 + 60_000);
    const other = new Device('other-device', USER_A);
    server.receive(other.create('enrollment', ids.enrollment, enrollmentFields()), USER_A);
    server.receive(other.create('assessment', ids.entry, entryFields()), USER_A);
    await storePulledPage(db, PROVIDER, [server.get('assessment', ids.entry)!], 'c1.1');

    for (const [fieldId, value] of [
      ['disablingCondition', 5],
      ['livingSituation', 999],
      ['notAFormField', 'x'],
      ['exitNotes', 'Moved in with family'],
      ['householdMonthlyIncome', 450.125],
    ] as const) {
      const saving = save(db, {
        type: 'assessment',
        id: ids.entry,
        op: 'patch',
        fields: { [`answers.${fieldId}`]: value },
      });
      await expect(saving).rejects.toBeInstanceOf(InvalidChangeError);
      await expect(saving).rejects.toThrow(serverReason(fieldId, value, 1));
    }
    expect(await pendingCount(db)).toBe(0);
    expect((await db.assessments.get(ids.entry))?.view?.answers ?? {}).toEqual({});

    await save(db, {
      type: 'assessment',
      id: ids.entry,
      op: 'patch',
      fields: { 'answers.disablingCondition': 1, 'answers.householdMonthlyIncome': null },
    });
    expect(await pendingCount(db)).toBe(1);
    expect((await db.assessments.get(ids.entry))?.view?.answers).toMatchObject({
      disablingCondition: 1,
    });
  });

  it('M9: an assessment created on the device with an answer its stage does not collect is refused', async () => {
    const db = await open();
    const enrollmentId = newId();
    const exitId = singletonAssessmentId(enrollmentId, 3);
    const create = (answers: Record<string, number | string>) =>
      save(db, {
        type: 'assessment',
        id: exitId,
        op: 'create',
        fields: {
          enrollmentId,
          clientId: newId(),
          dataCollectionStage: 3,
          informationDate: '2026-06-01',
          ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])),
        },
      });
    await expect(create({ disablingCondition: 1 })).rejects.toThrow(
      serverReason('disablingCondition', 1, 3),
    );
    expect(await db.assessments.get(exitId)).toBeUndefined();
    await create({ exitNotes: 'Moved in with family' });
    expect((await db.assessments.get(exitId))?.view?.answers).toEqual({
      exitNotes: 'Moved in with family',
    });
  });
});
