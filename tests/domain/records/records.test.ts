import { describe, expect, it } from 'vitest';
import {
  ID_PATTERN,
  clientSchema,
  contactSchema,
  currentLivingSituationSchema,
  derivedId,
  enrollmentSchema,
  localDateOf,
  localDateSchema,
  newId,
  normalizeId,
  singletonAssessmentId,
} from '../../../src/domain/records';
import { flattenRecord, unflattenFields } from '../../../src/domain/merge';

const client = {
  id: newId(),
  firstName: 'Robin',
  middleName: null,
  lastName: 'Testperson',
  nameSuffix: null,
  nameDataQuality: 1,
  ssn: 'xxxxx1234',
  ssnDataQuality: 2,
  dob: '1990-05-17',
  dobDataQuality: 1,
  race: [3, 6],
  raceNone: null,
  additionalRaceEthnicity: null,
  sex: 1,
  veteranStatus: 0,
  phone: '6125550100',
  email: 'robin@example.org',
  address: null,
};

describe('record ids', () => {
  it('are 32 hex characters, fitting HMIS S32 identifiers', () => {
    for (let i = 0; i < 100; i++) expect(newId()).toMatch(ID_PATTERN);
    expect(normalizeId('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe(
      '3f2504e04f8941d39a0c0305e82c3301',
    );
  });

  it('derived ids are stable, distinct per name, and never collide with random (version 4) ids', () => {
    expect(derivedId('x')).toBe(derivedId('x'));
    expect(derivedId('x')).not.toBe(derivedId('y'));
    expect(derivedId('x')[12]).toBe('8');
    expect(newId()[12]).toBe('4');
  });

  it('an enrollment has one Entry and one Exit assessment id', () => {
    const e = newId();
    expect(singletonAssessmentId(e, 1)).toBe(singletonAssessmentId(e, 1));
    expect(singletonAssessmentId(e, 1)).not.toBe(singletonAssessmentId(e, 3));
  });
});

describe('dates', () => {
  it('local dates are real calendar dates in YYYY-MM-DD', () => {
    expect(localDateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(localDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(localDateSchema.safeParse('2/3/2026').error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it('an evening contact in Minnesota is dated in the CoC time zone, not UTC', () => {
    expect(localDateOf('2026-11-25T03:30:00Z')).toBe('2026-11-24');
    expect(localDateOf('2026-07-01T04:59:00Z')).toBe('2026-06-30');
  });
});

describe('record schemas', () => {
  it('a client with universal data elements and data quality parses', () => {
    expect(clientSchema.parse(client)).toEqual(client);
  });

  it('SSN is 9 digits or x, with a message a case manager understands', () => {
    const r = clientSchema.safeParse({ ...client, ssn: '123-45-6789' });
    expect(r.error?.issues[0]?.message).toMatch(/9 digits/);
  });

  it('codes must come from the HUD list: 4.21 Sex, 3.01.5 name data quality', () => {
    expect(clientSchema.safeParse({ ...client, sex: 2 }).success).toBe(false);
    expect(clientSchema.safeParse({ ...client, nameDataQuality: 3 }).success).toBe(false);
  });

  it('3.12 Destination rejects codes valid only for Prior or Current (336, 335, 37)', () => {
    const enrollment = {
      id: newId(),
      clientId: newId(),
      providerId: newId(),
      householdId: newId(),
      relationshipToHoH: 1,
      projectStartDate: '2026-03-02',
      entryType: 'basic',
      exitDate: '2026-06-01',
      exitReason: 'housed',
      destination: 410,
      destinationSubsidyType: null,
    };
    expect(enrollmentSchema.safeParse(enrollment).success).toBe(true);
    for (const code of [336, 335, 37])
      expect(enrollmentSchema.safeParse({ ...enrollment, destination: code }).success).toBe(false);
  });

  it('4.12 Current Living Situation rejects Destination-only codes (312, 422, 24, 30)', () => {
    const cls = {
      id: newId(),
      enrollmentId: newId(),
      clientId: newId(),
      informationDate: '2026-04-10',
      currentLivingSituation: 116,
      clsSubsidyType: null,
      verifiedBy: null,
      leaveSituation14Days: null,
      subsequentResidence: null,
      resourcesToObtain: null,
      leaseOwn60Day: null,
      movedTwoOrMore: null,
      locationDetails: null,
    };
    expect(currentLivingSituationSchema.safeParse(cls).success).toBe(true);
    for (const code of [312, 422, 24, 30]) {
      expect(
        currentLivingSituationSchema.safeParse({ ...cls, currentLivingSituation: code }).success,
      ).toBe(false);
    }
  });

  it('a contact needs a kind and an ISO date-time', () => {
    const contact = {
      id: newId(),
      enrollmentId: newId(),
      clientId: newId(),
      contactAt: '2026-04-10T16:30:00Z',
      location: 'street',
      kind: 'in_person',
      note: null,
      currentLivingSituationId: newId(),
      interimAssessmentId: null,
    };
    expect(contactSchema.safeParse(contact).success).toBe(true);
    expect(contactSchema.safeParse({ ...contact, contactAt: 'April 10' }).success).toBe(false);
  });

  it('records flatten to merge fields and back', () => {
    const assessment = { id: newId(), enrollmentId: newId(), answers: { a: 1, b: [1, 2] } };
    const flat = flattenRecord(assessment);
    expect(flat).toEqual({
      enrollmentId: assessment.enrollmentId,
      'answers.a': 1,
      'answers.b': [1, 2],
    });
    expect(unflattenFields(assessment.id, flat)).toEqual(assessment);
  });
});
