// An assessment at one data collection stage of an enrollment. One record holds the answers of
// every form collected at that stage (MN Core, Hennepin Case Management, ...), keyed by field id.
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { derivedId, idSchema, type Id } from './ids';
import { localDateSchema } from './dates';

const ANSWER_MESSAGE = 'An answer is a number, a text, yes or no, or a list of choices.';

export const answerValueSchema = z.union(
  [
    z.number(),
    z.string().max(2000, 'An answer is at most 2,000 characters.'),
    z.boolean(),
    z
      .array(
        z.union([z.number(), z.string().max(100, 'A choice is at most 100 characters.')], {
          error: 'Each choice of a list is a code.',
        }),
      )
      .max(50, 'A list of choices has at most 50.'),
    z.null(),
  ],
  { error: ANSWER_MESSAGE },
);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answersRecordSchema = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'A form field id is letters, digits or _'),
  answerValueSchema,
  { error: 'The answers are a set of answers, one for each question of the forms.' },
);

export const assessmentSchema = z.object({
  id: idSchema,
  enrollmentId: idSchema,
  clientId: idSchema,
  dataCollectionStage: codeSchema(getList('5.03.1'), 'Data collection stage'),
  informationDate: localDateSchema,
  answers: answersRecordSchema,
});

export type Assessment = z.infer<typeof assessmentSchema>;

/**
 * An enrollment has at most one Entry (stage 1) and one Exit (stage 3) assessment, so their ids are
 * derived from the enrollment id: two devices that record one offline write to the same record.
 */
export function singletonAssessmentId(enrollmentId: Id, stage: 1 | 3): Id {
  return derivedId(`assessment:${enrollmentId}:${stage === 1 ? 'entry' : 'exit'}`);
}
