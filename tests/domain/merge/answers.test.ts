// M9 for assessment answers: each answer is checked against the assessment forms (the question
// exists, is collected at the assessment's stage, and its value has the right type and is in its
// list), on the server and on the device alike. Synthetic people only.
import { describe, expect, it } from 'vitest';
import { MemoryReplica } from '../../../src/domain/merge';
import { DEFAULT_PICKLIST_REGISTRY, answerProblem } from '../../../src/domain/forms';
import { singletonAssessmentId } from '../../../src/domain/records';
import type { JsonValue } from '../../../src/domain/protocol';
import {
  Device,
  T0,
  USER_A,
  clientFields,
  enrollmentFields,
  entryFields,
  ids,
  PROJECT_START,
} from './fixtures';

const exitId = singletonAssessmentId(ids.enrollment, 3);

/** A server with one client, enrollment and Entry assessment; device a has pulled it. */
function setup(entryAnswers: Record<string, JsonValue> = {}) {
  const server = new MemoryReplica(() => T0);
  const admin = new Device('setup', USER_A, -60_000);
  for (const m of [
    admin.create('client', ids.client, clientFields()),
    admin.create('enrollment', ids.enrollment, enrollmentFields()),
    admin.create('assessment', ids.entry, entryFields(entryAnswers)),
  ]) {
    expect(server.receive(m, USER_A).status).toBe('applied');
  }
  const a = new Device('dev-a', USER_A).pull(server);
  const patch = (answers: Record<string, JsonValue>) =>
    server.receive(
      a
        .advance(1000)
        .patch(
          'assessment',
          ids.entry,
          Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])),
        ),
      USER_A,
    );
  return { server, a, patch };
}

/** The create of an Exit assessment (stage 3) with these answers. */
function exitCreate(a: Device, answers: Record<string, JsonValue>) {
  return a.create('assessment', exitId, {
    enrollmentId: ids.enrollment,
    clientId: ids.client,
    dataCollectionStage: 3,
    informationDate: '2026-06-01',
    ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])),
  });
}

