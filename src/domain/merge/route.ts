// M4c: data recorded on an Update assessment dated on or before the project start describes
// project start, so it goes to the Entry assessment as a backfill, never onto the Update. Also
// checks that an enrollment's Entry and Exit assessments use their derived singleton ids.
import { STAGE_ENTRY, STAGE_EXIT, STAGE_UPDATE } from '../codes';
import { singletonAssessmentId } from '../records/assessment';
import { isAnswerField } from './policy';
import type { StampedMutation } from './stamp';
import type { FieldValues, RecordState } from './state';

export type Routing =
  | { kind: 'none' }
  | { kind: 'reject'; message: string }
  | { kind: 'route'; mutation: StampedMutation; current: RecordState | null };

export function routeAssessment(
  mutation: StampedMutation,
  current: RecordState | null,
  enrollment: RecordState | null | undefined,
  entryAssessment: RecordState | null | undefined,
): Routing {
  if (
    mutation.recordType !== 'assessment' ||
    mutation.op === 'delete' ||
    mutation.op === 'restore'
  ) {
    return { kind: 'none' };
  }
  const stage =
    mutation.op === 'create'
      ? mutation.fields.dataCollectionStage
      : current?.fields.dataCollectionStage;
  const enrollmentId = mutation.fields.enrollmentId ?? current?.fields.enrollmentId;

  if (
    mutation.op === 'create' &&
    (stage === STAGE_ENTRY || stage === STAGE_EXIT) &&
    typeof enrollmentId === 'string'
  ) {
    if (mutation.recordId !== singletonAssessmentId(enrollmentId, stage)) {
      const which = stage === STAGE_ENTRY ? 'Entry' : 'Exit';
      return {
        kind: 'reject',
        message: `An enrollment has only one ${which} assessment; this one must use its enrollment's ${which} assessment id.`,
      };
    }
  }

  if (stage !== STAGE_UPDATE || !enrollment) return { kind: 'none' };
  const start = enrollment.fields.projectStartDate;
  const date = mutation.fields.informationDate ?? current?.fields.informationDate;
  if (typeof start !== 'string' || typeof date !== 'string' || date > start)
    return { kind: 'none' };

  if (mutation.op === 'patch') {
    return {
      kind: 'reject',
      message:
        'An update dated on or before the project start describes project start: record it on the Entry assessment.',
    };
  }

  const answers: FieldValues = {};
  for (const [field, value] of Object.entries(mutation.fields)) {
    if (isAnswerField(field)) answers[field] = value;
  }
  const entryId = singletonAssessmentId(enrollment.id, STAGE_ENTRY);
  const fields: FieldValues = entryAssessment
    ? answers
    : {
        enrollmentId: enrollment.id,
        clientId: mutation.fields.clientId ?? null,
        dataCollectionStage: STAGE_ENTRY,
        informationDate: start,
        ...answers,
      };
  return {
    kind: 'route',
    // Every routed answer is a backfill: its writer did not see the Entry assessment's value.
    mutation: {
      ...mutation,
      recordId: entryId,
      op: entryAssessment ? 'patch' : 'create',
      fields,
      seen: {},
    },
    current: entryAssessment ?? null,
  };
}
