// A synthetic household for the enrollment screens: Robin Testperson (head of household) and a
// child, Sky Testperson, enrolled at the test provider. Records are saved through the real write
// path (pending, as if recorded on this device) or stored as synced rows (as if pulled).
import { saveChanges, storePulledPage, type DeviceDatabase } from '../../../../src/db';
import {
  DEFAULT_PICKLIST_REGISTRY,
  FORMS,
  missingFields,
  type AnswerValue,
  type FormContext,
} from '../../../../src/domain/forms';
import { activeCodes, getList, MISSING_DATA_CODES } from '../../../../src/domain/codes';
import { fieldById } from '../../../../src/domain/forms';
import { MemoryReplica, flattenRecord, type FieldValues } from '../../../../src/domain/merge';
import { newId, singletonAssessmentId, type RecordType } from '../../../../src/domain/records';
import { Device, T0, USER_A } from '../../../domain/merge/fixtures';
import { TEST_NOW, TEST_PROVIDER } from '../render';
import { clientFields as baseClientFields } from '../../../domain/merge/fixtures';

export const PROJECT_START = '2026-03-02';

export interface Household {
  robin: string;
  sky: string;
  household: string;
  enrollment: string;
  childEnrollment: string;
  entryId: string;
}

export function newHousehold(): Household {
  const enrollment = newId();
  return {
    robin: newId(),
    sky: newId(),
    household: newId(),
    enrollment,
    childEnrollment: newId(),
    entryId: singletonAssessmentId(enrollment, 1),
  };
}

export function clientFields(first: string, dob: string): FieldValues {
  return baseClientFields({ firstName: first, ssn: null, ssnDataQuality: 99, dob, race: [6] });
}

export function enrollmentFields(
  h: Household,
  clientId: string,
  relationshipToHoH: number,
  overrides: FieldValues = {},
): FieldValues {
  return {
    clientId,
    providerId: TEST_PROVIDER.id,
    householdId: h.household,
    relationshipToHoH,
    projectStartDate: PROJECT_START,
    entryType: 'basic',
    exitDate: null,
    exitReason: null,
    destination: null,
    destinationSubsidyType: null,
    ...overrides,
  };
}

export function entryFields(
  enrollmentId: string,
  clientId: string,
  answers: Record<string, AnswerValue>,
): FieldValues {
  return flattenRecord({
    enrollmentId,
    clientId,
    dataCollectionStage: 1,
    informationDate: PROJECT_START,
    answers,
  });
}

/** Saves records as this device would (pending until synced). */
export async function saveLocal(
  db: DeviceDatabase,
  records: { type: RecordType; id: string; fields: FieldValues }[],
): Promise<void> {
  await saveChanges(
    db,
    records.map((r) => ({ ...r, op: 'create' as const })),
    { providerId: TEST_PROVIDER.id },
  );
}

let pulls = 0;

/**
 * Stores records as if another device made them an hour ago and this device pulled them (synced:
 * no pending changes).
 */
export async function storeSynced(
  db: DeviceDatabase,
  records: { type: RecordType; id: string; fields: FieldValues }[],
): Promise<void> {
  const server = new MemoryReplica(() => TEST_NOW - 60_000);
  const other = new Device('other-device', USER_A, TEST_NOW - 3_600_000 - T0);
  for (const r of records) server.receive(other.create(r.type, r.id, r.fields), USER_A);
  pulls += 1;
  await storePulledPage(
    db,
    TEST_PROVIDER.id,
    records.map((r) => server.get(r.type, r.id)!),
    `c${pulls}.1`,
  );
}

/** Robin (head of household, adult) and Sky (child), enrolled on PROJECT_START. */
export function householdRecords(
  h: Household,
  options: { entry?: Record<string, AnswerValue> | null; enrollment?: FieldValues } = {},
): { type: RecordType; id: string; fields: FieldValues }[] {
  const records: { type: RecordType; id: string; fields: FieldValues }[] = [
    { type: 'client', id: h.robin, fields: clientFields('Robin', '1990-05-17') },
    { type: 'client', id: h.sky, fields: clientFields('Sky', '2016-09-01') },
    {
      type: 'enrollment',
      id: h.enrollment,
      fields: enrollmentFields(h, h.robin, 1, options.enrollment),
    },
    { type: 'enrollment', id: h.childEnrollment, fields: enrollmentFields(h, h.sky, 2) },
  ];
  if (options.entry !== null) {
    records.push({
      type: 'assessment',
      id: h.entryId,
      fields: entryFields(h.enrollment, h.robin, options.entry ?? {}),
    });
  }
  return records;
}

export const ADULT_HOH: FormContext = {
  projectType: TEST_PROVIDER.projectType,
  subject: { isHeadOfHousehold: true, isAdult: true },
  today: '2026-03-10',
};

/** Answers that leave nothing missing at project start: the first real option of each question. */
export function completeEntryAnswers(context: FormContext): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (let round = 0; round < 20; round++) {
    const missing = missingFields(FORMS, 1, answers, context);
    if (missing.length === 0) return answers;
    for (const m of missing) {
      const field = fieldById(m.fieldId)!;
      switch (field.type) {
        case 'single':
        case 'yesno':
        case 'multi': {
          const first =
            'hudList' in field.source
              ? activeCodes(getList(field.source.hudList)).find(
                  (c) => !MISSING_DATA_CODES.includes(c.code),
                )!.code
              : DEFAULT_PICKLIST_REGISTRY.activeOptions(field.source.picklist)[0]!.code;
          answers[m.fieldId] = field.type === 'multi' ? [first] : first;
          break;
        }
        case 'money':
        case 'integer':
          answers[m.fieldId] = 0;
          break;
        case 'date':
          answers[m.fieldId] = '2026-01-01';
          break;
        default:
          answers[m.fieldId] = 'Synthetic answer';
      }
    }
  }
  throw new Error('Could not complete the Entry answers');
}