describe('M9 assessment answers against the forms', () => {
  it('M9 rejects an assessment answer outside its HUD list (disablingCondition 5, livingSituation 999)', () => {
    const { server, patch } = setup();
    const disabling = patch({ disablingCondition: 5 });
    expect(disabling.status).toBe('rejected');
    expect(disabling.message).toBe(
      'answers.disablingCondition: Choose one of the listed answers for “Does the client have a disabling condition?” (5 is not one of them).',
    );
    const living = patch({ livingSituation: 999 });
    expect(living.status).toBe('rejected');
    expect(living.message).toMatch(
      /Choose one of the listed answers for Where the client stayed the night before entering the program \(999 is not one of them\)/,
    );
    const entry = server.get('assessment', ids.entry)!;
    expect(entry.fields['answers.disablingCondition']).toBeUndefined();
    expect(entry.fields['answers.livingSituation']).toBeUndefined();
  });

  it('M9 rejects an answer that belongs to no question on the assessment forms', () => {
    const { patch } = setup();
    const result = patch({ notAFormField: 'x' });
    expect(result.status).toBe('rejected');
    expect(result.message).toBe(
      'answers.notAFormField: This answer does not belong to any question on the assessment forms.',
    );
  });

  it('M9 rejects an answer to a question not collected at the assessment stage (patch and create)', () => {
    const { server, a, patch } = setup();
    // Exit notes are collected at project exit only; the stage comes from the stored record.
    const onEntry = patch({ exitNotes: 'Moved in with family' });
    expect(onEntry.status).toBe('rejected');
    expect(onEntry.message).toBe(
      'answers.exitNotes: Exit notes is not collected at project entry.',
    );
    // The disabling condition is asked at project entry only; the stage comes from the create.
    const onExit = server.receive(exitCreate(a, { disablingCondition: 1 }), USER_A);
    expect(onExit.status).toBe('rejected');
    expect(onExit.message).toBe(
      'answers.disablingCondition: “Does the client have a disabling condition?” is not collected at project exit.',
    );
    expect(server.get('assessment', exitId)).toBeNull();
  });

  it('M9 rejects an answer of the wrong type (text for a number, a number for a choice list)', () => {
    const { patch } = setup();
    const money = patch({ householdMonthlyIncome: '450' });
    expect(money.status).toBe('rejected');
    expect(money.message).toMatch(/must be an amount in dollars and cents/);
    const yesNo = patch({ disablingCondition: 'yes' });
    expect(yesNo.status).toBe('rejected');
    expect(yesNo.message).toMatch(/\("yes" is not one of them\)/);
    const picklist = patch({ docPhotoId: 3 });
    expect(picklist.status).toBe('rejected');
    expect(picklist.message).toMatch(/Choose one of the listed answers for Photo ID/);
    const multi = patch({ preferredAreas: 'minneapolis_north' });
    expect(multi.status).toBe('rejected');
    expect(multi.message).toMatch(/Preferred areas takes a list of choices/);
  });

  it('M9 rejects money with 3 decimal places, a negative amount and a date that does not exist', () => {
    const { patch } = setup();
    const cents = patch({ householdMonthlyIncome: 450.125 });
    expect(cents.status).toBe('rejected');
    expect(cents.message).toMatch(/at most 2 decimal places/);
    expect(patch({ householdMonthlyIncome: -5 }).message).toMatch(/cannot be negative/);
    expect(patch({ dateToStreetESSH: '2026-02-30' }).message).toMatch(/not a real calendar date/);
    expect(patch({ docNotes: 'x'.repeat(501) }).message).toMatch(/the limit is 500/);
    expect(patch({ preferredAreas: ['minneapolis_north', 'the_moon'] }).message).toMatch(
      /"the_moon" is not among the listed choices/,
    );
  });

  it('M9 rejects every bad answer of an assessment create, each with its reason', () => {
    const { server, a } = setup();
    const result = server.receive(
      a.create('assessment', singletonAssessmentId(ids.enrollment, 3), {
        enrollmentId: ids.enrollment,
        clientId: ids.client,
        dataCollectionStage: 3,
        informationDate: '2026-06-01',
        'answers.incomeFromAnySource': 5,
        'answers.notAFormField': 'x',
        'answers.exitNotes': 'Moved in with family',
      }),
      USER_A,
    );
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(
      /answers\.incomeFromAnySource: Choose one of the listed answers/,
    );
    expect(result.message).toMatch(/answers\.notAFormField: This answer does not belong/);
    expect(result.message).not.toMatch(/exitNotes/);
  });

  it('M9 still applies valid answers, missing-data codes included, on a patch and a create', () => {
    const { server, a, patch } = setup();
    expect(
      patch({
        disablingCondition: 1,
        livingSituation: 116,
        householdMonthlyIncome: 450.5,
        docPhotoId: 'working_on_it',
        preferredAreas: ['minneapolis_north', 'anywhere_in_hennepin'],
      }).status,
    ).toBe('applied');
    expect(patch({ incomeFromAnySource: 99 }).status).toBe('applied');
    const entry = server.get('assessment', ids.entry)!;
    expect(entry.fields['answers.disablingCondition']).toBe(1);
    expect(entry.fields['answers.householdMonthlyIncome']).toBe(450.5);
    expect(
      server.receive(exitCreate(a, { exitNotes: 'Moved in with family', earnedAmount: 0 }), USER_A)
        .status,
    ).toBe('applied');
  });

  it('M9 applies clearing an answer to null, "" or [] (even one no question asks at this stage)', () => {
    const { server, a } = setup();
    expect(
      server.receive(
        exitCreate(a, {
          exitNotes: 'Moved in with family',
          householdMonthlyIncome: 450,
          preferredAreas: ['minneapolis_north'],
        }),
        USER_A,
      ).status,
    ).toBe('applied');
    const clear = (answers: Record<string, JsonValue>) =>
      server.receive(
        a
          .advance(1000)
          .patch(
            'assessment',
            exitId,
            Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])),
          ),
        USER_A,
      ).status;
    expect(clear({ householdMonthlyIncome: null })).toBe('applied');
    expect(clear({ preferredAreas: [] })).toBe('applied');
    expect(clear({ exitNotes: '' })).toBe('applied');
    expect(clear({ disablingCondition: null, notAFormField: null })).toBe('applied');
    const exit = server.get('assessment', exitId)!;
    expect(exit.fields['answers.householdMonthlyIncome']).toBeNull();
    expect(exit.fields['answers.preferredAreas']).toEqual([]);
    expect(exit.fields['answers.exitNotes']).toBe('');
  });

  it('M9 checks answers routed from an early Update against the Entry stage (M4c)', () => {
    const { server, a } = setup();
    const early = (answers: Record<string, JsonValue>) =>
      a.create('assessment', `${'e'.repeat(31)}${Object.keys(answers).length}`, {
        enrollmentId: ids.enrollment,
        clientId: ids.client,
        dataCollectionStage: 2,
        informationDate: PROJECT_START,
        ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])),
      });
    const bad = server.receive(early({ incomeFromAnySource: 5 }), USER_A);
    expect(bad.status).toBe('rejected');
    expect(bad.message).toMatch(/answers\.incomeFromAnySource: Choose one of the listed answers/);
    const good = server.receive(
      early({ incomeFromAnySource: 1, householdMonthlyIncome: 300 }),
      USER_A,
    );
    expect(good.status).toBe('merged');
    expect(server.get('assessment', ids.entry)!.fields['answers.incomeFromAnySource']).toBe(1);
  });
});

describe('answerProblem (the check the merge and the device share)', () => {
  it('M9: says nothing for a valid or empty answer, and a case-manager sentence otherwise', () => {
    expect(answerProblem('disablingCondition', 1, 1)).toBeUndefined();
    expect(answerProblem('disablingCondition', null, 3)).toBeUndefined();
    expect(answerProblem('notAFormField', '', 1)).toBeUndefined();
    expect(answerProblem('notAFormField', 'x', 1)).toBe(
      'This answer does not belong to any question on the assessment forms.',
    );
    expect(answerProblem('exitNotes', 'Housed', 2)).toBe(
      'Exit notes is not collected at an update.',
    );
    expect(answerProblem('disablingCondition', 5, 1, DEFAULT_PICKLIST_REGISTRY)).toMatch(
      /^Choose one of the listed answers for/,
    );
    expect(answerProblem('priorLivingSituationBreakNote', 'x', 1)).toMatch(/has no answer/);
  });

  it('M9: an assessment stage Fieldnote does not collect (retired 6, post-exit) takes no answers', () => {
    expect(answerProblem('incomeFromAnySource', 1, 6)).toMatch(/is not collected at post-exit/);
  });
});
